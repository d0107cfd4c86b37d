package be.socialeinnovatiefabriek.radicale.site.deploy;

import java.util.Locale;
import java.util.Map;

/** The media type of each kind of file the site publishes: one table for the preview server and for site:deploy. */
public final class ContentTypes {

    private static final String UNKNOWN = "application/octet-stream";
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("gif", "image/gif"), Map.entry("ico", "image/x-icon"), Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("pdf", "application/pdf"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"));

    private ContentTypes() {
    }

    /** The type of the file named {@code name} (its last path segment, or a whole path). */
    public static String of(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        if (file.equals("feed.xml")) {
            return "application/atom+xml"; // the news feeds: Atom, as their links announce
        }
        int dot = file.lastIndexOf('.');
        return dot < 0 ? UNKNOWN : BY_EXTENSION.getOrDefault(file.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN);
    }
}
