package be.socialeinnovatiefabriek.radicale.vote.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the counter in the middle of confirmations loses no acknowledged vote and counts none twice:
 * after a restart on the same file every acknowledged confirmation is counted, and each unanswered one is
 * counted at most once (retrying it says "already counted" or counts it now).
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
}
