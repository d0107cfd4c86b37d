package be.socialeinnovatiefabriek.radicale.vote.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token in the mailed link: {@code <campaign>.<lang>.<nominee>.<secret>}, the secret being 32 random
 * bytes in base64url. The readable part lets the confirmation page name the vote and pick the ballot (its
 * window, its votes per voter) before the store is asked; only the SHA-256 of the whole token is stored,
 * so changing any part of it makes an unknown token.
 */
record ConfirmationToken(String campaign, String lang, String nominee, String secret) {

    private static final Pattern SHAPE = Pattern.compile(
            "(\\d{4})\\.([a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\\.([a-z0-9]+(?:-[a-z0-9]+)*)\\.([A-Za-z0-9_-]{43})");
    private static final int MAX_LENGTH = 200;

    static ConfirmationToken next(String campaign, String lang, String nominee, SecureRandom random) {
        return new ConfirmationToken(campaign, lang, nominee, RandomToken.next(random));
    }

    /** The token in {@code value}, or empty when it is not shaped like one of ours. */
    static Optional<ConfirmationToken> parse(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher parts = SHAPE.matcher(value);
        return parts.matches()
                ? Optional.of(new ConfirmationToken(parts.group(1), parts.group(2), parts.group(3), parts.group(4)))
                : Optional.empty();
    }

    /** What goes in the link (URL-safe as it is). */
    String value() {
        return campaign + "." + lang + "." + nominee + "." + secret;
    }

    /** SHA-256 of {@link #value()}, hex: all the store keeps of the token. */
    String hash() {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value().getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "ConfirmationToken[" + campaign + "." + lang + "." + nominee + ".(secret)]";
    }
}
