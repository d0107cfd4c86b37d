package be.socialeinnovatiefabriek.radicale.site.content;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.i18n.Typography;
import be.socialeinnovatiefabriek.radicale.site.markdown.MarkdownCache;
import be.socialeinnovatiefabriek.radicale.site.markdown.MarkdownRenderer;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTML of every content file's Markdown body: kept in memory between the builds of one preview for the files that
 * did not change, and in a {@link MarkdownCache} between runs, so that flexmark renders only what is new.
 */
final class RenderedBodies {

    private final Routes routes;
    private final MarkdownCache cache;
    private volatile MarkdownRenderer markdown;
    private final Map<Path, RenderedBody> bodies = new ConcurrentHashMap<>();

    RenderedBodies(Routes routes, MarkdownCache cache) {
        this.routes = routes;
        this.cache = cache;
    }

    /**
     * The body of the file {@code fields} come from, written in {@code lang}, in the bundle {@code dir} of
     * {@code section}; problems go to {@code problems}.
     */
    String html(FrontMatter fields, Path dir, Section section, String lang, Problems problems) {
        SourceFile source = fields.source();
        RenderedBody known = bodies.get(source.path());
        // The same parsed file (unchanged on disk) renders to the same HTML: skip flexmark on rebuilds.
        if (known != null && known.source() == source) {
            return known.html();
        }
        String mediaPath = routes.bundleFile(section.folder(), dir.getFileName().toString(), "");
        String key = MarkdownCache.key(source.body(), lang, mediaPath);
        Optional<String> cached = cache.html(key, dir);
        if (cached.isPresent()) {
            keep(source, key, cached.get());
            return cached.get();
        }
        Problems own = new Problems();
        MarkdownRenderer.Body body = renderer().render(source.body(), source.path(), source.bodyLine(), dir, mediaPath,
                Typography.of(lang), own);
        if (own.isEmpty()) {
            keep(source, key, body.html());
            cache.put(key, body);
        } else {
            problems.addAll(own.list());
        }
        return body.html();
    }

    private void keep(SourceFile source, String key, String html) {
        cache.made().remember(html, HexFormat.of().parseHex(key));
        RenderedBody before = bodies.put(source.path(), new RenderedBody(source, html));
        if (before != null && before.html() != html) {
            cache.made().forget(before.html());
        }
    }

    /** flexmark, loaded when a body is not in the cache: a build with every body cached does without it. */
    private MarkdownRenderer renderer() {
        MarkdownRenderer loaded = markdown;
        if (loaded == null) {
            synchronized (this) {
                if (markdown == null) {
                    markdown = new MarkdownRenderer();
                }
                loaded = markdown;
            }
        }
        return loaded;
    }

    private record RenderedBody(SourceFile source, String html) {
    }
}
