package be.socialeinnovatiefabriek.radicale.vote.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the counter in the middle of confirmations loses no acknowledged vote and counts none twice:
 * after a restart on the same file every acknowledged confirmation is counted, and each unanswered one is
 * counted at most once (retrying it says "already counted" or counts it now). Neither does it lose a mail that
 * waits in the queue: after a restart each goes out.
 */
class KillNineTest {

    private static final int CLIENTS = 8;
    private static final int VOTES = 1500;

    @TempDir
    Path directory;

    @Test
    void noAcknowledgedVoteIsLostWhenTheCounterIsKilled() throws Exception {
        Path ballots = Files.createDirectories(directory.resolve("ballots"));
        Files.writeString(ballots.resolve("2026.json"), VoteLoad.ballot());
        String[] args = {"--ballots", ballots.toString(), "--db", directory.resolve("votes.db").toString(),
            "--now", "2026-11-20T12:00+01:00", "--outbox", "--outbox-size", "100000"};
        Path log = directory.resolve("counter.log");

        VoteLoad.Confirmations beforeKill;
        ChildServer first = ChildServer.start(VoteLoad.environment(), log, args);
        try {
            VoteLoad load = new VoteLoad(first.port());
            VoteLoad.Submissions submitted = load.submit(CLIENTS, Duration.ofSeconds(30), VOTES, "voter");
            assertEquals(VOTES, submitted.accepted(), "refused: " + submitted.refused());
            List<String> tokens = load.tokens();
            assertEquals(VOTES, tokens.size());

            beforeKill = load.confirm(CLIENTS, tokens, Duration.ofSeconds(2), VOTES / 3, () -> {
                try {
                    first.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } finally {
            first.kill();
        }
        assertEquals(Map.of(), beforeKill.otherStatuses());
        assertTrue(beforeKill.counted().size() >= VOTES / 3);

        try (ChildServer second = ChildServer.start(VoteLoad.environment(), log, args)) {
            VoteLoad load = new VoteLoad(second.port());
            long afterRestart = load.total();
            int acknowledged = beforeKill.counted().size();
            int unanswered = beforeKill.unanswered().size();
            System.out.printf("kill -9 after %d acknowledged confirmations, %d sent but unanswered; %d counted after restart%n",
                    acknowledged, unanswered, afterRestart);
            assertTrue(afterRestart >= acknowledged, afterRestart + " counted, " + acknowledged + " acknowledged");
            assertTrue(afterRestart <= acknowledged + unanswered,
                    afterRestart + " counted, " + acknowledged + " acknowledged, " + unanswered + " unanswered");

            for (String token : beforeKill.counted()) {
                assertEquals(409, load.post("/api/votes/confirm", "{\"token\": \"" + token + "\"}").statusCode(),
                        "an acknowledged vote is on disk, and counts once");
            }
            List<Integer> retried = new ArrayList<>();
            for (String token : beforeKill.unanswered()) {
                retried.add(load.post("/api/votes/confirm", "{\"token\": \"" + token + "\"}").statusCode());
            }
            long alreadyCounted = retried.stream().filter(status -> status == 409).count();
            assertTrue(retried.stream().allMatch(status -> status == 200 || status == 409), retried.toString());
            assertEquals(afterRestart - acknowledged, alreadyCounted, "the unanswered votes that were on disk");
            assertEquals(acknowledged + unanswered, load.total(), "every vote counted exactly once");
        }
    }

    @Test
    void noQueuedMailIsLostWhenTheCounterIsKilled() throws Exception {
        Path ballots = Files.createDirectories(directory.resolve("ballots"));
        Files.writeString(ballots.resolve("2026.json"), VoteLoad.ballot());
        String[] args = {"--ballots", ballots.toString(), "--db", directory.resolve("votes.db").toString(),
            "--now", "2026-11-20T12:00+01:00"};
        Path log = directory.resolve("counter.log");
        int mails = 300;

        // First the SMTP server is not there: every vote is taken and its mail waits in the file; then kill -9.
        int closed;
        try (ServerSocket nobody = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = nobody.getLocalPort();
        }
        ChildServer first = ChildServer.start(smtp(closed), log, args);
        try {
            VoteLoad.Submissions submitted = new VoteLoad(first.port()).submit(CLIENTS, Duration.ofSeconds(60), mails, "queued");
            assertEquals(mails, submitted.accepted(), "refused: " + submitted.refused());
        } finally {
            first.kill();
        }

        // Restarted on the same file with a mail server: the queued mails go out, each once.
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        try (ChildServer second = ChildServer.start(smtp(greenMail.getSmtp().getPort()), log, args)) {
            assertTrue(greenMail.waitForIncomingEmail(120_000, mails), "every queued mail arrives");
            Thread.sleep(1_000); // a mail sent twice would arrive right behind the others
            Map<String, Integer> perRecipient = new HashMap<>();
            for (MimeMessage mail : greenMail.getReceivedMessages()) {
                perRecipient.merge(mail.getAllRecipients()[0].toString(), 1, Integer::sum);
            }
            assertEquals(mails, perRecipient.size(), "one mail for each vote taken before the kill");
            assertEquals(Set.of(1), Set.copyOf(perRecipient.values()), "none twice");
        } finally {
            greenMail.stop();
        }
    }

    private static Map<String, String> smtp(int port) {
        Map<String, String> env = new HashMap<>(VoteLoad.environment());
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(port));
        env.put("SMTP_FROM", "stemmen@radicalevernieuwers.be");
        return env;
    }
}
