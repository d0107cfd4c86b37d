package be.socialeinnovatiefabriek.radicale.site.cache;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Texts whose hash is already known, by identity: a Markdown body's HTML is made from its cache key's inputs, so that
 * key stands for the HTML in a page's key, and the page does not hash the whole text again.
 */
public final class KnownTexts {

    private final Map<String, byte[]> hashes = Collections.synchronizedMap(new IdentityHashMap<>());

    /** From now on, this very {@code text} (not an equal one) is named by {@code hash}. */
    public void remember(String text, byte[] hash) {
        hashes.put(text, hash);
    }

    /** Forgets {@code text}, which nothing uses any more. */
    public void forget(String text) {
        hashes.remove(text);
    }

    /** The hash that names this very {@code text}, or null. */
    public byte[] hashOf(String text) {
        return hashes.get(text);
    }
}
