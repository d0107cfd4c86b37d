package be.socialeinnovatiefabriek.radicale.vote.mail;

import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.AlreadyCountedMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.Mail;
import be.socialeinnovatiefabriek.radicale.vote.text.LocalisedTexts;
import be.socialeinnovatiefabriek.radicale.vote.text.Templates;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The counter's two mails in the voter's language: the templates {@code mail/confirmation.*.mustache} and
 * {@code mail/already-counted.*.mustache} (a plain-text and an HTML part each) with the texts of
 * {@code mail/mail_<lang>.properties}. The confirmation mail says how long its link lasts: {@code validFor} its
 * lifetime in hours, or {@code validUntil} the close of voting in Brussels time (written with the language's
 * {@code dateTime} pattern) when that comes sooner. Shared by every mailer, so that they all send the same subject.
 */
final class MailTemplates {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}+");

    private final Templates templates;
    private final Map<String, DateTimeFormatter> dateTimes;

    private MailTemplates(Templates templates, Map<String, DateTimeFormatter> dateTimes) {
        this.templates = templates;
        this.dateTimes = dateTimes;
    }

    /** Reads and checks the templates and texts of every language; a broken one fails here, not at the first vote. */
    static MailTemplates load() {
        Templates templates = Templates.load("mail", "mail", List.of("confirmation.html", "already-counted.html"),
                List.of("confirmation.txt", "already-counted.txt"));
        Map<String, DateTimeFormatter> dateTimes = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String lang : LocalisedTexts.LANGUAGES) {
            String pattern = templates.raw("dateTime", lang);
            DateTimeFormatter dateTime = dateTimeFormatter(pattern, lang);
            if (dateTime == null) {
                problems.add("mail/" + LocalisedTexts.resource("mail", lang) + ": 'dateTime' is not a date-time pattern (got \""
                        + pattern + "\"); write it like d MMMM yyyy 'at' HH:mm");
            } else {
                dateTimes.put(lang, dateTime);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The mail templates are broken: " + String.join("; ", problems));
        }
        return new MailTemplates(templates, Map.copyOf(dateTimes));
    }

    /** The subject and bodies of {@code mail}, in the voter's language. */
    RenderedMail render(Mail mail) {
        String lang = LocalisedTexts.language(mail.lang());
        Map<String, Object> values = new HashMap<>();
        String name;
        String subject;
        if (mail instanceof ConfirmationMail confirmation) {
            name = "confirmation";
            subject = "subject";
            values.put("campaign", oneLine(confirmation.campaignTitle()));
            values.put("nominee", oneLine(confirmation.nomineeName()));
            values.put("link", confirmation.confirmUrl().toASCIIString());
            values.put("endsAtClose", confirmation.endsAtClose());
            values.put("hours", Long.toString(ConfirmationMail.LINK_LIFETIME.toHours()));
            values.put("until", dateTimes.get(lang).format(confirmation.expires()));
        } else {
            AlreadyCountedMail counted = (AlreadyCountedMail) mail;
            name = "already-counted";
            subject = "countedSubject";
            values.put("campaign", oneLine(counted.campaignTitle()));
            values.put("nominee", oneLine(counted.nomineeName()));
        }
        values.put("subject", templates.plainText(subject, lang, values));
        return new RenderedMail(lang, (String) values.get("subject"), templates.text(name + ".txt", lang, values),
                templates.html(name + ".html", lang, values));
    }

    // A time in Brussels, with the month's name in the mail's language.
    private static DateTimeFormatter dateTimeFormatter(String pattern, String lang) {
        try {
            return pattern == null || pattern.isBlank() ? null
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
