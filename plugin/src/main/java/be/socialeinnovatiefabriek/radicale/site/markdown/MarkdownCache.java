package be.socialeinnovatiefabriek.radicale.site.markdown;

import be.socialeinnovatiefabriek.radicale.site.cache.CacheKey;
import be.socialeinnovatiefabriek.radicale.site.cache.KnownTexts;
import be.socialeinnovatiefabriek.radicale.site.cache.PackCache;
import be.socialeinnovatiefabriek.radicale.site.i18n.Typography;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Markdown bodies as an earlier build rendered them, kept in a {@link PackCache}, so that a build whose
 * Markdown did not change neither loads flexmark nor parses a line. An entry is named by a hash of everything its
 * HTML depends on (the body, its language's typography, where its images are published, and the renderer's code and
 * libraries), so it is never stale. It also names the images the body shows: an entry is used only while each is
 * still a file beside the Markdown, as rendering would have checked.
 */
public final class MarkdownCache {

    private static final String HEADER = "markdown-body 1";
    /** The renderer's code and libraries: part of every key, so a new version of either renders every body again. */
    private static final byte[] RENDERER = PackCache.codeFingerprint(
            "be/socialeinnovatiefabriek/radicale/site/markdown/MarkdownRenderer.class",
            "be/socialeinnovatiefabriek/radicale/site/markdown/MarkdownRenderer$PlainText.class",
            "be/socialeinnovatiefabriek/radicale/site/i18n/Typography.class",
            "com/vladsch/flexmark/parser/Parser.class", "com/vladsch/flexmark/html/HtmlRenderer.class",
            "com/vladsch/flexmark/ext/tables/TablesExtension.class",
            "com/vladsch/flexmark/ext/gfm/strikethrough/StrikethroughExtension.class",
            "com/vladsch/flexmark/ext/autolink/AutolinkExtension.class");

    private final PackCache pack;
    private final KnownTexts made = new KnownTexts();

    public MarkdownCache(PackCache pack) {
        this.pack = pack;
    }

    /** The HTML this cache handed out, each named by its key: what a page's key may use instead of the text. */
    public KnownTexts made() {
        return made;
    }

    /** The name of the entry for {@code markdown} written in {@code lang}, its images published under {@code mediaPath}. */
    public static String key(String markdown, String lang, String mediaPath) {
        String typography = Typography.of(lang).changesText() ? lang : "";
        return new CacheKey("markdown-body").add(RENDERER).add(typography).add(mediaPath).add(markdown).hex();
    }


    /**
     * The HTML kept under {@code key}, when there is such an entry and every image it names is still a file in
     * {@code bundleDir}; else empty (the body is then rendered, and its problems found, as if there were no cache).
     */
    public Optional<String> html(String key, Path bundleDir) {
        byte[] kept = pack.get(key);
        if (kept == null) {
            return Optional.empty();
        }
        // The header line, a line with the number of images, one line per image, then the HTML.
        String[] head = new String(kept, StandardCharsets.UTF_8).split("\n", 3);
        if (head.length < 3 || !head[0].equals(HEADER)) {
            return Optional.empty();
        }
        int images;
        try {
            images = Integer.parseInt(head[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String rest = head[2];
        for (int i = 0; i < images; i++) {
            int end = rest.indexOf('\n');
            if (end < 0) {
                return Optional.empty();
            }
            Path image = bundleDir.resolve(rest.substring(0, end)).normalize();
            if (!image.startsWith(bundleDir) || !Files.isRegularFile(image)) {
                return Optional.empty();
            }
            rest = rest.substring(end + 1);
        }
        return Optional.of(rest);
    }

    /** Keeps {@code body} under {@code key}. */
    public void put(String key, MarkdownRenderer.Body body) {
        StringBuilder entry = new StringBuilder(body.html().length() + 64).append(HEADER).append('\n')
                .append(body.localImages().size()).append('\n');
        body.localImages().forEach(image -> entry.append(image).append('\n'));
        entry.append(body.html());
        pack.put(key, entry.toString().getBytes(StandardCharsets.UTF_8));
    }
}
