package be.socialeinnovatiefabriek.radicale.vote.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The token in the mailed link: 32 random bytes in base64url and nothing else, so that the link names no
 * edition, language or nominee. The store keeps only its SHA-256 and finds the pending vote by it
 * ({@link VoteStore#lookUp}); a token it does not hold stands for nothing.
 */
public record ConfirmationToken(String value) {

    // A new token's 43 characters; links mailed before tokens became opaque (<edition>.<lang>.<nominee>.<secret>)
    // keep working until they expire, as the store knows them by the hash of the same whole value.
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}|[A-Za-z0-9_.-]{48,200}");

    public static ConfirmationToken next(SecureRandom random) {
        return new ConfirmationToken(RandomToken.next(random));
    }

    /** The token in {@code value}, or empty when it cannot be one of ours (then no store is asked). */
    public static Optional<ConfirmationToken> parse(String value) {
        return value != null && SHAPE.matcher(value).matches() ? Optional.of(new ConfirmationToken(value)) : Optional.empty();
    }

    /** SHA-256 of {@link #value()}, hex: all the store keeps of the token. */
    public String hash() {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "ConfirmationToken[(secret)]";
    }
}
