package be.socialeinnovatiefabriek.radicale.vote.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.mail.OutboxMailer;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.InvalidSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole vote over real HTTP: the form, the mail in the outbox, the confirmation page, the count, a restart. */
class LocalServerTest {

    static final String SITE = "http://localhost:8080";
    static final CounterSettings SETTINGS = new CounterSettings("0123456789abcdef0123456789abcdef-key",
            "admin-token-0123456789", List.of(SITE), URI.create(SITE), 10, 20, 3);

    @TempDir
    Path directory;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();

    private LocalServer start(String now) throws Exception {
        Path ballots = Files.createDirectories(directory.resolve("ballots"));
        Files.writeString(ballots.resolve("2026.json"), ballot());
        ServerOptions options = ServerOptions.parse("--ballots", ballots.toString(), "--db",
                directory.resolve("data/votes.db").toString(), "--now", now, "--outbox");
        return LocalServer.start(options, options.clock(), SETTINGS, new OutboxMailer(50, options.clock()));
    }

    static String ballot() {
        StringBuilder pages = new StringBuilder();
        for (String lang : List.of("nl", "fr", "en")) {
            String base = SITE + "/" + lang + "/campaigns/2026/";
            pages.append(pages.length() == 0 ? "" : ",").append("\"").append(lang).append("\": {")
                    .append("\"vote\": \"").append(base).append("\", \"checkMail\": \"").append(base).append("check-mail/\", ")
                    .append("\"thanks\": \"").append(base).append("thanks/\", \"alreadyVoted\": \"").append(base)
                    .append("already-voted/\", \"closed\": \"").append(base).append("closed/\", \"problem\": \"")
                    .append(base).append("problem/\", \"results\": \"").append(base).append("results/\", ")
                    .append("\"css\": \"").append(SITE).append("/assets/site.css\"}");
        }
        return """
                {"id": "2026", "nominees": ["papillon", "armentekort"], "opens": "2026-11-15T09:00+01:00",
                 "closes": "2026-11-30T23:59+01:00", "results": "after-close", "verification": "email",
                 "votesPerVoter": 1, "languages": ["nl", "fr", "en"],
                 "titles": {"nl": "Radicale Vernieuwers 2026"}, "names": {"papillon": {"nl": "Papillon"}},
                 "pages": {%s}}
                """.formatted(pages);
    }

