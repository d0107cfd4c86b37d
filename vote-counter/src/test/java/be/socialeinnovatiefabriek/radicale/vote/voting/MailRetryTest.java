package be.socialeinnovatiefabriek.radicale.vote.voting;

import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.assertRefused;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.page;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.CounterFixture;
import be.socialeinnovatiefabriek.radicale.vote.TestClock;
import be.socialeinnovatiefabriek.radicale.vote.ballot.BallotDirectory;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiRequest;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.http.CounterApi;
import be.socialeinnovatiefabriek.radicale.vote.mail.SmtpMailer;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.store.SqliteVoteStore;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A confirmation mail that cannot be sent does not lock the voter out: the SMTP server is down for the first
 * try (503), then up (GreenMail), and the retry within the hour mails the link that counts the vote, although
 * each address gets only one mail an hour.
 */
class MailRetryTest {

    private static final String VOTES = "/api/campaigns/2026/votes";
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9._-]+)");

    @TempDir
    Path directory;
    private final TestClock clock = new TestClock(CounterFixture.OPEN);
    private SqliteVoteStore store;
    private CounterApi api;
    private GreenMail smtp;
    private int port;

    @BeforeEach
    void start() throws Exception {
        Path ballots = Files.createDirectories(directory.resolve("ballots"));
        Files.writeString(ballots.resolve("2026.json"), CounterFixture.ballot("2026", "email", "after-close"));
        store = new SqliteVoteStore(directory.resolve("votes.db"));
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort(); // nothing listens there until the test starts GreenMail
        }
        SmtpMailer mailer = SmtpMailer.fromEnvironment(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(port),
                "SMTP_FROM", "Radicale Vernieuwers <stemmen@radicalevernieuwers.be>"));
        CounterSettings settings = new CounterSettings("0123456789abcdef0123456789abcdef-key", CounterFixture.ADMIN_TOKEN,
                List.of(CounterFixture.SITE), URI.create(CounterFixture.COUNTER), 10, 20, 1);
        api = new CounterApi(settings, new BallotDirectory(ballots), store, mailer, clock);
    }

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        store.close();
    }

    private ApiResponse post(String path, String contentType, String body) {
        return api.handle(new ApiRequest("POST", path, Map.of(), Map.of("content-type", contentType),
                body.getBytes(StandardCharsets.UTF_8), "198.51.100.7"));
    }

    @Test
    void aVoterWhoseMailFailedVotesByTryingAgain() throws Exception {
        String vote = "{\"nominee\": \"papillon\", \"email\": \"ann@example.be\", \"lang\": \"nl\"}";

        assertRefused(post(VOTES, "application/json", vote), 503, "mail_unavailable");
        ApiResponse form = post(VOTES, "application/x-www-form-urlencoded", "nominee=papillon&email=ann%40example.be&lang=fr");
        assertEquals(303, form.status(), text(form));
        assertEquals(page("fr", "problem"), form.headers().get("Location"));

        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        clock.advanceSeconds(60);
        ApiResponse retry = post(VOTES, "application/json", vote);

        assertEquals(202, retry.status(), text(retry));
        assertTrue(smtp.waitForIncomingEmail(5_000, 1));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("ann@example.be", received[0].getAllRecipients()[0].toString());
        Matcher token = TOKEN.matcher(GreenMailUtil.getBody(received[0]));
        assertTrue(token.find(), "the mail carries its link");
        assertRefused(post(VOTES, "application/json", vote), 429, "rate_limited");
        assertEquals(1, smtp.getReceivedMessages().length, "the mail that went out did spend the address's budget");

        ApiResponse confirmed = post("/api/votes/confirm", "application/json", "{\"token\": \"" + token.group(1) + "\"}");
        assertEquals(200, confirmed.status(), text(confirmed));
        assertEquals(Map.of("papillon", 1L), store.tallies("2026"));
    }
}
