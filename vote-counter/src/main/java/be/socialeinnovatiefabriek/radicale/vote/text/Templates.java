package be.socialeinnovatiefabriek.radicale.vote.text;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The counter's pages and mails of one folder on the class path: Mustache templates
 * ({@code <folder>/<name>.mustache}) that set out the texts of each language ({@code <folder>/<texts>_<lang>.properties}).
 *
 * <p>A template places a text with {@code {{#t}}key{{/t}}} and a value with {@code {{name}}}. A text is plain
 * text, one sentence or so per key, and may hold the values too ({@code {{campaign}}}) and mark one to be set in
 * bold ({@code {{#strong}}{{nominee}}{{/strong}}}). Written as HTML, every text and every value is escaped;
 * written as text (a mail's plain part, its subject), nothing is. Everything is read and compiled once, by
 * {@link #load}: a missing template or text fails there, not at the first vote.
 */
public final class Templates {

    private final String folder;
    private final String texts;
    private final Map<String, Mustache> html = new HashMap<>();
    private final Map<String, Mustache> plain = new HashMap<>();
    /** Per language, per key: the text compiled as HTML (escaped) and as plain text. */
    private final Map<String, Map<String, Mustache>> htmlTexts = new HashMap<>();
    private final Map<String, Map<String, Mustache>> plainTexts = new HashMap<>();
    private final Map<String, Properties> properties;

    private Templates(String folder, String texts, Map<String, Properties> properties) {
        this.folder = folder;
        this.texts = texts;
        this.properties = properties;
    }

    /**
     * The templates {@code htmlNames} (written as HTML) and {@code textNames} (written as plain text) of
     * {@code folder}, with the texts {@code <folder>/<texts>_<lang>.properties} of every language (none when
     * {@code texts} is null: a page in one language, its words in the template).
     *
     * @throws IllegalStateException naming every template or text that is missing or cannot be read
     */
    public static Templates load(String folder, String texts, List<String> htmlNames, List<String> textNames) {
        Templates templates = new Templates(folder, texts, texts == null ? Map.of() : LocalisedTexts.load(folder + "/" + texts));
        List<String> problems = new ArrayList<>();
        DefaultMustacheFactory asHtml = new Factory(folder, true);
        DefaultMustacheFactory asText = new Factory(folder, false);
        for (String name : htmlNames) {
            templates.compile(asHtml, name, templates.html, problems);
        }
        for (String name : textNames) {
            templates.compile(asText, name, templates.plain, problems);
        }
        Set<String> keys = texts == null ? Set.of()
                : templates.properties.get(LocalisedTexts.LANGUAGES.get(0)).stringPropertyNames();
        templates.properties.forEach((lang, languageTexts) -> {
            String resource = folder + "/" + LocalisedTexts.resource(texts, lang);
            Set<String> missing = new TreeSet<>(keys);
            missing.removeAll(languageTexts.stringPropertyNames());
            Set<String> extra = new TreeSet<>(languageTexts.stringPropertyNames());
            extra.removeAll(keys);
            if (!missing.isEmpty() || !extra.isEmpty()) {
                problems.add(resource + ": every language has the same texts" + (missing.isEmpty() ? "" : "; missing " + missing)
                        + (extra.isEmpty() ? "" : "; unknown " + extra));
            }
            Map<String, Mustache> asHtmlTexts = new HashMap<>();
            Map<String, Mustache> asPlainTexts = new HashMap<>();
            for (String key : languageTexts.stringPropertyNames()) {
                String text = languageTexts.getProperty(key);
                String name = resource + ": " + key;
                try {
                    // The text's own words are escaped before it is compiled; its values are escaped as they are written.
                    asHtmlTexts.put(key, asHtml.compile(new StringReader(escape(text)), name));
                    asPlainTexts.put(key, asText.compile(new StringReader(text), name));
                } catch (MustacheException e) {
                    problems.add(name + ": " + e.getMessage());
                }
            }
            templates.htmlTexts.put(lang, asHtmlTexts);
            templates.plainTexts.put(lang, asPlainTexts);
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The templates in " + folder + "/ are broken: " + String.join("; ", problems));
        }
        return templates;
    }

    private void compile(DefaultMustacheFactory factory, String name, Map<String, Mustache> into, List<String> problems) {
        try {
            into.put(name, factory.compile(name + ".mustache"));
        } catch (MustacheException e) {
            problems.add(folder + "/" + name + ".mustache: " + e.getMessage());
        }
    }

    /** The HTML template {@code name} in {@code lang} (one of {@link LocalisedTexts#LANGUAGES}) with {@code values}. */
    public String html(String name, String lang, Map<String, ?> values) {
        return write(html, name, lang, values, htmlTexts, true);
    }

    /** The plain-text template {@code name} in {@code lang} with {@code values}. */
    public String text(String name, String lang, Map<String, ?> values) {
        return write(plain, name, lang, values, plainTexts, false);
    }

    /** The text {@code key} in {@code lang} as plain text (a mail's subject), with {@code values}. */
    public String plainText(String key, String lang, Map<String, ?> values) {
        return execute(text(plainTexts, lang, key), scope(values, plainTexts, lang, false));
    }

    /** The text {@code key} in {@code lang} as it is written in the texts file, values and all (a date pattern). */
    public String raw(String key, String lang) {
        return properties.get(LocalisedTexts.language(lang)).getProperty(key);
    }

    private String write(Map<String, Mustache> templates, String name, String lang, Map<String, ?> values,
                         Map<String, Map<String, Mustache>> texts, boolean asHtml) {
        Mustache template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException(folder + "/" + name + ".mustache was not loaded " + (asHtml ? "as HTML" : "as text"));
        }
        return execute(template, scope(values, texts, LocalisedTexts.language(lang), asHtml));
    }

    private Map<String, Object> scope(Map<String, ?> values, Map<String, Map<String, Mustache>> texts, String lang,
                                      boolean asHtml) {
        Map<String, Object> scope = new HashMap<>(values);
        scope.put("lang", lang);
        Function<String, String> strong = asHtml ? words -> "<strong>" + words + "</strong>" : Function.identity();
        scope.put("strong", strong);
        // A text is written with the same values as its template, and escaped as its template is.
        Map<String, Object> textScope = new HashMap<>(scope);
        Function<String, String> text = key -> execute(text(texts, lang, key), textScope);
        scope.put("t", text);
        return scope;
    }

    private Mustache text(Map<String, Map<String, Mustache>> texts, String lang, String key) {
        Mustache text = texts.getOrDefault(LocalisedTexts.language(lang), Map.of()).get(key);
        if (text == null) {
            throw new IllegalArgumentException(folder + "/" + LocalisedTexts.resource(this.texts, lang) + " has no text '"
                    + key + "'");
        }
        return text;
    }

    private static String execute(Mustache template, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }

    /**
     * &amp;, &lt;, &gt;, quotes and apostrophes as entities: what text and quoted attribute values need. Mustache's
     * own escaper also writes {@code =} and line ends as entities, which would garble every link in the source.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Templates from {@code folder} on the class path, their values escaped for HTML or written as they are. */
    private static final class Factory extends DefaultMustacheFactory {
        private final boolean asHtml;

        Factory(String folder, boolean asHtml) {
            super(folder);
            this.asHtml = asHtml;
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(asHtml ? escape(value) : value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
