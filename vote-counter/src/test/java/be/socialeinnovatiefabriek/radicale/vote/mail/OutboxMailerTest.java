package be.socialeinnovatiefabriek.radicale.vote.mail;

import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.AlreadyCountedMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local outbox: what staff see under {@code mvn site:run} instead of real mail. */
class OutboxMailerTest extends MailerContract {

    private static final Instant NOON = Instant.parse("2026-03-01T11:00:00Z"); // 12:00 in Brussels
    private final ObjectMapper mapper = new ObjectMapper();
    private final OutboxMailer contracted = new OutboxMailer(OutboxMailer.DEFAULT_CAPACITY, ticking());

    @Override
    protected Mailer mailer() {
        return contracted;
    }

    /** What staff read in the outbox's JSON, oldest first. */
    @Override
    protected List<Delivered> delivered() throws Exception {
        List<Delivered> delivered = new ArrayList<>();
        for (JsonNode message : mapper.readTree(contracted.json()).get("messages")) {
            delivered.add(0, new Delivered(message.get("to").asText(), message.get("subject").asText(),
                    message.get("lang").asText(), message.get("link").isNull() ? null : message.get("link").asText()));
        }
        return delivered;
    }

    /** A clock that moves one minute each time it is read. */
    private static Clock ticking() {
        return new Clock() {
            private Instant now = NOON;

            @Override
            public synchronized Instant instant() {
                Instant t = now;
                now = now.plus(Duration.ofMinutes(1));
                return t;
            }

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static ConfirmationMail mail(String to, String lang, String nominee, String token) {
        int at = to.indexOf('@');
        return new ConfirmationMail(new MailAddress(to.substring(0, at), to.substring(at + 1)), lang, "Radicale Vernieuwers 2026", nominee,
                URI.create("http://127.0.0.1:8080/api/votes/confirm?token=" + token),
                NOON.plus(ConfirmationMail.LINK_LIFETIME), false);
    }

    @Test
    void listsTheMailsNewestFirstAsJson() throws Exception {
        OutboxMailer outbox = new OutboxMailer(10, ticking());
        outbox.send(mail("ann@example.org", "nl", "Zoë", "t1"));
        outbox.send(mail("bob@example.org", "fr", "Zoë", "t2"));

        JsonNode messages = mapper.readTree(outbox.json()).get("messages");

        assertEquals(2, messages.size());
        JsonNode newest = messages.get(0);
        assertAll(
                () -> assertEquals("bob@example.org", newest.get("to").asText()),
                () -> assertEquals("Confirmez votre vote pour Radicale Vernieuwers 2026", newest.get("subject").asText()),
                () -> assertEquals("fr", newest.get("lang").asText()),
                () -> assertEquals("http://127.0.0.1:8080/api/votes/confirm?token=t2", newest.get("link").asText()),
                () -> assertEquals("2026-03-01T11:01:00Z", newest.get("sentAt").asText()),
                () -> assertEquals("ann@example.org", messages.get(1).get("to").asText()),
                () -> assertEquals("Bevestig je stem voor Radicale Vernieuwers 2026", messages.get(1).get("subject").asText()));
    }

    @Test
    void usesTheSameSubjectAsTheRealMailIncludingTheFallback() throws Exception {
        OutboxMailer outbox = new OutboxMailer(10, ticking());
        ConfirmationMail german = mail("ann@example.org", "de", "Zoë", "t1");
        outbox.send(german);

        JsonNode message = mapper.readTree(outbox.json()).get("messages").get(0);

        RenderedMail real = MailTemplates.load().render(german);
        assertEquals(real.subject(), message.get("subject").asText());
        assertEquals("nl", message.get("lang").asText());
    }

    @Test
    void keepsOnlyTheNewestMails() throws Exception {
        OutboxMailer outbox = new OutboxMailer(3, ticking());
        for (int i = 1; i <= 5; i++) {
            outbox.send(mail("voter" + i + "@example.org", "en", "Zoë", "t" + i));
        }

        JsonNode messages = mapper.readTree(outbox.json()).get("messages");

        assertEquals(3, messages.size());
        assertEquals("voter5@example.org", messages.get(0).get("to").asText());
        assertEquals("voter3@example.org", messages.get(2).get("to").asText());
    }

    @Test
    void takesMailsFromManyThreadsAtOnce() throws Exception {
        OutboxMailer outbox = new OutboxMailer(OutboxMailer.DEFAULT_CAPACITY, Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                int n = i;
                sent.add(pool.submit(() -> {
                    outbox.send(mail("v" + n + "@example.org", "en", "Zoë", "t" + n));
                    // reading while others write must not fail
                    return n % 40 == 0 ? outbox.json() + outbox.html() : "";
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertEquals(500, mapper.readTree(outbox.json()).get("messages").size());
    }

    @Test
    void showsTheMailsAsAPageWithTheLinks() {
        OutboxMailer outbox = new OutboxMailer(10, ticking());
        outbox.send(mail("ann@example.org", "en", "Zoë", "t1"));
        outbox.send(mail("o'neil&co@example.org", "fr", "<script>alert(1)</script>", "a&b"));

        String html = outbox.html();

        assertAll(
                () -> assertTrue(html.startsWith("<!doctype html>\n<html lang=\"en\">"), html),
                () -> assertTrue(html.contains("<title>Outbox</title>"), html),
                () -> assertTrue(html.contains("<h1>Outbox</h1>"), html),
                () -> assertTrue(html.contains("<th scope=\"col\">To</th><th scope=\"col\">Subject</th>"
                        + "<th scope=\"col\">Language</th><th scope=\"col\">Time</th>"), html),
                () -> assertTrue(html.contains("<td>ann@example.org</td>"
                        + "<td lang=\"en\">Confirm your vote in Radicale Vernieuwers 2026</td><td>en</td>"
                        + "<td><time datetime=\"2026-03-01T11:00:00Z\">2026-03-01 12:00:00</time></td>"
                        + "<td><a href=\"http://127.0.0.1:8080/api/votes/confirm?token=t1\">"), html),
                () -> assertTrue(html.contains("<td>o&#39;neil&amp;co@example.org</td>"), html),
                () -> assertTrue(html.contains("href=\"http://127.0.0.1:8080/api/votes/confirm?token=a&amp;b\""), html),
                () -> assertTrue(html.indexOf("o&#39;neil") < html.indexOf("ann@example.org"), "newest first"),
                () -> assertTrue(html.contains("<caption>2 mails</caption>"), html),
                () -> assertFalse(html.contains("<script"), html),
                () -> assertFalse(html.contains("style="), html),
                () -> assertFalse(html.contains("<style"), html),
                () -> assertFalse(html.contains("http-equiv"), html),
                () -> assertTrue(html.endsWith("</html>\n"), html));
    }

    @Test
    void keepsTheAlreadyCountedMailWithoutALink() throws Exception {
        OutboxMailer outbox = new OutboxMailer(10, ticking());
        outbox.send(mail("ann@example.org", "en", "Zoë", "t1"));
        outbox.send(new AlreadyCountedMail(new MailAddress("ann", "example.org"), "fr", "Radicale Vernieuwers 2026", "Zoë"));

        JsonNode newest = mapper.readTree(outbox.json()).get("messages").get(0);
        String html = outbox.html();

        assertAll(
                () -> assertEquals("ann@example.org", newest.get("to").asText()),
                () -> assertEquals("Votre vote pour Radicale Vernieuwers 2026 est déjà compté", newest.get("subject").asText()),
                () -> assertTrue(newest.get("link").isNull(), newest.toString()),
                () -> assertTrue(html.contains("<td lang=\"fr\">Votre vote pour Radicale Vernieuwers 2026 est déjà compté</td>"
                        + "<td>fr</td><td><time datetime=\"2026-03-01T11:01:00Z\">2026-03-01 12:01:00</time></td>"
                        + "<td>none</td>"), html),
                () -> assertEquals(1, html.split("<a href=", -1).length - 1, "only the first mail has a link: " + html));
    }

    @Test
    void saysSoWhenNoMailWasSent() {
        String html = new OutboxMailer().html();

        assertTrue(html.contains("<p>No mails yet.</p>"), html);
        assertFalse(html.contains("<table"), html);
        assertEquals("{\"messages\":[]}", new OutboxMailer().json());
    }
}
