package be.socialeinnovatiefabriek.radicale.site.markdown;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.i18n.Typography;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Markdown to HTML with one shared flexmark parser and renderer per typography (both are thread-safe), so that
 * pages render in parallel without building a parser per file. Text nodes are written by {@link PlainText}, which
 * applies the language's {@link Typography} to text only: never to code, to a link's address or title, or to an
 * image's alt text.
 */
public final class MarkdownRenderer {

    private final Parser parser;
    private final Parser parserWithoutAutolinks;
    private final MutableDataSet options;
    private final Map<Typography, HtmlRenderer> renderers = new ConcurrentHashMap<>();

    public MarkdownRenderer() {
        // Autolinking scans every text node and was a fifth of Markdown time on the build benchmark; a text
        // without anything it could link renders the same without it.
        this.parserWithoutAutolinks = Parser.builder(options(false)).build();
        this.options = options(true);
        this.parser = Parser.builder(options).build();
    }

    /** The options the site's Markdown is read and written with; {@code autolinks}: with the autolink extension. */
    static MutableDataSet options(boolean autolinks) {
        MutableDataSet options = new MutableDataSet();
        // Staff write Markdown, not HTML: raw HTML is shown as text, so nothing can slip past the CSP.
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(Parser.EXTENSIONS, autolinks
                ? List.of(TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create())
                : List.of(TablesExtension.create(), StrikethroughExtension.create()));
        return options;
    }

    /**
     * Renders {@code markdown}, the body of {@code source} starting at {@code firstLine}, in the spacing of
     * {@code typography}. Images must have alt text; relative images must exist in {@code bundleDir} and are
     * linked under {@code mediaPath}.
     */
    public Body render(String markdown, Path source, int firstLine, Path bundleDir, String mediaPath, Typography typography,
                       Problems problems) {
        Document document = (mayHoldAutolink(markdown) ? parser : parserWithoutAutolinks).parse(markdown);
        List<String> localImages = new ArrayList<>();
        new NodeVisitor(new VisitHandler<>(Image.class, image -> checkImage(image, source, firstLine, bundleDir, mediaPath, problems,
                localImages))).visit(document);
        return new Body(rendererFor(typography).render(document), List.copyOf(localImages));
    }

    /**
     * A rendered body: its HTML, and the images it shows from beside its Markdown file, as written there (relative to
     * that folder).
     */
    public record Body(String html, List<String> localImages) {
    }

    private HtmlRenderer rendererFor(Typography typography) {
        return renderers.computeIfAbsent(typography, t -> HtmlRenderer.builder(options)
                .nodeRendererFactory(ignored -> new PlainText(t)).build());
    }

    /**
     * Writes a text node as flexmark's own renderer does (its backslash escapes and entities resolved, line ends made
     * {@code \n}, then {@code & < > "} escaped), with the language's spaces put in. flexmark does each of those steps
     * with a regular expression or a copy on every text node: a third of its HTML time on the build benchmark. Most text
     * has nothing to resolve or escape, and is then written as it is.
     */
    private record PlainText(Typography typography) implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(Text.class, (text, context, html) -> html.raw(escaped(typography.apply(unescaped(text.getChars()))))));
        }
    }

    /** The text of {@code chars} as flexmark's {@code Escaping.normalizeEOL(chars.unescape())} gives it. */
    static String unescaped(BasedSequence chars) {
        String text = chars.toString();
        if (text.indexOf('\\') >= 0 || text.indexOf('&') >= 0) {
            text = chars.unescape();
        }
        return text.indexOf('\r') >= 0 ? Escaping.normalizeEOL(text) : text;
    }

    /** {@code text} as flexmark's {@code Escaping.escapeHtml(text, false)} gives it: {@code & < > "} as entities. */
    static String escaped(String text) {
        StringBuilder out = null;
        int written = 0;
        for (int i = 0; i < text.length(); i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (entity != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                }
                out.append(text, written, i).append(entity);
                written = i + 1;
            }
        }
        return out == null ? text : out.append(text, written, text.length()).toString();
    }

    /** True when {@code text} holds what the autolink extension links: an address with a scheme, a www. host or an e-mail. */
    public static boolean mayHoldAutolink(String text) {
        if (text.indexOf('@') >= 0 || text.contains("://")) {
            return true;
        }
        for (int dot = text.indexOf('.'); dot >= 3; dot = text.indexOf('.', dot + 1)) {
            if (text.regionMatches(true, dot - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    private static void checkImage(Image image, Path source, int firstLine, Path bundleDir, String mediaPath, Problems problems,
                                   List<String> localImages) {
        int line = firstLine + image.getLineNumber();
        String url = image.getUrl().toString();
        if (image.getText().isBlank()) {
            problems.add(source, line, "the image " + url + " has no alt text",
                    "describe what it shows between the brackets: ![what the image shows](" + url + ")");
        }
        if (url.isEmpty() || url.contains(":") || url.startsWith("/") || url.startsWith("#")) {
            return;
        }
        Path file = bundleDir.resolve(url).normalize();
        if (!file.startsWith(bundleDir) || !Files.isRegularFile(file)) {
            problems.add(source, line, "the image '" + url + "' is not in " + bundleDir.getFileName() + "/",
                    "put the file next to this Markdown file, or fix its name");
            return;
        }
        localImages.add(url);
        image.setUrl(BasedSequence.of(mediaPath + bundleDir.relativize(file).toString().replace('\\', '/')));
    }

}
