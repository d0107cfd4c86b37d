package be.socialeinnovatiefabriek.radicale.vote.mail;

import be.socialeinnovatiefabriek.radicale.vote.core.HtmlText;
import be.socialeinnovatiefabriek.radicale.vote.core.Mailer.ConfirmationMail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The confirmation mail's texts per language, from {@code mail/confirmation_<lang>.properties}
 * (keys {@code subject}, {@code text}, {@code html}; placeholders {@code {campaign}}, {@code {nominee}},
 * {@code {link}}, {@code {hours}}). Shared by every mailer so that they all send the same subject.
 */
final class ConfirmationTemplates {

    /** The site's languages; the first is the default and the fallback for any other. */
    static final List<String> LANGUAGES = List.of("nl", "fr", "en");

    /** How long the confirmation link stays valid (the core's token lifetime, see the README). */
    static final int LINK_VALID_HOURS = 48;

    private static final Set<String> KEYS = Set.of("subject", "text", "html");
    private static final Set<String> PLACEHOLDERS = Set.of("campaign", "nominee", "link", "hours");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}+");

    private final Map<String, Map<String, String>> templates;

    private ConfirmationTemplates(Map<String, Map<String, String>> templates) {
        this.templates = templates;
    }

    /** Reads and checks the templates of every language; a broken template fails here, not at the first vote. */
    static ConfirmationTemplates load() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String lang : LANGUAGES) {
            String resource = "mail/confirmation_" + lang + ".properties";
            Properties properties = read(resource);
            Map<String, String> texts = new LinkedHashMap<>();
            for (String key : KEYS) {
                String text = properties.getProperty(key);
                if (text == null || text.isBlank()) {
                    problems.add(resource + ": '" + key + "' is missing");
                    continue;
                }
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    if (!PLACEHOLDERS.contains(m.group(1))) {
                        problems.add(resource + ": '" + key + "' has an unknown placeholder " + m.group()
                                + "; use " + PLACEHOLDERS);
                    }
                }
                if (!key.equals("subject") && !text.contains("{link}")) {
                    problems.add(resource + ": '" + key + "' has no {link}; the voter could not confirm");
                }
                texts.put(key, text);
            }
            all.put(lang, Map.copyOf(texts));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The confirmation mail templates are broken: " + String.join("; ", problems));
        }
        return new ConfirmationTemplates(Map.copyOf(all));
    }

    /** The language a mail for {@code requested} is written in: its own if there are templates for it, else nl. */
    static String language(String requested) {
        if (requested == null) {
            return LANGUAGES.get(0);
        }
        // "fr-BE" and "FR" are French.
        String base = requested.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return LANGUAGES.contains(base) ? base : LANGUAGES.get(0);
    }

    /** The subject and bodies of {@code mail}, in the voter's language. */
    ConfirmationMessage render(ConfirmationMail mail) {
        String lang = language(mail.lang());
        Map<String, String> texts = templates.get(lang);
        Map<String, String> values = Map.of(
                "campaign", oneLine(mail.campaignTitle()),
                "nominee", oneLine(mail.nomineeName()),
                "link", mail.confirmUrl().toASCIIString(),
                "hours", Integer.toString(LINK_VALID_HOURS));
        String subject = fill(texts.get("subject"), values, UnaryOperator.identity());
        String text = fill(texts.get("text"), values, UnaryOperator.identity());
        String body = fill(texts.get("html"), values, HtmlText::escape);
        String html = "<!doctype html>\n"
                + "<html lang=\"" + lang + "\">\n"
                + "<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + HtmlText.escape(subject) + "</title>\n"
                + "</head>\n"
                + "<body>\n"
                + body + "\n"
                + "</body>\n"
                + "</html>\n";
        return new ConfirmationMessage(lang, subject, text, html);
    }

    // One pass, so a value that itself reads "{link}" stays text.
    private static String fill(String template, Map<String, String> values, UnaryOperator<String> encode) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 128);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(encode.apply(values.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    // A name or title with a line break would break the subject header and the text's layout.
    private static String oneLine(String value) {
        return value == null ? "" : CONTROL.matcher(value).replaceAll(" ").strip();
    }

    private static Properties read(String resource) {
        try (InputStream in = ConfirmationTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path; the vote counter's jar is incomplete");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }
}
