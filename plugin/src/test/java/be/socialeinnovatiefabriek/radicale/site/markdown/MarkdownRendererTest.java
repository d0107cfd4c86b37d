package be.socialeinnovatiefabriek.radicale.site.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.i18n.Typography;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site writes text nodes itself ({@code PlainText}); these tests hold that to flexmark's own renderer, with the
 * site's options, byte for byte, on the text a stranger could type: markup, entities, escapes, quotes, line ends.
 */
class MarkdownRendererTest {

    /** flexmark's own renderer with the site's options: what every body must render to in a language without typography. */
    private static final Parser PARSER = Parser.builder(MarkdownRenderer.options(true)).build();
    private static final HtmlRenderer FLEXMARK = HtmlRenderer.builder(MarkdownRenderer.options(true)).build();

    private static final List<String> HOSTILE = List.of(
            "<script>alert(1)</script>",
            "a < b > c & d \"e\" 'f'",
            "<img src=x onerror=alert(1)>",
            "&lt;script&gt; &amp;amp; &#60;b&#62; &#x3C;i&#x3E; &copy; &nbsp; &bogus; & alone &;",
            "\\<b\\> \\& \\\\ \\* \\_ \\` \\\" \\[not a link\\]",
            "line one\r\nline two\rline three\n\nnext \"paragraph\"",
            "**bold \"quoted\" & <tag>** _em &amp; <x>_ ~~gone & <y>~~",
            "[a \"link\" & <b>](/nl/page/ \"title & <t>\") and ![alt & \"<i>\"](https://example.org/a.png)",
            "`code <b> & \"q\"` and\n\n    indented <code> & \"x\"\n\n```\nfenced <c> & \"y\"\n```",
            "# Heading & <h> \"q\"\n\n- item & <li>\n- \"second\"\n\n> quote & <q>",
            "| a & <b> | \"c\" |\n|---|---|\n| <td> & | x\\|y |",
            "mail me at someone@example.org or see https://example.org/?a=1&b=<2> and www.example.org",
            "Zürich – café “quotes” ‘single’ 10 000 € ; : ! ? « guillemets » \u00A0\u202F emoji 🎉",
            "trailing backslash \\",
            "&#0; &#xD800; &#1114112; &#65; &#x41;",
            "");

    @Test
    void hostileTextRendersAsFlexmarkItselfWouldWriteIt(@TempDir Path bundle) {
        MarkdownRenderer renderer = new MarkdownRenderer();
        for (String markdown : HOSTILE) {
            assertEquals(flexmark(markdown), site(renderer, markdown, bundle), "for: " + markdown);
        }
    }

    @Test
    void randomMixesOfEveryCharacterThatIsEscapedRenderAsFlexmarkWould(@TempDir Path bundle) {
        String[] pieces = {"&", "<", ">", "\"", "'", "\\", "&amp;", "&#38;", "&#x26;", "&quot;", "&lt;", "&copy;", "&nope;",
            "\r", "\n", "\r\n", " ", "  ", "*", "_", "`", "[", "]", "(", ")", "#", "-", "|", "~~", "a", "word", "é", "🎉",
            "http://x.org/", "@"};
        SplittableRandom random = new SplittableRandom(20261205L);
        MarkdownRenderer renderer = new MarkdownRenderer();
        for (int i = 0; i < 3000; i++) {
            StringBuilder markdown = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int j = 0; j < length; j++) {
                markdown.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = markdown.toString();
            assertEquals(flexmark(text), site(renderer, text, bundle), "for: " + text.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    @Test
    void markupTypedInTextIsShownNotRun(@TempDir Path bundle) {
        String html = site(new MarkdownRenderer(), "Hello <script>alert(\"x\")</script> & <b onclick=\"y\">bye</b>", bundle);
        assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b onclick=&quot;y&quot;&gt;"), html);
        assertFalse(html.contains("<script") || html.contains("<b "), html);
    }

    @Test
    void frenchSpacesGoIntoTextOnlyAndTheTextIsStillEscaped(@TempDir Path bundle) {
        String html = new MarkdownRenderer().render("Vraiment ? « Oui » & <non> : [lien ?](/fr/a?b=1 \"titre ?\") `code ?`", bundle.resolve("index.fr.md"), 1,
                bundle, "/media/", Typography.of("fr"), new Problems()).html();
        assertEquals("<p>Vraiment\u202F? «\u00A0Oui\u00A0» &amp; &lt;non&gt;\u00A0: <a href=\"/fr/a?b=1\" title=\"titre ?\">lien\u202F?</a> <code>code ?</code></p>\n",
                html);
    }

    private static String flexmark(String markdown) {
        return FLEXMARK.render(PARSER.parse(markdown));
    }

    private static String site(MarkdownRenderer renderer, String markdown, Path bundle) {
        Problems problems = new Problems();
        String html = renderer.render(markdown, bundle.resolve("index.nl.md"), 1, bundle, "/media/", Typography.of("nl"), problems).html();
        assertTrue(problems.isEmpty(), problems.list().toString());
        return html;
    }
}
