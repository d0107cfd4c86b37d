package be.socialeinnovatiefabriek.radicale.vote.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** 32 random bytes in base64url: the secret of a confirmation token, and the browser token of the voter cookie. */
public final class RandomToken {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private RandomToken() {
    }

    public static String next(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code token} could be one we made. */
    public static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }
}
