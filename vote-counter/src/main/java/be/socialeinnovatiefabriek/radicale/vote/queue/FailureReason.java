package be.socialeinnovatiefabriek.radicale.vote.queue;

import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Why a mail failed, fit for a log line, the health answer and a dead letter: the mailer's reason with the
 * recipient, its name and the link taken out (a mail server may quote any of them: "550 ann.peeters: no such user").
 */
public final class FailureReason {

    private static final int MAX_LENGTH = 500;

    private FailureReason() {
    }

    public static String of(String message, Mailer.Mail mail) {
        String text = message == null ? "no reason given" : message.replaceAll("\\s+", " ").strip();
        List<String> secrets = new ArrayList<>();
        if (mail instanceof Mailer.ConfirmationMail confirmation && confirmation.confirmUrl() != null) {
            String link = confirmation.confirmUrl().toString();
            secrets.add(link);
            if (link.contains("token=")) {
                secrets.add(link.substring(link.indexOf("token=") + "token=".length()));
            }
        }
        secrets.add(mail.to().value());
        if (mail.to().local().length() >= 3) {
            secrets.add(mail.to().local());
        }
        for (String secret : secrets) {
            text = Pattern.compile(Pattern.quote(secret), Pattern.CASE_INSENSITIVE).matcher(text).replaceAll("[hidden]");
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
    }
}
