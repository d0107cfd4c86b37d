package be.socialeinnovatiefabriek.radicale.site.deploy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CloudFront paths to clear for changed keys: each key's own path, and for a folder's {@code index.html} also
 * the folder's address ({@code /nl/} for {@code nl/index.html}), percent-encoded as CloudFront asks. Past
 * {@value #MAX_PATHS} paths the whole distribution ({@code /*}) is cleared in one path instead: CloudFront bills
 * invalidations per path, and a wildcard counts as one.
 */
public final class InvalidationPaths {

    /** The most paths cleared one by one. */
    public static final int MAX_PATHS = 100;
    /** Every path of the distribution. */
    public static final String EVERYTHING = "/*";

    private static final String INDEX = "index.html";

    private InvalidationPaths() {
    }

    /** The paths for {@code keys}, in their order, each once; {@code [/*]} past {@link #MAX_PATHS}. */
    public static List<String> of(List<String> keys) {
        Set<String> paths = new LinkedHashSet<>();
        for (String key : keys) {
            paths.add("/" + encoded(key));
            if (key.equals(INDEX) || key.endsWith("/" + INDEX)) {
                paths.add("/" + encoded(key.substring(0, key.length() - INDEX.length())));
            }
        }
        return paths.size() > MAX_PATHS ? List.of(EVERYTHING) : List.copyOf(new ArrayList<>(paths));
    }

    /** {@code key} with every byte outside letters, digits, {@code / - . _ ~} percent-encoded (so {@code *} is no wildcard). */
    static String encoded(String key) {
        StringBuilder out = new StringBuilder();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
