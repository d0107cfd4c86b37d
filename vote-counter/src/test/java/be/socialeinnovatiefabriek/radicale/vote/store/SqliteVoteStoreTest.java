package be.socialeinnovatiefabriek.radicale.vote.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.core.VoteStore;
import be.socialeinnovatiefabriek.radicale.vote.core.VoteStore.Outcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store passes the store contract, and what it acknowledged is still there after a reopen. */
class SqliteVoteStoreTest extends VoteStoreContract {

    @TempDir
    Path directory;

    @Override
    protected VoteStore open() {
        return new SqliteVoteStore(directory.resolve("votes.db"));
    }

    @Test
    void talliesAndTheAuditTrailSurviveACloseAndReopen() {
        store.savePending(pending("papillon", "v1", "t1"), 1);
        store.confirm("t1", NOW, 1);
        store.castDirect("2026", "armentekort", "b1", NOW.plusSeconds(1), 1);
        store.savePending(pending("papillon", "v2", "t2"), 1);
        store.close();

        store = open();

        assertEquals(Map.of("papillon", 1L, "armentekort", 1L), store.tallies("2026"));
        List<VoteStore.AuditRecord> audit = new ArrayList<>();
        store.audit("2026", audit::add);
        assertEquals(List.of("v1", "b1"), audit.stream().map(VoteStore.AuditRecord::voterHash).toList());
        assertEquals(Outcome.ALREADY_COUNTED, store.confirm("t1", NOW, 1).outcome(), "a replay after a restart");
        assertEquals(Outcome.COUNTED, store.confirm("t2", NOW, 1).outcome(), "a vote left pending can still be confirmed");
    }

    @Test
    void aWriteThatFailsFailsAloneAndTheOthersInItsBatchAreKept() throws Exception {
        store.savePending(pending("papillon", "v0", "same-token"), 1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Outcome>> calls = new ArrayList<>();
        for (int i = 1; i <= 64; i++) {
            String token = i % 16 == 0 ? "same-token" : "t" + i;
            String voter = "v" + i;
            calls.add(pool.submit(() -> store.savePending(pending("papillon", voter, token), 1)));
        }
        int accepted = 0;
        int failed = 0;
        for (Future<Outcome> call : calls) {
            try {
                assertEquals(Outcome.ACCEPTED, call.get());
                accepted++;
            } catch (ExecutionException e) {
                assertTrue(e.getCause() instanceof SqliteFailure, e.getCause().toString());
                failed++;
            }
        }
        pool.shutdown();

        assertEquals(60, accepted);
        assertEquals(4, failed, "a token is pending once");
        assertEquals(Outcome.COUNTED, store.confirm("t1", NOW, 1).outcome());
    }

    @Test
    void spentChallengesAreForgottenOnceExpiredSoTheFileHoldsOnlyLiveOnes() throws Exception {
        Instant now = Instant.parse("2026-11-20T11:00:00Z");
        for (int i = 0; i < 100; i++) {
            store.spendChallenge("old" + i, now.plusSeconds(600), now);
        }
        store.spendChallenge("new", now.plusSeconds(1200), now.plusSeconds(600));

        try (Connection file = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("votes.db"));
             ResultSet rows = file.createStatement().executeQuery("SELECT id FROM spent_challenges")) {
            assertTrue(rows.next());
            assertEquals("new", rows.getString(1));
            assertFalse(rows.next(), "the expired ones are gone");
        }
    }

    @Test
    void aCallAfterCloseIsRefusedAndACloseTwiceIsHarmless() {
        store.close();
        store.close();

        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> store.savePending(pending("papillon", "v1", "t1"), 1));
        store = open();
    }
}
