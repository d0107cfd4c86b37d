package be.socialeinnovatiefabriek.radicale.vote.queue;

import be.socialeinnovatiefabriek.radicale.vote.address.InvalidAddress;
import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.AlreadyCountedMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.Mail;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A queued mail as JSON, the same in the SQLite queue and in an SQS message:
 * {@code {"kind": "confirmation"|"already-counted", "to", "lang", "campaignTitle", "nomineeName", "link",
 * "expires", "endsAtClose"}} (the last three for a confirmation only). Reading it parses the address again, so
 * that a job changed in the queue cannot make the mailer write to anything but one bare address.
 */
public final class MailJson {

    public static final String CONFIRMATION = "confirmation";
    public static final String ALREADY_COUNTED = "already-counted";

    private static final ObjectMapper JSON = new ObjectMapper();

    private MailJson() {
    }

    /** A queued mail that cannot be read back: it is not JSON of this shape. The message names no address. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    public static String write(Mail mail) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", kind(mail));
        node.put("to", mail.to().value());
        node.put("lang", mail.lang());
        if (mail instanceof ConfirmationMail confirmation) {
            node.put("campaignTitle", confirmation.campaignTitle());
            node.put("nomineeName", confirmation.nomineeName());
            node.put("link", confirmation.confirmUrl().toString());
            node.put("expires", confirmation.expires().toString());
            node.put("endsAtClose", confirmation.endsAtClose());
        } else if (mail instanceof AlreadyCountedMail counted) {
            node.put("campaignTitle", counted.campaignTitle());
            node.put("nomineeName", counted.nomineeName());
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    public static Mail read(String json) throws Unreadable {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new Unreadable("the queued mail is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new Unreadable("the queued mail is not a JSON object");
        }
        MailAddress to;
        try {
            to = MailAddress.parse(text(node, "to"));
        } catch (InvalidAddress e) {
            throw new Unreadable("the queued mail's recipient is not one bare address");
        }
        String kind = text(node, "kind");
        String lang = text(node, "lang");
        String title = text(node, "campaignTitle");
        String nominee = text(node, "nomineeName");
        switch (kind) {
            case CONFIRMATION -> {
                try {
                    return new ConfirmationMail(to, lang, title, nominee, URI.create(text(node, "link")),
                            Instant.parse(text(node, "expires")), node.path("endsAtClose").asBoolean());
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new Unreadable("the queued mail's link or expiry cannot be read");
                }
            }
            case ALREADY_COUNTED -> {
                return new AlreadyCountedMail(to, lang, title, nominee);
            }
            default -> throw new Unreadable("the queued mail is of no known kind");
        }
    }

    /**
     * A dead letter as JSON, for a dead-letter queue: {@code {"deadLetter": true, "kind", "lang", "queuedAt",
     * "failedAt", "attempts", "reason"}}. It holds no address and no link: what is left of a mail given up on.
     */
    public static String deadLetter(String kind, String lang, Instant queuedAt, Instant failedAt, int attempts,
                                    String reason) {
        ObjectNode node = JSON.createObjectNode();
        node.put("deadLetter", true);
        node.put("kind", kind);
        node.put("lang", lang);
        node.put("queuedAt", queuedAt == null ? null : queuedAt.toString());
        node.put("failedAt", failedAt.toString());
        node.put("attempts", attempts);
        node.put("reason", reason);
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    /** {@value #CONFIRMATION} or {@value #ALREADY_COUNTED}. */
    public static String kind(Mail mail) {
        return mail instanceof ConfirmationMail ? CONFIRMATION : ALREADY_COUNTED;
    }

    private static String text(JsonNode node, String field) throws Unreadable {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new Unreadable("the queued mail has no '" + field + "'");
        }
        return value.asText();
    }
}
