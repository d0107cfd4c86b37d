package be.socialeinnovatiefabriek.radicale.vote.local;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.address.HostileAddresses;
import be.socialeinnovatiefabriek.radicale.vote.mail.SmtpMailer;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The address of a vote end to end: the real HTTP server, the SQLite file and a real SMTP server (GreenMail).
 * A hostile spelling is refused before anything is kept or mailed; a valid one gets one mail, at that address.
 */
class AddressOverHttpTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String SITE = LocalServerTest.SITE;
    // Rate limits high enough for every hostile spelling to reach the address check.
    private static final CounterSettings SETTINGS = new CounterSettings("0123456789abcdef0123456789abcdef-key",
            "admin-token-0123456789", List.of(SITE), URI.create(SITE), 1000, 1000, 1000);

    @TempDir
    Path directory;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();

    private LocalServer start() throws Exception {
        Path ballots = Files.createDirectories(directory.resolve("ballots"));
        Files.writeString(ballots.resolve("2026.json"), LocalServerTest.ballot());
        ServerOptions options = ServerOptions.parse("--ballots", ballots.toString(), "--db",
                directory.resolve("votes.db").toString(), "--now", "2026-11-20T12:00+01:00");
        SmtpMailer mailer = SmtpMailer.fromEnvironment(Map.of("SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(SMTP.getSmtp().getPort()), "SMTP_FROM", "stemmen@radicalevernieuwers.be"));
        return LocalServer.start(options, options.clock(), SETTINGS, mailer);
    }

    private HttpResponse<String> voteJson(LocalServer server, String email) throws Exception {
        String body = json.writeValueAsString(Map.of("nominee", "papillon", "lang", "en", "email", email));
        return post(server, "application/json", body);
    }

    private HttpResponse<String> post(LocalServer server, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/campaigns/2026/votes"))
                .header("Content-Type", contentType).header("Origin", SITE)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long pendingVotes() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("votes.db"));
             ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM pending")) {
            return rows.getLong(1);
        }
    }

    private static List<String> envelopeRecipients() {
        // GreenMail keeps a mailbox for each envelope recipient (RCPT TO) it was given.
        return SMTP.getUserManager().listUser().stream().map(user -> user.getEmail().toLowerCase(Locale.ROOT)).toList();
    }

    @Test
    void everyHostileSpellingGets400AndNoMailLeavesAndNoVoteIsKept() throws Exception {
        try (LocalServer server = start()) {
            List<Executable> checks = new ArrayList<>();
            for (HostileAddresses.Spelling spelling : HostileAddresses.ALL) {
                HttpResponse<String> response = voteJson(server, spelling.typed());
                checks.add(() -> {
                    assertEquals(400, response.statusCode(), spelling + ": " + response.body());
                    JsonNode body = json.readTree(response.body());
                    assertEquals("bad_request", body.path("error").asText(), spelling.toString());
                    assertTrue(body.path("message").asText().contains(spelling.phrase()), spelling + ": " + response.body());
                });
            }
            HttpResponse<String> form = post(server, "application/x-www-form-urlencoded", "nominee=papillon&lang=nl&email="
                    + URLEncoder.encode("victim+x <mallory@evil.example>@example.net", StandardCharsets.UTF_8));
            checks.add(() -> assertEquals(SITE + "/nl/campaigns/2026/problem/", form.headers().firstValue("Location").orElse(
                    "no redirect: " + form.statusCode())));

            assertAll(checks);
            assertEquals(0, SMTP.getReceivedMessages().length, () -> Arrays.toString(SMTP.getReceivedMessages()));
            assertEquals(List.of(), envelopeRecipients());
            assertEquals(0, pendingVotes());
        }
    }

    @Test
    void aValidAddressGetsOneMailAtExactlyThatAddress() throws Exception {
        try (LocalServer server = start()) {
            HttpResponse<String> response = voteJson(server, " Ann.Peeters+stem@B\u00fccher.example ");

            assertEquals(202, response.statusCode(), response.body());
            assertTrue(SMTP.waitForIncomingEmail(5_000, 1), "no mail arrived");
            MimeMessage[] received = SMTP.getReceivedMessages();
            assertEquals(1, received.length);
            assertEquals("Ann.Peeters+stem@xn--bcher-kva.example", received[0].getHeader("To", ","));
            assertEquals(List.of("ann.peeters+stem@xn--bcher-kva.example"), envelopeRecipients());
            assertEquals(1, pendingVotes());
        }
    }
}
