package be.socialeinnovatiefabriek.radicale.vote.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer;
import be.socialeinnovatiefabriek.radicale.vote.mail.OutboxMailer;
import be.socialeinnovatiefabriek.radicale.vote.mail.SmtpMailer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local server when its parts fail for real: the vote file refuses a write, the SMTP server is not there.
 * Every request has a timeout of a few seconds: an answer that does not come fails the test.
 */
class CounterFaultsTest {

    @TempDir
    Path directory;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private LocalServer start(Mailer mailer) throws Exception {
        Path ballots = Files.createDirectories(directory.resolve("ballots"));
        Files.writeString(ballots.resolve("2026.json"), LocalServerTest.ballot());
        ServerOptions options = ServerOptions.parse("--ballots", ballots.toString(), "--db",
                directory.resolve("votes.db").toString(), "--now", "2026-11-20T12:00+01:00");
        return LocalServer.start(options, options.clock(), LocalServerTest.SETTINGS, mailer);
    }

    private HttpResponse<String> send(LocalServer server, String method, String path, String jsonBody) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("votes.db"));
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    @Test
    void aVoteTheFileRefusesIsAJson500AndTheNextOneIsCounted() throws Exception {
        OutboxMailer outbox = new OutboxMailer(10, java.time.Clock.systemUTC());
        try (LocalServer server = start(outbox)) {
            for (String address : List.of("ann@example.be", "bob@example.be")) {
                assertEquals(202, send(server, "POST", "/api/campaigns/2026/votes",
                        "{\"nominee\": \"papillon\", \"email\": \"" + address + "\"}").statusCode());
            }
            List<String> tokens = new ArrayList<>();
            json.readTree(send(server, "GET", "/_outbox/messages.json", null).body()).path("messages").forEach(mail ->
                    tokens.add(mail.path("link").asText().replaceFirst(".*token=", "")));
            // SQLite itself refuses every counted vote, as a full disk would.
            sql("CREATE TRIGGER refuse_votes BEFORE INSERT ON votes BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");

            HttpResponse<String> refused = send(server, "POST", "/api/votes/confirm", "{\"token\": \"" + tokens.get(0) + "\"}");

            assertEquals(500, refused.statusCode(), refused.body());
            assertEquals("application/json; charset=utf-8", refused.headers().firstValue("Content-Type").orElseThrow());
            JsonNode error = json.readTree(refused.body());
            assertEquals("server_error", error.path("error").asText());
            assertTrue(error.path("message").asText().contains("nothing was counted"), refused.body());

            sql("DROP TRIGGER refuse_votes");
            HttpResponse<String> counted = send(server, "POST", "/api/votes/confirm", "{\"token\": \"" + tokens.get(1) + "\"}");
            HttpResponse<String> retried = send(server, "POST", "/api/votes/confirm", "{\"token\": \"" + tokens.get(0) + "\"}");
            HttpResponse<String> health = send(server, "GET", "/api/health", null);

            assertEquals(200, counted.statusCode(), counted.body());
            assertEquals(200, retried.statusCode(), "the refused vote stayed pending: " + retried.body());
            assertEquals(200, health.statusCode(), health.body());
            assertEquals("ok", json.readTree(health.body()).path("status").asText());
        }
    }

    @Test
    void whileTheSmtpServerIsNotThereVotesAreTakenAndTheOutageIsLoggedWithoutTheAddressAndShownByTheHealthAnswer()
            throws Exception {
        int closedPort;
        try (ServerSocket nobody = new ServerSocket(0)) {
            closedPort = nobody.getLocalPort();
        }
        SmtpMailer smtp = SmtpMailer.fromEnvironment(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT",
                Integer.toString(closedPort), "SMTP_FROM", "stemmen@radicalevernieuwers.be"));
        List<String> logLines = new ArrayList<>();
        Handler capture = new Handler() {
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
        Logger.getLogger("").addHandler(capture);
        try (LocalServer server = start(smtp)) {
            HttpResponse<String> vote = send(server, "POST", "/api/campaigns/2026/votes",
                    "{\"nominee\": \"papillon\", \"email\": \"Ann.Peeters+radio@Example.be\"}");
            assertEquals(202, vote.statusCode(), "taken, its mail queued: " + vote.body());

            // The sender tries on its own thread, and the health answer is renewed every few seconds: wait for both.
            HttpResponse<String> health = send(server, "GET", "/api/health", null);
            for (long deadline = System.nanoTime() + 60_000_000_000L; health.statusCode() != 503
                    && System.nanoTime() < deadline; health = send(server, "GET", "/api/health", null)) {
                Thread.sleep(200);
            }
            assertEquals(503, health.statusCode(), health.body());
            JsonNode body = json.readTree(health.body());
            assertTrue(body.path("mail").path("failuresSinceLastSuccess").asInt() >= 1, health.body());
            assertEquals(1, body.path("mail").path("queued").asInt(), "the mail waits in the queue: " + health.body());
            assertEquals(0, body.path("mail").path("deadLetters").asInt(), health.body());
            assertFalse(body.path("mail").path("lastFailure").isNull(), health.body());
            assertTrue(body.path("store").path("reachable").asBoolean(), health.body());
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        String log = String.join("", logLines).toLowerCase(java.util.Locale.ROOT);
        assertTrue(log.contains("a mail to a voter could not be sent") && log.contains("127.0.0.1:" + closedPort), log);
        for (String secret : List.of("ann.peeters", "example.be", "token=", "/api/votes/confirm")) {
            assertFalse(log.contains(secret), secret + " in the log:\n" + log);
        }
    }
}
