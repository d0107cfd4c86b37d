package be.socialeinnovatiefabriek.radicale.vote.voting;

import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.CounterFixture;
import be.socialeinnovatiefabriek.radicale.vote.TestClock;
import be.socialeinnovatiefabriek.radicale.vote.ballot.BallotDirectory;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiRequest;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.http.CounterApi;
import be.socialeinnovatiefabriek.radicale.vote.mail.SmtpMailer;
import be.socialeinnovatiefabriek.radicale.vote.mail.SmtpSink;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailProgress;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailSender;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.store.SqliteVoteStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail queue with a real SMTP server: while GreenMail is down every vote is still taken, and once it is back
 * every mail goes out exactly once; a mail the server keeps refusing is tried again after waits that double, then
 * becomes a dead letter (in the health answer and the admin export, without its address), and its voter, who is
 * not locked out, votes again. Time is the test's clock; the outcomes are polled for, never timed.
 */
class MailQueueTest {

    private static final String VOTES = "/api/campaigns/2026/votes";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;
    private final TestClock clock = new TestClock(CounterFixture.OPEN);
    private Path ballots;
    private SqliteVoteStore store;
    private MailSender sender;
    private CounterApi api;
    private GreenMail greenMail;

    @BeforeEach
    void ballots() throws Exception {
        ballots = Files.createDirectories(directory.resolve("ballots"));
        Files.writeString(ballots.resolve("2026.json"), CounterFixture.ballot("2026", "email", "live"));
        store = new SqliteVoteStore(directory.resolve("votes.db"));
    }

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
        store.close();
    }

    private void counter(int smtpPort, MailSettings mailSettings) {
        SmtpMailer mailer = SmtpMailer.fromEnvironment(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT",
                Integer.toString(smtpPort), "SMTP_FROM", "Radicale Vernieuwers <stemmen@radicalevernieuwers.be>"));
        sender = new MailSender(store.mailJobs(), mailer, mailSettings, clock);
        // Every voter from an address of its own: the per-client limit is not what this test is about.
        CounterSettings settings = new CounterSettings("0123456789abcdef0123456789abcdef-key", CounterFixture.ADMIN_TOKEN,
                List.of(CounterFixture.SITE), URI.create(CounterFixture.COUNTER), 10, 20, 3);
        api = new CounterApi(settings, new BallotDirectory(ballots), store, sender, clock);
    }

    private ApiResponse vote(String address, int client) {
        return api.handle(new ApiRequest("POST", VOTES, Map.of(), Map.of("content-type", "application/json"),
                ("{\"nominee\": \"papillon\", \"email\": \"" + address + "\", \"lang\": \"nl\"}").getBytes(StandardCharsets.UTF_8),
                "10.1." + (client / 250) + "." + (client % 250)));
    }

    private ApiResponse get(String path, Map<String, String> headers) {
        return api.handle(new ApiRequest("GET", path, Map.of(), headers, new byte[0], "192.0.2.1"));
    }

    private JsonNode health() throws Exception {
        clock.advanceSeconds(CounterHealth.STORE_CHECK_EVERY.toSeconds()); // asked anew, not the last answer
        return JSON.readTree(get("/api/health", Map.of()).body());
    }

    private static int freePort() throws Exception {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort(); // nothing listens there until the test starts a server
        }
    }

    /** Polls {@code condition} every 50 ms for up to a minute (the sender works on its own thread). */
    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited a minute for: " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void whileTheMailServerIsDownEveryVoteIsTakenAndOnceItIsBackEveryMailGoesOutExactlyOnce() throws Exception {
        int port = freePort();
        counter(port, new MailSettings(1000, 3, Duration.ofSeconds(30), Duration.ofMinutes(15)));
        sender.start();
        int voters = 150;

        for (int i = 0; i < voters; i++) {
            ApiResponse answer = vote("voter" + i + "@example.be", i);
            assertEquals(202, answer.status(), text(answer));
        }
        await("the sender finds the server gone", () -> sender.report().failuresSinceLastSuccess() > 0);
        JsonNode down = health();
        assertEquals("failing", down.path("status").asText(), down.toString());
        assertEquals(voters, down.path("mail").path("queued").asInt(), down.toString());
        assertEquals(0, down.path("mail").path("deadLetters").asInt(), "an unreachable server is no mail's fault");

        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        clock.advanceSeconds(60); // the sender tries the server again after a wait on the counter's clock

        assertTrue(greenMail.waitForIncomingEmail(60_000, voters), "every mail arrives");
        assertTrue(sender.awaitIdle(Duration.ofSeconds(30)));
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(voters, received.length, "and none twice");
        Set<String> recipients = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        for (MimeMessage mail : received) {
            recipients.add(mail.getAllRecipients()[0].toString());
            tokens.add(CounterFixture.tokenIn(mail));
        }
        assertEquals(voters, recipients.size(), "one mail per voter");
        assertEquals(voters, tokens.size(), "each with a link of its own");
        for (String token : tokens) {
            ApiResponse confirmed = api.handle(new ApiRequest("POST", "/api/votes/confirm", Map.of(),
                    Map.of("content-type", "application/json"), ("{\"token\": \"" + token + "\"}").getBytes(StandardCharsets.UTF_8),
                    "192.0.2.1"));
            assertEquals(200, confirmed.status(), text(confirmed));
        }
        assertEquals(Map.of("papillon", (long) voters), store.tallies("2026"));
        JsonNode up = health();
        assertEquals("ok", up.path("status").asText(), up.toString());
        assertEquals(0, up.path("mail").path("queued").asInt());
    }

    @Test
    void aMailTheServerKeepsRefusingIsTriedAgainAfterDoublingWaitsThenBecomesADeadLetter() throws Exception {
        try (SmtpSink smtp = new SmtpSink()) {
            smtp.refuse(recipient -> recipient.startsWith("bounce"), "451 4.2.0 bounce@example.be: mailbox busy");
            counter(smtp.port(), new MailSettings(1000, 3, Duration.ofSeconds(30), Duration.ofMinutes(15)));

            assertEquals(202, vote("bounce@example.be", 1).status());
            assertEquals(202, vote("ann@example.be", 2).status());
            sender.sendDue();
            assertEquals(1, smtp.mails(), "Ann's mail went out");
            assertEquals(1, smtp.refused().get("bounce@example.be").get());

            List<Integer> attemptsSeen = new ArrayList<>();
            for (int seconds : new int[] {29, 1, 59, 1, 3600}) {
                clock.advanceSeconds(seconds);
                sender.sendDue();
                attemptsSeen.add(smtp.refused().get("bounce@example.be").get());
            }
            // Tried at 0 s, again 30 s later, again 60 s after that; then given up on, and never tried again.
            assertEquals(List.of(1, 2, 2, 3, 3), attemptsSeen);

            JsonNode health = health();
            assertEquals(1, health.path("mail").path("deadLetters").asInt(), health.toString());
            assertEquals(0, health.path("mail").path("queued").asInt(), health.toString());
            String export = text(get("/api/admin/campaigns/2026/export.csv",
                    Map.of("authorization", "Bearer " + CounterFixture.ADMIN_TOKEN)));
            assertTrue(export.contains("dead_letter_queued_at,dead_letter_failed_at,kind,lang,attempts,reason\r\n"
                    + CounterFixture.OPEN + "," + CounterFixture.OPEN.plusSeconds(90) + ",confirmation,nl,3,\"The mail to a "
                    + "voter could not be handed to the SMTP server 127.0.0.1:" + smtp.port()), export);
            assertTrue(export.contains("mailbox busy"), export);
            assertFalse(export.contains("bounce"), "no address in a dead letter:\n" + export);

            // Not locked out: the voter votes again, and this mail goes out.
            smtp.refuse(recipient -> false, "250 ok");
            assertEquals(202, vote("bounce@example.be", 1).status());
            sender.sendDue();
            assertEquals(1, smtp.perRecipient().get("bounce@example.be").get());
        }
    }

    @Test
    void aMailWhoseLinkExpiredBeforeItCouldBeSentIsNotSentButGivenUpOn() throws Exception {
        try (SmtpSink smtp = new SmtpSink()) {
            smtp.refuse(recipient -> true, "451 4.3.0 try again later");
            counter(smtp.port(), new MailSettings(1000, 100, Duration.ofSeconds(30), Duration.ofHours(1)));
            assertEquals(202, vote("ann@example.be", 1).status());
            sender.sendDue();
            smtp.refuse(recipient -> false, "250 ok");

            clock.advanceSeconds(Duration.ofHours(49).toSeconds());
            sender.sendDue();

            assertEquals(0, smtp.mails(), "a link that says only 'expired' is not sent");
            assertEquals(1, sender.report().deadLetters());
            List<MailProgress.DeadLetter> letters = new ArrayList<>();
            sender.deadLetters(letters::add);
            assertEquals("the link expired before the mail could be sent", letters.get(0).reason());
        }
    }
}
