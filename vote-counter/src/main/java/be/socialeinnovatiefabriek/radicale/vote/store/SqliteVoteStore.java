package be.socialeinnovatiefabriek.radicale.vote.store;

import be.socialeinnovatiefabriek.radicale.vote.mail.SubmissionMail;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailJobs;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailJson;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailProgress.DeadLetter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The embedded store: one SQLite file in WAL mode with {@code synchronous=FULL}. All writes go through one
 * writer thread with group commit ({@link SqliteWriteThread}), so a call returns only once its vote is on disk;
 * reads use their own connections and never wait for the writer. The file also holds the mail queue
 * ({@link #mailJobs()}): a pending vote and its mail are kept in one transaction.
 */
public final class SqliteVoteStore implements VoteStore {

    private static final int READERS = 4;

    private final Path file;
    private final SqliteWriteThread writer;
    private final SqliteCheckpoints checkpoints;
    private final BlockingQueue<Reader> readers = new ArrayBlockingQueue<>(READERS);
    private final MailJobs mailJobs = new Jobs();
    private volatile Runnable onQueued = () -> { };
    private volatile boolean closed;

    /** Opens (or creates) the vote file at {@code file}. */
    public SqliteVoteStore(Path file) {
        this.file = file;
        try {
            Connection writing = SqliteSchema.connect(file);
            SqliteSchema.create(writing);
            try (java.sql.Statement statement = writing.createStatement()) {
                statement.execute("PRAGMA wal_autocheckpoint = " + SqliteCheckpoints.WRITER_PAGES);
            }
            checkpoints = new SqliteCheckpoints(SqliteSchema.connect(file), "vote-checkpoints " + file.getFileName());
            writer = new SqliteWriteThread(writing, "vote-writer " + file.getFileName(), checkpoints::committed);
            for (int i = 0; i < READERS; i++) {
                readers.add(new Reader(SqliteSchema.connect(file)));
            }
        } catch (SQLException e) {
            throw new SqliteFailure("cannot open the vote file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Outcome savePending(PendingVote vote, int votesPerVoter, SubmissionMail mail) {
        return savePending(vote, votesPerVoter, mail, null);
    }

    /** In one write of the writer thread: one wait for one commit. */
    @Override
    public Outcome savePending(PendingVote vote, int votesPerVoter, SubmissionMail mail, SubmissionFacts facts) {
        // Written as JSON here, on the caller's thread: the writer thread only inserts it.
        SqliteWriteStatements.QueuedMail queued = new SqliteWriteStatements.QueuedMail(vote.lang(),
                MailJson.write(mail.mail(false)), MailJson.write(mail.mail(true)));
        Outcome outcome = writer.submit(writes -> {
            if (facts != null) {
                writes.recordSubmission(vote.campaign(), facts);
            }
            return writes.savePending(vote, votesPerVoter, queued);
        });
        onQueued.run();
        return outcome;
    }

    /** The mail queue in this file, for the local sender. */
    public MailJobs mailJobs() {
        return mailJobs;
    }

    @Override
    public Confirmation confirm(String tokenHash, Instant now, int votesPerVoter) {
        return writer.submit(writes -> writes.confirm(tokenHash, now, vote -> votesPerVoter));
    }

    @Override
    public CompletionStage<Confirmation> confirmLater(String tokenHash, Instant now, CountingRule rule) {
        // No look-up first: the writer finds the vote as it claims its token, and asks the rule there.
        return writer.submitLater(writes -> writes.confirm(tokenHash, now, rule));
    }

    @Override
    public Confirmation lookUp(String tokenHash, Instant now) {
        return read("SELECT campaign, nominee, lang, counted_at IS NOT NULL, expires_at FROM pending WHERE token_hash = ?",
                tokenHash, rows -> {
                    if (!rows.next()) {
                        return new Confirmation(Outcome.UNKNOWN, null, null, null);
                    }
                    // The same order as confirm: a counted token says so even after its link expired.
                    Outcome outcome = rows.getBoolean(4) ? Outcome.ALREADY_COUNTED
                            : rows.getLong(5) > now.toEpochMilli() ? Outcome.PENDING : Outcome.EXPIRED;
                    return new Confirmation(outcome, rows.getString(1), rows.getString(2), rows.getString(3));
                });
    }

    @Override
    public Outcome castDirect(String campaign, String nominee, String voterHash, Instant now, int votesPerVoter) {
        return writer.submit(writes -> writes.count(campaign, nominee, voterHash, now, votesPerVoter));
    }

    @Override
    public Map<String, Long> tallies(String campaign) {
        return read("SELECT nominee, votes FROM tallies WHERE campaign = ?", campaign, rows -> {
            Map<String, Long> tallies = new HashMap<>();
            while (rows.next()) {
                tallies.put(rows.getString(1), rows.getLong(2));
            }
            return tallies;
        });
    }

    @Override
    public void audit(String campaign, Consumer<AuditRecord> sink) {
        read("SELECT counted_at, nominee, voter_hash FROM votes WHERE campaign = ? ORDER BY id", campaign, rows -> {
            while (rows.next()) {
                sink.accept(new AuditRecord(Instant.ofEpochMilli(rows.getLong(1)), campaign, rows.getString(2),
                        rows.getString(3)));
            }
            return null;
        });
    }

    /** A round trip through the writer thread (which writes nothing) and a read on a reader connection. */
    @Override
    public void check() {
        writer.check();
        read("SELECT count(*) FROM tallies WHERE campaign = ?", "", rows -> null);
    }

    @Override
    public List<MinuteTally> minuteTallies(String campaign, Instant from) {
        long first = from.truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
        // The bound is a number the store made, not text from a request.
        return read("SELECT minute, nominee, votes FROM minute_tallies WHERE campaign = ? AND minute >= " + first
                + " ORDER BY minute, nominee", campaign, rows -> {
                    List<MinuteTally> tallies = new ArrayList<>();
                    while (rows.next()) {
                        tallies.add(new MinuteTally(Instant.ofEpochMilli(rows.getLong(1)), rows.getString(2), rows.getLong(3)));
                    }
                    return tallies;
                });
    }

    @Override
    public boolean spendChallenge(String challengeId, Instant expiresAt, Instant now) {
        return writer.submit(writes -> writes.spendChallenge(challengeId, expiresAt, now));
    }

    @Override
    public void recordSubmission(String campaign, SubmissionFacts facts) {
        writer.submit(writes -> {
            writes.recordSubmission(campaign, facts);
            return null;
        });
    }

    @Override
    public void submissions(String campaign, Consumer<SubmissionFacts> sink) {
        read("SELECT hour, mail_domain, client_hash FROM submissions WHERE campaign = ?", campaign, rows -> {
            while (rows.next()) {
                sink.accept(new SubmissionFacts(Instant.ofEpochMilli(rows.getLong(1)), rows.getString(2), rows.getString(3)));
            }
            return null;
        });
    }

    @Override
    public void confirmationDelays(String campaign, Consumer<Duration> sink) {
        read("SELECT delay_ms FROM confirmation_delays WHERE campaign = ?", campaign, rows -> {
            while (rows.next()) {
                sink.accept(Duration.ofMillis(rows.getLong(1)));
            }
            return null;
        });
    }

    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T read(String sql, Object key, Rows<T> rows) {
        return read(sql, new Object[] {key}, rows);
    }

    /** A reading connection and its prepared statements, kept: preparing one costs more than the look-up itself. */
    private record Reader(Connection connection, Map<String, PreparedStatement> statements) {
        Reader(Connection connection) {
            this(connection, new HashMap<>());
        }

        PreparedStatement prepared(String sql) throws SQLException {
            PreparedStatement statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return statement;
        }

        void close() throws SQLException {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
            connection.close();
        }
    }

    private <T> T read(String sql, Object[] keys, Rows<T> rows) {
        Reader connection = null;
        try {
            while (connection == null) {
                if (closed) {
                    throw new IllegalStateException("the vote store is closed");
                }
                // A reader waits for a free connection, but not for one that close() has taken away for good.
                connection = readers.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to read the vote file", e);
        }
        try {
            PreparedStatement query = connection.prepared(sql);
            for (int i = 0; i < keys.length; i++) {
                query.setObject(i + 1, keys[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                return rows.read(result);
            }
        } catch (SQLException e) {
            throw new SqliteFailure("cannot read the vote file " + file + ": " + e.getMessage(), e);
        } finally {
            readers.add(connection);
        }
    }

    /** The mail queue's jobs, in the vote file (see {@link MailJobs}). */
    private final class Jobs implements MailJobs {

        @Override
        public List<MailJob> due(Instant now, int max) {
            return read("SELECT id, mail, attempts, queued_at FROM mail_jobs WHERE dead_at IS NULL AND next_attempt_at <= ? "
                    + "ORDER BY next_attempt_at, id LIMIT ?", new Object[] {now.toEpochMilli(), max}, rows -> {
                        List<MailJob> jobs = new ArrayList<>();
                        while (rows.next()) {
                            jobs.add(new MailJob(rows.getLong(1), rows.getString(2), rows.getInt(3),
                                    Instant.ofEpochMilli(rows.getLong(4))));
                        }
                        return jobs;
                    });
        }

        @Override
        public boolean anyDue(Instant now) {
            return read("SELECT 1 FROM mail_jobs WHERE dead_at IS NULL AND next_attempt_at <= ? LIMIT 1",
                    now.toEpochMilli(), ResultSet::next);
        }

        @Override
        public void record(List<Attempt> attempts) {
            List<Attempt> copy = List.copyOf(attempts);
            writer.submit(writes -> writes.record(copy));
        }

        @Override
        public Counts counts() {
            return read("SELECT count(*) FILTER (WHERE dead_at IS NULL), min(queued_at) FILTER (WHERE dead_at IS NULL), "
                    + "count(*) FILTER (WHERE dead_at IS NOT NULL) FROM mail_jobs", new Object[0], rows -> {
                        rows.next();
                        long oldest = rows.getLong(2);
                        Instant oldestAt = rows.wasNull() ? null : Instant.ofEpochMilli(oldest);
                        return new Counts(rows.getLong(1), oldestAt, rows.getLong(3));
                    });
        }

        @Override
        public void deadLetters(Consumer<DeadLetter> sink) {
            read("SELECT queued_at, dead_at, kind, lang, attempts, reason FROM mail_jobs WHERE dead_at IS NOT NULL "
                    + "ORDER BY dead_at, id", new Object[0], rows -> {
                        while (rows.next()) {
                            sink.accept(new DeadLetter(Instant.ofEpochMilli(rows.getLong(1)),
                                    Instant.ofEpochMilli(rows.getLong(2)), rows.getString(3), rows.getString(4),
                                    rows.getInt(5), rows.getString(6)));
                        }
                        return null;
                    });
        }

        @Override
        public void onQueued(Runnable listener) {
            onQueued = listener;
        }
    }

    /** Writes every vote queued so far, then closes the file. */
    @Override
    public void close() {
        closed = true;
        writer.close();
        checkpoints.close();
        List<Reader> open = new ArrayList<>();
        readers.drainTo(open);
        for (Reader reader : open) {
            try {
                reader.close();
            } catch (SQLException e) {
                throw new SqliteFailure("cannot close the vote file " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
