package be.socialeinnovatiefabriek.radicale.vote.mail;

import be.socialeinnovatiefabriek.radicale.vote.text.HtmlText;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the counter's mails in memory instead of sending them, for {@code mvn site:run}: staff open
 * the outbox page and follow the link (an "already counted" mail has none). Holds the newest {@value #DEFAULT_CAPACITY} by default; safe for
 * concurrent use.
 */
public final class OutboxMailer implements Mailer {

    public static final int DEFAULT_CAPACITY = 500;

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final int capacity;
    private final Clock clock;
    private final ConfirmationTemplates templates = ConfirmationTemplates.load();
    private final ObjectMapper json = new ObjectMapper();
    private final Deque<Entry> messages = new ArrayDeque<>(); // newest first; guarded by itself

    public OutboxMailer() {
        this(DEFAULT_CAPACITY, Clock.systemUTC());
    }

    /** An outbox keeping the newest {@code capacity} mails, stamped with {@code clock}. */
    public OutboxMailer(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("An outbox holds at least one mail (got capacity " + capacity + ")");
        }
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void send(Mail mail) {
        ConfirmationMessage content = templates.render(mail);
        String link = mail instanceof ConfirmationMail confirmation ? confirmation.confirmUrl().toString() : null;
        Entry entry = new Entry(mail.to().value(), content.subject(), content.lang(), link,
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
        synchronized (messages) {
            messages.addFirst(entry);
            if (messages.size() > capacity) {
                messages.removeLast();
            }
        }
    }

    /**
     * {@code {"messages": [{"to", "subject", "lang", "link", "sentAt"}]}}, newest first; link is null for an
     * "already counted" mail; sentAt in ISO-8601 (UTC, whole seconds).
     */
    public String json() {
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("messages");
        for (Entry e : snapshot()) {
            list.addObject()
                    .put("to", e.to())
                    .put("subject", e.subject())
                    .put("lang", e.lang())
                    .put("link", e.link())
                    .put("sentAt", e.sentAt().toString());
        }
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings always serialises", e);
        }
    }

    /** The same mails as a small HTML page for staff (no script, no styles; reload to see new mails). */
    public String html() {
        List<Entry> entries = snapshot();
        StringBuilder out = new StringBuilder(1024 + entries.size() * 400);
        out.append("<!doctype html>\n")
                .append("<html lang=\"en\">\n")
                .append("<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n")
                .append("<title>Outbox</title>\n")
                .append("</head>\n")
                .append("<body>\n")
                .append("<main>\n")
                .append("<h1>Outbox</h1>\n")
                .append("<p>The mails this local vote counter would have sent, newest first (the last ")
                .append(capacity).append("). Times are in Brussels. Reload the page to see new mails.</p>\n");
        if (entries.isEmpty()) {
            out.append("<p>No mails yet.</p>\n");
        } else {
            out.append("<table>\n")
                    .append("<caption>").append(entries.size()).append(entries.size() == 1 ? " mail" : " mails")
                    .append("</caption>\n")
                    .append("<thead>\n<tr><th scope=\"col\">To</th><th scope=\"col\">Subject</th>")
                    .append("<th scope=\"col\">Language</th><th scope=\"col\">Time</th>")
                    .append("<th scope=\"col\">Confirmation link</th></tr>\n</thead>\n")
                    .append("<tbody>\n");
            for (Entry e : entries) {
                String lang = HtmlText.escape(e.lang());
                out.append("<tr>")
                        .append("<td>").append(HtmlText.escape(e.to())).append("</td>")
                        .append("<td lang=\"").append(lang).append("\">").append(HtmlText.escape(e.subject())).append("</td>")
                        .append("<td>").append(lang).append("</td>")
                        .append("<td><time datetime=\"").append(e.sentAt()).append("\">")
                        .append(TIME.format(e.sentAt().atZone(BRUSSELS))).append("</time></td>")
                        .append(e.link() == null ? "<td>none</td>" : "<td><a href=\"" + HtmlText.escape(e.link())
                                + "\">Open the confirmation page</a></td>")
                        .append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private List<Entry> snapshot() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    private record Entry(String to, String subject, String lang, String link, Instant sentAt) {
    }
}