    private HttpResponse<String> postForm(LocalServer server, String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(url(server, path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", SITE)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(LocalServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(server, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(LocalServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aVoteGoesFromTheFormThroughTheMailToTheResults() throws Exception {
        try (LocalServer server = start("2026-11-20T12:00+01:00")) {
            HttpResponse<String> submitted = postForm(server, "/api/campaigns/2026/votes",
                    "nominee=papillon&lang=en&email=" + encode("ann.peeters@example.be"));
            assertEquals(303, submitted.statusCode(), submitted.body());
            assertEquals(SITE + "/en/campaigns/2026/check-mail/", submitted.headers().firstValue("Location").orElseThrow());

            JsonNode mail = json.readTree(get(server, "/_outbox/messages.json").body()).path("messages").get(0);
            assertEquals("ann.peeters@example.be", mail.path("to").asText());
            String link = mail.path("link").asText();
            assertTrue(link.startsWith(SITE + "/api/votes/confirm?token="), link);
            String token = link.substring(link.indexOf("token=") + "token=".length());
            HttpResponse<String> outboxPage = get(server, "/_outbox/");
            assertEquals(200, outboxPage.statusCode());
            assertTrue(outboxPage.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));

            HttpResponse<String> page = get(server, "/api/votes/confirm?token=" + token);
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow()
                    .startsWith("default-src 'none'; style-src http://localhost:8080;"));
            assertTrue(page.body().contains("<form") && page.body().contains("value=\"" + token + "\""), page.body());

            HttpResponse<String> confirmed = postForm(server, "/api/votes/confirm", "token=" + encode(token));
            assertEquals(303, confirmed.statusCode(), confirmed.body());
            assertEquals(SITE + "/en/campaigns/2026/thanks/", confirmed.headers().firstValue("Location").orElseThrow());

            HttpResponse<String> again = postForm(server, "/api/campaigns/2026/votes",
                    "nominee=armentekort&lang=fr&email=" + encode("Ann.Peeters+2@EXAMPLE.be"));
            assertEquals(303, again.statusCode());
            assertEquals(SITE + "/fr/campaigns/2026/check-mail/", again.headers().firstValue("Location").orElseThrow(),
                    "answered as any vote: nobody learns from the answer that this address voted");
            JsonNode told = json.readTree(get(server, "/_outbox/messages.json").body()).path("messages").get(0);
            assertEquals("Ann.Peeters+2@example.be", told.path("to").asText(), "mailed as typed, its domain in lower case");
            assertTrue(told.path("subject").asText().matches("Votre vote pour .*2026 est déjà compté"), told.toString());
            assertTrue(told.path("link").isNull(), "no link: " + told);
            HttpResponse<String> reused = get(server, "/api/votes/confirm?token=" + token);
            assertEquals(303, reused.statusCode());
            assertEquals(SITE + "/en/campaigns/2026/thanks/", reused.headers().firstValue("Location").orElseThrow());

            HttpResponse<String> hidden = get(server, "/api/campaigns/2026/results");
            assertEquals(403, hidden.statusCode());
            assertEquals("results_hidden", json.readTree(hidden.body()).path("error").asText());
        }

        try (LocalServer server = start("2026-12-01T10:00+01:00")) {
            HttpResponse<String> results = get(server, "/api/campaigns/2026/results");

            assertEquals(200, results.statusCode());
            assertEquals("application/json; charset=utf-8", results.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("{\"id\":\"2026\",\"tallies\":{\"papillon\":1,\"armentekort\":0},\"total\":1}", results.body());
            assertEquals("results", json.readTree(get(server, "/api/campaigns/2026").body()).path("phase").asText());
        }
    }

    @Test
    void aServerStartedInsideAnotherProgramLeavesItsSystemPropertiesAsTheyWere() throws Exception {
        // site:run and these tests start the counter inside a JVM of their own: only main may change JVM-wide settings.
        Properties before = (Properties) System.getProperties().clone();

        try (LocalServer server = start("2026-11-20T12:00+01:00")) {
            HttpResponse<String> submitted = postForm(server, "/api/campaigns/2026/votes",
                    "nominee=papillon&lang=fr&email=" + encode("ann@example.org"));
            assertEquals(303, submitted.statusCode(), submitted.body());
            assertEquals(200, get(server, "/_outbox/").statusCode());
        }

        assertEquals(before, System.getProperties());
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithoutReadingItAll() throws Exception {
        // 16 KiB: the JDK server drains up to 64 KiB of an unread body to keep the connection; beyond that it
        // closes it, and a client still sending may see a reset instead of the 413.
        try (LocalServer server = start("2026-11-20T12:00+01:00")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(server, "/api/campaigns/2026/votes"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"pad\": \"" + "x".repeat(16 << 10) + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(413, response.statusCode());
            assertEquals("too_large", json.readTree(response.body()).path("error").asText());
        }
    }

    @Test
    void commandLineMistakesAreExplained() {
        InvalidSettings missing = assertThrows(InvalidSettings.class, () -> ServerOptions.parse("--port", "80"));
        InvalidSettings port = assertThrows(InvalidSettings.class, () -> ServerOptions.parse("--port", "eighty"));
        InvalidSettings now = assertThrows(InvalidSettings.class, () -> ServerOptions.parse(
                "--ballots", directory.toString(), "--db", "v.db", "--now", "tomorrow"));

        assertEquals("--ballots", missing.problems().get(0).where());
        assertTrue(missing.problems().get(0).fix().startsWith("usage: "), missing.getMessage());
        assertEquals(List.of(new Problem("--port", "must be a whole number from 0 to 65535 (got 'eighty')",
                "write a number in that range")), port.problems());
        assertEquals("1 problem in the vote counter's settings: --now: is not a date and time with offset (got 'tomorrow'); "
                + "write it like 2026-12-01T10:00+01:00", now.getMessage());
    }

    @Test
    void aVoteFileWhoseFolderCannotBeMadeIsNamedWithWhatToDo() throws Exception {
        Files.writeString(directory.resolve("file"), "not a folder");
        ServerOptions options = ServerOptions.parse("--ballots", directory.toString(), "--db", directory.resolve("file/votes.db").toString());

        InvalidSettings invalid = assertThrows(InvalidSettings.class,
                () -> LocalServer.start(options, options.clock(), SETTINGS, new OutboxMailer(50, options.clock())));
        Problem problem = invalid.problems().get(0);
        assertEquals("--db", problem.where());
        assertTrue(problem.what().startsWith(directory.resolve("file/votes.db") + ": its folder cannot be made ("), problem.what());
        assertEquals("choose a writable place for the vote file", problem.fix());
    }

    @Test
    void theClockOfNowStartsThereAndRunsOn() throws Exception {
        ServerOptions options = ServerOptions.parse("--ballots", directory.toString(), "--db", "v.db",
                "--now", "2026-12-01T10:00+01:00");
        java.time.Instant first = options.clock().instant();

        assertTrue(Math.abs(first.getEpochSecond() - java.time.Instant.parse("2026-12-01T09:00:00Z").getEpochSecond()) < 5);
        Thread.sleep(20);
        assertTrue(options.clock().instant().isAfter(first));
    }

}
