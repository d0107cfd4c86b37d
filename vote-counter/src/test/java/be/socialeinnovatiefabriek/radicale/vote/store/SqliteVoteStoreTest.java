package be.socialeinnovatiefabriek.radicale.vote.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.Mail;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailJobs;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailJobs.Attempt;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailJson;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailProgress.DeadLetter;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Override
    protected List<Mail> queued() throws Exception {
        List<Mail> mails = new ArrayList<>();
        for (MailJobs.MailJob job : jobs().due(LATER.plusSeconds(3600), 1000)) {
            mails.add(MailJson.read(job.mail()));
        }
        return mails;
    }

    private MailJobs jobs() {
        return ((SqliteVoteStore) store).mailJobs();
    }

    @Test
    void aPendingVoteWhoseMailCannotBeQueuedIsNotKeptEither() throws Exception {
        // The file refuses the mail job (as a full disk would): the transaction, pending vote included, is undone.
        sql("CREATE TRIGGER refuse_mail BEFORE INSERT ON mail_jobs WHEN NEW.lang = 'nl' "
                + "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");

        assertThrows(SqliteFailure.class, () -> store.savePending(
                new VoteStore.PendingVote("2026", "papillon", "v1", "t1", "nl", NOW, LATER), 1, MAIL));

        assertEquals(Outcome.UNKNOWN, store.lookUp("t1", NOW).outcome(), "no pending vote without its mail");
        assertEquals(List.of(), queued());
        store.savePending(pending("papillon", "v2", "t2"), 1, MAIL);
        assertEquals(1, queued().size(), "the writer goes on");
    }

    @Test
    void queuedMailsSurviveACloseAndReopen() throws Exception {
        store.savePending(pending("papillon", "v1", "t1"), 1, MAIL);
        store.savePending(pending("armentekort", "v2", "t2"), 1, MAIL);
        store.close();

        store = open();

        assertEquals(2, queued().size());
        assertEquals(new MailJobs.Counts(2, NOW, 0), jobs().counts());
    }

    @Test
    void aSentMailLeavesNoAddressAndNoLinkInTheFile() throws Exception {
        store.savePending(pending("papillon", "v1", "t1"), 1, MAIL);
        store.savePending(pending("papillon", "v2", "t2"), 1, MAIL);
        List<MailJobs.MailJob> due = jobs().due(NOW, 10);
        assertTrue(contents().contains("ann.peeters@example.be"), "the address waits in the queue until it is sent");

        jobs().record(List.of(new Attempt(due.get(0).id(), MailJobs.Result.SENT, 0, NOW, null),
                new Attempt(due.get(1).id(), MailJobs.Result.DEAD, 8, NOW.plusSeconds(60), "550 no such user")));
        store.close();

        String file = contents();
        assertFalse(file.contains("ann.peeters"), "the address is gone from the vote file and its journal");
        assertFalse(file.contains("confirm?token="), "and so is the link");
        store = open();
        assertEquals(new MailJobs.Counts(0, null, 1), jobs().counts());
        List<DeadLetter> letters = new ArrayList<>();
        jobs().deadLetters(letters::add);
        assertEquals(List.of(new DeadLetter(NOW, NOW.plusSeconds(60), "confirmation", "fr", 8, "550 no such user")), letters);
    }

    @Test
    void aMailThatFailedWaitsForItsNextAttempt() throws Exception {
        store.savePending(pending("papillon", "v1", "t1"), 1, MAIL);
        MailJobs.MailJob job = jobs().due(NOW, 10).get(0);

        jobs().record(List.of(new Attempt(job.id(), MailJobs.Result.RETRY, 1, NOW.plusSeconds(30), "451 try later")));

        assertEquals(List.of(), jobs().due(NOW.plusSeconds(29), 10));
        assertFalse(jobs().anyDue(NOW.plusSeconds(29)));
        assertEquals(1, jobs().due(NOW.plusSeconds(30), 10).get(0).attempts());
        assertTrue(jobs().anyDue(NOW.plusSeconds(30)));
    }

    /** The vote file and its write-ahead log, as bytes read as text. */
    private String contents() throws Exception {
        StringBuilder text = new StringBuilder();
        for (String suffix : new String[] {"", "-wal"}) {
            Path file = directory.resolve("votes.db" + suffix);
            if (Files.exists(file)) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    @Test
    void talliesAndTheAuditTrailSurviveACloseAndReopen() {
        store.savePending(pending("papillon", "v1", "t1"), 1, MAIL);
        store.confirm("t1", NOW, 1);
        store.castDirect("2026", "armentekort", "b1", NOW.plusSeconds(1), 1);
        store.savePending(pending("papillon", "v2", "t2"), 1, MAIL);
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
    void aVoteFileFromBeforeMinuteBucketsGetsThemFromItsVotesOnce() throws Exception {
        Instant minute = NOW.truncatedTo(ChronoUnit.MINUTES);
        store.castDirect("2026", "papillon", "b1", minute.plusSeconds(1), 1);
        store.castDirect("2026", "papillon", "b2", minute.plusSeconds(2), 1);
        store.castDirect("2026", "armentekort", "b3", minute.plusSeconds(61), 1);
        store.close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("votes.db"));
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE minute_tallies"); // as a file written before the table existed
        }

        store = open();
        store.castDirect("2026", "armentekort", "b4", minute.plusSeconds(62), 1);
        store.close();
        store = open(); // a second start adds nothing twice

        assertEquals(List.of(new VoteStore.MinuteTally(minute, "papillon", 2),
                new VoteStore.MinuteTally(minute.plusSeconds(60), "armentekort", 2)), store.minuteTallies("2026", minute));
    }

    @Test
    void aWriteThatFailsFailsAloneAndTheOthersInItsBatchAreKept() throws Exception {
        store.savePending(pending("papillon", "v0", "same-token"), 1, MAIL);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Outcome>> calls = new ArrayList<>();
        for (int i = 1; i <= 64; i++) {
            String token = i % 16 == 0 ? "same-token" : "t" + i;
            String voter = "v" + i;
            calls.add(pool.submit(() -> store.savePending(pending("papillon", voter, token), 1, MAIL)));
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
    void aWriteTheFileRefusesFailsItsCallerAndTheWriterServesTheNextOne() throws Exception {
        store.savePending(pending("papillon", "v1", "t1"), 1, MAIL);
        store.savePending(pending("armentekort", "v2", "t2"), 1, MAIL);
        // A real failure inside the writer's transaction: SQLite itself refuses the insert, as on a full disk.
        sql("CREATE TRIGGER refuse_votes BEFORE INSERT ON votes BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");

        Future<Outcome> refused = Executors.newSingleThreadExecutor().submit(() -> store.confirm("t1", NOW, 1).outcome());
        ExecutionException failure = assertThrows(ExecutionException.class, () -> refused.get(30, TimeUnit.SECONDS),
                "the caller gets the failure; it does not wait for ever");
        assertTrue(failure.getCause() instanceof SqliteFailure, failure.getCause().toString());
        assertTrue(failure.getCause().getMessage().contains("database or disk is full"), failure.getCause().getMessage());

        sql("DROP TRIGGER refuse_votes");
        store.check();
        assertEquals(Outcome.COUNTED, store.confirm("t2", NOW, 1).outcome(), "the writer goes on");
        assertEquals(Outcome.COUNTED, store.confirm("t1", NOW, 1).outcome(), "the refused vote was left pending");
        assertEquals(Map.of("papillon", 1L, "armentekort", 1L), store.tallies("2026"));
    }

    @Test
    void anErrorInTheWriterThreadFailsOnlyItsWriteAndTheWriterGoesOn() throws Exception {
        store.close();
        Connection connection = SqliteSchema.connect(directory.resolve("votes.db"));
        SqliteSchema.create(connection);
        try (SqliteWriteThread writer = new SqliteWriteThread(connection, "writer under test", () -> { })) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<Outcome>> calls = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                int n = i;
                calls.add(pool.submit(() -> writer.submit(writes -> {
                    if (n == 20) {
                        throw new StackOverflowError("a write that goes wrong in the writer thread");
                    }
                    return writes.savePending(pending("papillon", "v" + n, "t" + n), 1, new SqliteWriteStatements.QueuedMail("fr",
                            MailJson.write(MAIL.mail(false)), MailJson.write(MAIL.mail(true))));
                })));
            }
            int failed = 0;
            for (Future<Outcome> call : calls) {
                try {
                    assertEquals(Outcome.ACCEPTED, call.get(30, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    assertTrue(e.getCause() instanceof SqliteFailure, e.getCause().toString());
                    failed++;
                }
            }
            pool.shutdown();

            assertEquals(1, failed, "only the write that threw failed");
            assertThrows(SqliteFailure.class, () -> writer.submit(writes -> {
                throw new OutOfMemoryError("alone in its batch");
            }));
            assertEquals(Outcome.COUNTED, writer.submit(writes -> writes.confirm("t1", NOW, vote -> 1)).outcome());
        }
        store = open();
        assertEquals(Map.of("papillon", 1L), store.tallies("2026"));
    }

    @Test
    void aClosedStoreFailsItsCheck() {
        store.close();

        assertThrows(IllegalStateException.class, store::check);
        store = open();
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("votes.db"));
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    @Test
    void aCallAfterCloseIsRefusedAndACloseTwiceIsHarmless() {
        store.close();
        store.close();

        assertThrows(IllegalStateException.class,
                () -> store.savePending(pending("papillon", "v1", "t1"), 1, MAIL));
        store = open();
    }
}
