package be.socialeinnovatiefabriek.radicale.vote.store;

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
import java.util.function.Consumer;

/**
 * The embedded store: one SQLite file in WAL mode with {@code synchronous=FULL}. All writes go through one
 * writer thread with group commit ({@link SqliteWriteThread}), so a call returns only once its vote is on disk;
 * reads use their own connections and never wait for the writer.
 */
public final class SqliteVoteStore implements VoteStore {

    private static final int READERS = 4;

    private final Path file;
    private final SqliteWriteThread writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);

    /** Opens (or creates) the vote file at {@code file}. */
    public SqliteVoteStore(Path file) {
        this.file = file;
        try {
            Connection writing = SqliteSchema.connect(file);
            SqliteSchema.create(writing);
            writer = new SqliteWriteThread(writing, "vote-writer " + file.getFileName());
            for (int i = 0; i < READERS; i++) {
                readers.add(SqliteSchema.connect(file));
            }
        } catch (SQLException e) {
            throw new SqliteFailure("cannot open the vote file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Outcome savePending(PendingVote vote, int votesPerVoter) {
        return writer.submit(writes -> writes.savePending(vote, votesPerVoter));
    }

    @Override
    public Confirmation confirm(String tokenHash, Instant now, int votesPerVoter) {
        return writer.submit(writes -> writes.confirm(tokenHash, now, votesPerVoter));
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

    private <T> T read(String sql, String key, Rows<T> rows) {
        Connection connection;
        try {
            connection = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to read the vote file", e);
        }
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, key);
            try (ResultSet result = query.executeQuery()) {
                return rows.read(result);
            }
        } catch (SQLException e) {
            throw new SqliteFailure("cannot read the vote file " + file + ": " + e.getMessage(), e);
        } finally {
            readers.add(connection);
        }
    }

    /** Writes every vote queued so far, then closes the file. */
    @Override
    public void close() {
        writer.close();
        List<Connection> open = new ArrayList<>();
        readers.drainTo(open);
        for (Connection connection : open) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new SqliteFailure("cannot close the vote file " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
