package be.socialeinnovatiefabriek.radicale.vote.core;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns what identifies a voter (an address, a browser token) or a client (an IP) into a keyed hash,
 * so that no store and no log ever holds the value itself. Each kind is hashed in its own domain.
 */
public final class VoterIdentity {

    public static final int MAX_ADDRESS_LENGTH = 254;

    private static final String ATOM = "[a-z0-9!#$%&'*/=?^_`{|}~-]+";
    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern ADDRESS = Pattern.compile(
            ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})");

    private final SecretKeySpec key;

    public VoterIdentity(String hmacKey) {
        this.key = new SecretKeySpec(hmacKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * The address as the counter tells voters apart: trimmed, lower-cased, without a {@code +tag} in the
     * local part; empty when it is not a plausible address.
     */
    public static Optional<String> normalise(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String trimmed = address.trim().toLowerCase(Locale.ROOT);
        int at = trimmed.lastIndexOf('@');
        if (trimmed.length() > MAX_ADDRESS_LENGTH || at < 1) {
            return Optional.empty();
        }
        String local = trimmed.substring(0, at);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        String normalised = local + trimmed.substring(at);
        boolean plausible = !local.isEmpty() && local.length() <= 64 && ADDRESS.matcher(normalised).matches();
        return plausible ? Optional.of(normalised) : Optional.empty();
    }

    /** The voter key of a normalised address. */
    public String ofAddress(String normalisedAddress) {
        return hmac("address:" + normalisedAddress);
    }

    /** The voter key of a browser token (the {@code voter} cookie, for verification none). */
    public String ofBrowser(String browserToken) {
        return hmac("browser:" + browserToken);
    }

    /** The rate-limit key of a client IP. */
    public String ofClient(String clientIp) {
        return hmac("client:" + clientIp);
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
