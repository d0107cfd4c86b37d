package be.socialeinnovatiefabriek.radicale.site.content;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.i18n.Typography;
import be.socialeinnovatiefabriek.radicale.site.markdown.MarkdownRenderer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The HTML of every content file's Markdown body, kept between builds for the files that did not change. */
final class RenderedBodies {

    private final Routes routes;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final Map<Path, RenderedBody> bodies = new ConcurrentHashMap<>();

    RenderedBodies(Routes routes) {
        this.routes = routes;
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
