package be.socialeinnovatiefabriek.radicale.vote.mail;

import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.AlreadyCountedMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.Mail;
import be.socialeinnovatiefabriek.radicale.vote.text.HtmlText;
import be.socialeinnovatiefabriek.radicale.vote.text.LocalisedTexts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of the counter's two mails per language, from {@code mail/confirmation_<lang>.properties}.
 * The confirmation mail: keys {@code subject}, {@code text}, {@code html}, with placeholders {@code {campaign}},
 * {@code {nominee}}, {@code {link}} and {@code {validity}}; {@code validity} is the sentence {@code validFor}
 * ({@code {hours}}) or, when voting closes before the link's lifetime ends, {@code validUntil} ({@code {until}},
 * the close in Brussels time written with the {@code dateTime} pattern). The mail to an address that has
 * already voted: keys {@code countedSubject}, {@code countedText}, {@code countedHtml}, with {@code {campaign}}
 * and {@code {nominee}}. Shared by every mailer so that they all send the same subject.
 */
final class ConfirmationTemplates {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    /** Per key, the placeholders it may use. */
    private static final Map<String, List<String>> PLACEHOLDERS = Map.of(
            "subject", List.of("campaign", "nominee"),
            "text", List.of("campaign", "nominee", "link", "validity"),
            "html", List.of("campaign", "nominee", "link", "validity"),
            "validFor", List.of("hours"),
            "validUntil", List.of("until"),
            "countedSubject", List.of("campaign"),
            "countedText", List.of("campaign", "nominee"),
            "countedHtml", List.of("campaign", "nominee"));
    /** Per key, the placeholders it must use: without them the voter could not confirm, or not know until when. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "subject", List.of(),
            "text", List.of("link", "validity"),
            "html", List.of("link", "validity"),
            "validFor", List.of("hours"),
            "validUntil", List.of("until"),
            "countedSubject", List.of(),
            "countedText", List.of("campaign"),
            "countedHtml", List.of("campaign"));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}+");

    private final Map<String, Map<String, String>> templates;
    private final Map<String, DateTimeFormatter> dateTimes;

    private ConfirmationTemplates(Map<String, Map<String, String>> templates, Map<String, DateTimeFormatter> dateTimes) {
        this.templates = templates;
        this.dateTimes = dateTimes;
    }

    /** Reads and checks the templates of every language; a broken template fails here, not at the first vote. */
    static ConfirmationTemplates load() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        Map<String, DateTimeFormatter> dateTimes = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Properties> language : LocalisedTexts.load("mail/confirmation").entrySet()) {
            String lang = language.getKey();
            Properties properties = language.getValue();
            String resource = LocalisedTexts.resource("mail/confirmation", lang);
            Map<String, String> texts = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> key : PLACEHOLDERS.entrySet()) {
                String name = key.getKey();
                String text = properties.getProperty(name);
                if (text == null || text.isBlank()) {
                    problems.add(resource + ": '" + name + "' is missing");
                    continue;
                }
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    if (!key.getValue().contains(m.group(1))) {
                        problems.add(resource + ": '" + name + "' has an unknown placeholder " + m.group()
                                + "; use " + key.getValue());
                    }
                }
                for (String required : REQUIRED.get(name)) {
                    if (!text.contains("{" + required + "}")) {
                        problems.add(resource + ": '" + name + "' has no {" + required + "}");
                    }
                }
                texts.put(name, text);
            }
            String pattern = properties.getProperty("dateTime", "");
            DateTimeFormatter dateTime = dateTimeFormatter(pattern, lang);
            if (dateTime == null) {
                problems.add(resource + ": 'dateTime' is not a date-time pattern (got \"" + pattern
                        + "\"); write it like d MMMM yyyy 'at' HH:mm");
            } else {
                dateTimes.put(lang, dateTime);
            }
            all.put(lang, Map.copyOf(texts));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The mail templates are broken: " + String.join("; ", problems));
        }
        return new ConfirmationTemplates(Map.copyOf(all), Map.copyOf(dateTimes));
    }

    /** The subject and bodies of {@code mail}, in the voter's language. */
    ConfirmationMessage render(Mail mail) {
        if (mail instanceof ConfirmationMail confirmation) {
            return render(confirmation);
        }
        AlreadyCountedMail counted = (AlreadyCountedMail) mail;
        String lang = LocalisedTexts.language(counted.lang());
        Map<String, String> texts = templates.get(lang);
        Map<String, String> values = Map.of(
                "campaign", oneLine(counted.campaignTitle()),
                "nominee", oneLine(counted.nomineeName()));
        return message(lang, fill(texts.get("countedSubject"), values, UnaryOperator.identity()),
                fill(texts.get("countedText"), values, UnaryOperator.identity()),
                fill(texts.get("countedHtml"), values, HtmlText::escape));
    }

    private ConfirmationMessage render(ConfirmationMail mail) {
        String lang = LocalisedTexts.language(mail.lang());
        Map<String, String> texts = templates.get(lang);
        String validity = mail.endsAtClose()
                ? fill(texts.get("validUntil"), Map.of("until", dateTimes.get(lang).format(mail.expires())),
                        UnaryOperator.identity())
                : fill(texts.get("validFor"), Map.of("hours", Long.toString(ConfirmationMail.LINK_LIFETIME.toHours())),
                        UnaryOperator.identity());
        Map<String, String> values = Map.of(
                "campaign", oneLine(mail.campaignTitle()),
                "nominee", oneLine(mail.nomineeName()),
                "link", mail.confirmUrl().toASCIIString(),
                "validity", validity);
        return message(lang, fill(texts.get("subject"), values, UnaryOperator.identity()),
                fill(texts.get("text"), values, UnaryOperator.identity()),
                fill(texts.get("html"), values, HtmlText::escape));
    }

    private static ConfirmationMessage message(String lang, String subject, String text, String body) {
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

    // A time in Brussels, with the month's name in the mail's language.
    private static DateTimeFormatter dateTimeFormatter(String pattern, String lang) {
        try {
            return pattern.isBlank() ? null
                    : DateTimeFormatter.ofPattern(pattern, Locale.forLanguageTag(lang)).withZone(BRUSSELS);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // A name or title with a line break would break the subject header and the text's layout.
    private static String oneLine(String value) {
        return value == null ? "" : CONTROL.matcher(value).replaceAll(" ").strip();
    }
}
