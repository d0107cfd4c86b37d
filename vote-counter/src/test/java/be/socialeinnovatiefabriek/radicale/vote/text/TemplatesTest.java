package be.socialeinnovatiefabriek.radicale.vote.text;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Templates and the texts of each language: as HTML every text and value is escaped and only {{#strong}} adds
 * markup; as plain text nothing is escaped; a value is never read as a template; what is missing fails at load.
 * The sample templates are in the test resources, templates-sample/ and templates-broken/.
 */
class TemplatesTest {

    private static final Templates SAMPLE = Templates.load("templates-sample", "texts", List.of("page"), List.of("note"));

    @Test
    void writesTheTextsOfTheLanguageAskedForAndDutchForAnyOther() {
        Map<String, String> values = Map.of("name", "Zoë", "link", "https://example.org/?a=1&b=2");

        assertAll(
                () -> assertEquals("<p lang=\"fr\">Bonjour <strong>Zoë</strong>, c&#39;est &lt;vrai&gt;</p>\n"
                        + "<a href=\"https://example.org/?a=1&amp;b=2\">Ouvrir Zoë</a>\n", SAMPLE.html("page", "fr", values)),
                () -> assertEquals("<p lang=\"en\">Hello <strong>Zoë</strong></p>\n"
                        + "<a href=\"https://example.org/?a=1&amp;b=2\">Open Zoë</a>\n", SAMPLE.html("page", "en-GB", values)),
                () -> assertTrue(SAMPLE.html("page", "de", values).startsWith("<p lang=\"nl\">Hallo <strong>Zoë</strong>, "
                        + "dit is &quot;echt&quot; &amp; zo</p>"), SAMPLE.html("page", "de", values)));
    }

    @Test
    void escapesEveryHostileValueInHtmlAndNoneInText() {
        Map<String, String> hostile = Map.of("name", "\"><script>alert('x')</script>{{link}}",
                "link", "javascript:alert(1)\" onclick=\"x");

        String html = SAMPLE.html("page", "en", hostile);
        String text = SAMPLE.text("note", "en", hostile);

        assertAll(
                () -> assertEquals("<p lang=\"en\">Hello <strong>&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
                        + "{{link}}</strong></p>\n<a href=\"javascript:alert(1)&quot; onclick=&quot;x\">Open &quot;&gt;"
                        + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;{{link}}</a>\n", html),
                // A value that reads like a template stays text: it is never compiled.
                () -> assertEquals("Hello \"><script>alert('x')</script>{{link}}\njavascript:alert(1)\" onclick=\"x\n", text));
    }

    @Test
    void aTextAloneIsPlainText() {
        assertEquals("Bonjour Zoë & co, c'est <vrai>", SAMPLE.plainText("hello", "fr", Map.of("name", "Zoë & co")));
        assertEquals("Open {{name}}", SAMPLE.raw("link", "nl"), "as written in the file");
    }

    @Test
    void aTextTheFilesDoNotHaveIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SAMPLE.plainText("goodbye", "fr", Map.of()));

        assertTrue(e.getMessage().contains("templates-sample/texts_fr.properties has no text 'goodbye'"), e.getMessage());
    }

    @Test
    void brokenTemplatesAndTextsFailAtLoadNamingEachProblem() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Templates.load("templates-broken", "texts", List.of("page", "absent"), List.of()));

        String message = e.getMessage();
        assertAll(
                () -> assertTrue(message.contains("templates-broken/page.mustache: "), message),
                () -> assertTrue(message.contains("templates-broken/absent.mustache: "), message),
                () -> assertTrue(message.contains("templates-broken/texts_fr.properties: every language has the same texts; "
                        + "missing [link]"), message),
                () -> assertTrue(message.contains("templates-broken/texts_en.properties: every language has the same texts; "
                        + "unknown [extra]"), message));
    }
}
