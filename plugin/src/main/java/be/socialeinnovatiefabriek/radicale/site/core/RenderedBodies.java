package be.socialeinnovatiefabriek.radicale.site.core;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The HTML of every content file's Markdown body, kept between builds for the files that did not change. */
final class RenderedBodies {

    private final SiteConfig config;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final Map<Path, RenderedBody> bodies = new ConcurrentHashMap<>();

    RenderedBodies(SiteConfig config) {
        this.config = config;
    }

    /**
     * The body of the file {@code fields} come from, written in {@code lang}, in the bundle {@code dir} of
     * {@code section}; problems go to {@code problems}.
     */
    String html(Fields fields, Path dir, String section, String lang, Problems problems) {
        SourceFile source = fields.source();
        RenderedBody known = bodies.get(source.path());
        // The same parsed file (unchanged on disk) renders to the same HTML: skip flexmark on rebuilds.
        if (known != null && known.source() == source) {
            return known.html();
        }
        String mediaPath = config.basePath() + "/media/" + section + "/" + dir.getFileName() + "/";
        Problems own = new Problems();
        String html = markdown.render(source.body(), source.path(), source.bodyLine(), dir, mediaPath, Typography.of(lang), own);
        if (own.isEmpty()) {
            bodies.put(source.path(), new RenderedBody(source, html));
        } else {
            problems.addAll(own.list());
        }
        return html;
    }

    private record RenderedBody(SourceFile source, String html) {
    }
}
