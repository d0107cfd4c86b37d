package be.socialeinnovatiefabriek.radicale.vote.mail;

import be.socialeinnovatiefabriek.radicale.vote.text.Templates;

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
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** The outbox page, in English only: it is for the organisers, not for voters. */
    private static final Templates PAGE = Templates.load("outbox", null, List.of("outbox"), List.of());

    private final int capacity;
    private final Clock clock;
    private final MailTemplates templates = MailTemplates.load();
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
        RenderedMail content = templates.render(mail);
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
        List<Map<String, Object>> mails = new ArrayList<>();
        for (Entry e : snapshot()) {
            Map<String, Object> mail = new HashMap<>();
            mail.put("to", e.to());
            mail.put("subject", e.subject());
            mail.put("lang", e.lang());
            mail.put("sentAt", e.sentAt().toString());
            mail.put("time", TIME.format(e.sentAt().atZone(BRUSSELS)));
            mail.put("link", e.link());
            mails.add(mail);
        }
        return PAGE.html("outbox", "en", Map.of("capacity", capacity, "mails", mails,
                "count", mails.isEmpty() ? "" : mails.size() + (mails.size() == 1 ? " mail" : " mails")));
    }

    private List<Entry> snapshot() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    private record Entry(String to, String subject, String lang, String link, Instant sentAt) {
    }
}
