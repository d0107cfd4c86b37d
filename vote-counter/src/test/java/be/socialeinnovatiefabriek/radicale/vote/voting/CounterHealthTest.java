package be.socialeinnovatiefabriek.radicale.vote.voting;

import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.CounterFixture;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/health}: what a monitor sees of the store and of mail, and what the log says of mail failures. */
class CounterHealthTest {

    private static final String HEALTH = "/api/health";
    private static final String VOTES = "/api/campaigns/2026/votes";

    @TempDir
    Path directory;
    private CounterFixture counter;
    private final List<String> logLines = new ArrayList<>();
    private final Handler logCapture = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public synchronized void publish(LogRecord record) {
            logLines.add(format.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws Exception {
        counter = new CounterFixture(directory);
        Logger.getLogger("").addHandler(logCapture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(logCapture);
        counter.close();
    }

    private ApiResponse vote(String address) {
        return counter.postJson(VOTES, "{\"nominee\": \"papillon\", \"email\": \"" + address + "\", \"lang\": \"nl\"}");
    }

    @Test
    void aHealthyCounterSaysSoAndShowsNoVotingData() {
        String token = counter.submit("papillon", "ann@example.be");
        counter.postJson("/api/votes/confirm", "{\"token\": \"" + token + "\"}");

        ApiResponse health = counter.get(HEALTH);

        assertEquals(200, health.status(), text(health));
        assertEquals("application/json; charset=utf-8", health.headers().get("Content-Type"));
        JsonNode body = counter.body(health);
        assertEquals("ok", body.path("status").asText());
        assertTrue(body.path("store").path("reachable").asBoolean());
        assertEquals(0, body.path("mail").path("failuresSinceLastSuccess").asInt());
        assertEquals(CounterFixture.OPEN.toString(), body.path("mail").path("lastSuccess").asText());
        assertTrue(body.path("mail").path("lastFailure").isNull());
        for (String secret : List.of("papillon", "ann@example.be", token, "tallies", "\"2026\"")) {
            assertFalse(text(health).contains(secret), secret + " is not in " + text(health));
        }
    }

    @Test
    void mailFailuresAreCountedUntilAMailGoesOutAndLoggedWithoutTheAddressOrTheLink() {
        counter.mailer.failing = true;
        assertEquals(202, vote("Ann.Peeters@example.be").status(), "taken: the mail waits in the queue");
        counter.clock.advanceSeconds(60); // Ann's first retry is due
        assertEquals(202, vote("bob@example.be").status());

        ApiResponse failing = counter.get(HEALTH);

        assertEquals(503, failing.status(), text(failing));
        JsonNode body = counter.body(failing);
        assertEquals("failing", body.path("status").asText());
        assertEquals("unhealthy", body.path("error").asText());
        assertTrue(body.path("message").asText().contains("SMTP"), text(failing));
        assertTrue(body.path("message").asText().contains("votes are still taken"), text(failing));
        assertTrue(body.path("store").path("reachable").asBoolean());
        assertEquals(3, body.path("mail").path("failuresSinceLastSuccess").asInt(), "Ann twice, Bob once");
        assertEquals(CounterFixture.OPEN.plusSeconds(60).toString(), body.path("mail").path("lastFailure").asText());
        assertEquals(2, body.path("mail").path("queued").asInt());
        assertEquals(CounterFixture.OPEN.toString(), body.path("mail").path("oldestQueuedAt").asText());
        assertEquals(0, body.path("mail").path("deadLetters").asInt());

        String log = String.join("", logLines);
        assertTrue(log.contains("a mail to a voter could not be sent (3 failures since the last mail sent)"), log);
        assertTrue(log.contains("the SMTP server is down"), log);
        assertEquals(3, counter.mailer.failed.size());
        for (Mailer.Mail mail : counter.mailer.failed) {
            List<String> secrets = new ArrayList<>(List.of(mail.to().value(), mail.to().local()));
            Mailer.ConfirmationMail confirmation = (Mailer.ConfirmationMail) mail;
            secrets.add(confirmation.confirmUrl().getQuery().substring("token=".length()));
            secrets.add(confirmation.confirmUrl().toString());
            for (String secret : secrets) {
                assertFalse(log.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT)), secret + " in the log:\n" + log);
                assertFalse(text(failing).toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT)), secret);
            }
        }

        counter.mailer.failing = false;
        assertEquals(202, vote("carla@example.be").status());
        counter.clock.advanceSeconds(60); // every retry is due
        counter.get(HEALTH);
        counter.clock.advanceSeconds(CounterHealth.STORE_CHECK_EVERY.toSeconds()); // the health answer is asked anew
        JsonNode recovered = counter.body(counter.get(HEALTH));
        assertEquals("ok", recovered.path("status").asText(), recovered.toString());
        assertEquals(0, recovered.path("mail").path("failuresSinceLastSuccess").asInt());
        assertEquals(0, recovered.path("mail").path("queued").asInt());
        assertTrue(recovered.path("mail").path("oldestQueuedAt").isNull());
        assertEquals(CounterFixture.OPEN.plusSeconds(60).toString(), recovered.path("mail").path("lastFailure").asText());
        assertEquals(List.of("Ann.Peeters@example.be", "bob@example.be", "carla@example.be"),
                counter.mailer.sent.stream().map(mail -> mail.to().value()).sorted().toList());
    }

    @Test
    void aStoreThatNoLongerAnswersMakesTheCounterUnhealthyWithinSeconds() {
        assertEquals(200, counter.get(HEALTH).status());
        counter.store.close();

        JsonNode cached = counter.body(counter.get(HEALTH));
        counter.clock.advanceSeconds(CounterHealth.STORE_CHECK_EVERY.toSeconds());
        ApiResponse failing = counter.get(HEALTH);

        assertTrue(cached.path("store").path("reachable").asBoolean(), "asked at most every few seconds");
        assertEquals(503, failing.status(), text(failing));
        JsonNode body = counter.body(failing);
        assertFalse(body.path("store").path("reachable").asBoolean());
        assertTrue(body.path("message").asText().contains("The vote store does not answer"), text(failing));
    }

    @Test
    void theHealthAnswerOnlyAnswersGet() {
        CounterFixture.assertRefused(counter.postJson(HEALTH, "{}"), 405, "method_not_allowed");
    }
}
