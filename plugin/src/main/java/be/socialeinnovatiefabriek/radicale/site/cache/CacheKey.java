package be.socialeinnovatiefabriek.radicale.site.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over everything that shapes a generated file (a photo, a card, a rendered body): equal keys mean the same
 * file.
 */
public final class CacheKey {

    private final MessageDigest digest;

    /** A key for a {@code recipe}: name it with a version ("card-v1"), and bump it when the drawing changes. */
    public CacheKey(String recipe) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        add(recipe);
    }

    public CacheKey add(String value) {
        return add(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds {@code value}, its length first, so that ("ab", "c") and ("a", "bc") give different keys. */
    public CacheKey add(byte[] value) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        digest.update(value);
        return this;
    }

    /** The key in hexadecimal, 64 characters. */
    public String hex() {
        return HexFormat.of().formatHex(bytes());
    }

    /** The key's 32 bytes. */
    public byte[] bytes() {
        return digest.digest();
    }
}
