package be.socialeinnovatiefabriek.radicale.site.deploy;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The headers a published file is stored with: its content type, and how long browsers and CloudFront may keep
 * it. A file whose name carries a content hash ({@code app.3f2a9c1d.js}) never changes under that name and is
 * kept a year; pages, feeds, the sitemap and the ballots (which the counter reads) a minute, so that a deploy
 * shows at once; stylesheets and scripts without a hash five minutes; photos, posters and fonts a day. A deploy
 * also clears what changed from CloudFront, so these lifetimes bound only what browsers keep.
 */
public record ObjectHeaders(String contentType, String cacheControl) {

    static final String PAGES = "public, max-age=60";
    static final String CODE = "public, max-age=300";
    static final String MEDIA = "public, max-age=86400";
    static final String FINGERPRINTED = "public, max-age=31536000, immutable";

    private static final Set<String> PAGE_TYPES = Set.of("html", "htm", "xml", "json", "txt", "webmanifest");
    private static final Set<String> CODE_TYPES = Set.of("css", "js", "mjs", "map");
    /** A hash of at least 8 hex digits just before the extension: {@code site.3f2a9c1d.css}, {@code photo-0a1b2c3d4e.jpg}. */
    private static final Pattern FINGERPRINT = Pattern.compile(".*[.-][0-9a-f]{8,}\\.[A-Za-z0-9]+");

    /** The headers of the file stored under {@code key} (a path in the bucket, such as {@code nl/index.html}). */
    public static ObjectHeaders of(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String cache;
        if (FINGERPRINT.matcher(name).matches()) {
            cache = FINGERPRINTED;
        } else if (PAGE_TYPES.contains(extension)) {
            cache = PAGES;
        } else if (CODE_TYPES.contains(extension)) {
            cache = CODE;
        } else {
            cache = MEDIA;
        }
        return new ObjectHeaders(ContentTypes.of(name), cache);
    }

    /** Whether {@code key} is a page, which is uploaded after everything it may refer to. */
    static boolean isPage(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm");
    }
}
