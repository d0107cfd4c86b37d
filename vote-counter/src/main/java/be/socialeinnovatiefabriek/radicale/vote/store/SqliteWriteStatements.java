package be.socialeinnovatiefabriek.radicale.vote.store;

import be.socialeinnovatiefabriek.radicale.vote.queue.MailJobs.Attempt;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailJson;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.Confirmation;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.Outcome;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.PendingVote;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.SubmissionFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counting rules as statements on the writer's connection. Only the writer thread calls these, inside
 * its open transaction, so each check-then-write is exact; the unique keys guard it once more. A
 * confirmation takes two statements on its common path (claim the token, insert the vote); the nominees'
 * tallies, and their counts per minute, are added up per transaction and written once, just before it commits.
 */
final class SqliteWriteStatements implements AutoCloseable {

    private static final long MINUTE_MILLIS = 60_000;

    private final PreparedStatement claimToken;
    private final PreparedStatement findPending;
    private final PreparedStatement unclaimToken;
    private final PreparedStatement insertPending;
    private final PreparedStatement voterCount;
    private final PreparedStatement votedFor;
    private final PreparedStatement insertVote;
    private final PreparedStatement countNominee;
    private final PreparedStatement insertJob;
    private final PreparedStatement deleteJob;
    private final PreparedStatement retryJob;
    private final PreparedStatement buryJob;
    private final PreparedStatement countMinute;
    private final PreparedStatement insertSubmission;
    private final PreparedStatement insertDelay;
    private final PreparedStatement forgetExpiredChallenges;
    private final PreparedStatement spendChallenge;
    private final Map<List<String>, Long> tallies = new HashMap<>();
    private final Map<List<Object>, Long> minutes = new HashMap<>();

    SqliteWriteStatements(Connection connection) throws SQLException {
        claimToken = connection.prepareStatement("UPDATE pending SET counted_at = ? "
                + "WHERE token_hash = ? AND counted_at IS NULL AND expires_at > ? "
                + "RETURNING campaign, nominee, voter_hash, lang, created_at");
        findPending = connection.prepareStatement(
                "SELECT campaign, nominee, lang, counted_at IS NOT NULL FROM pending WHERE token_hash = ?");
        unclaimToken = connection.prepareStatement("UPDATE pending SET counted_at = NULL WHERE token_hash = ?");
        insertPending = connection.prepareStatement("INSERT INTO pending "
                + "(token_hash, campaign, nominee, voter_hash, lang, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        voterCount = connection.prepareStatement("SELECT count(*) FROM votes WHERE campaign = ? AND voter_hash = ?");
        votedFor = connection.prepareStatement(
                "SELECT 1 FROM votes WHERE campaign = ? AND voter_hash = ? AND nominee = ?");
        // One statement: no row is inserted when the voter has used all votes (the count, read from the
        // unique key) or already voted for this nominee (the unique key itself).
        insertVote = connection.prepareStatement("INSERT OR IGNORE INTO votes (campaign, nominee, voter_hash, counted_at) "
                + "SELECT ?, ?, ?, ? WHERE (SELECT count(*) FROM votes WHERE campaign = ? AND voter_hash = ?) < ?");
        countNominee = connection.prepareStatement("INSERT INTO tallies (campaign, nominee, votes) VALUES (?, ?, ?) "
                + "ON CONFLICT (campaign, nominee) DO UPDATE SET votes = votes + excluded.votes");
        insertJob = connection.prepareStatement("INSERT INTO mail_jobs (kind, lang, mail, queued_at, next_attempt_at) "
                + "VALUES (?, ?, ?, ?, ?)");
        deleteJob = connection.prepareStatement("DELETE FROM mail_jobs WHERE id = ?");
        retryJob = connection.prepareStatement("UPDATE mail_jobs SET attempts = ?, next_attempt_at = ?, reason = ? "
                + "WHERE id = ? AND dead_at IS NULL");
        buryJob = connection.prepareStatement("UPDATE mail_jobs SET mail = NULL, attempts = ?, dead_at = ?, reason = ? "
                + "WHERE id = ? AND dead_at IS NULL");
        countMinute = connection.prepareStatement("INSERT INTO minute_tallies (campaign, minute, nominee, votes) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (campaign, minute, nominee) DO UPDATE SET votes = votes + excluded.votes");
        insertSubmission = connection.prepareStatement(
                "INSERT INTO submissions (campaign, hour, mail_domain, client_hash) VALUES (?, ?, ?, ?)");
        insertDelay = connection.prepareStatement("INSERT INTO confirmation_delays (campaign, delay_ms) VALUES (?, ?)");
        forgetExpiredChallenges = connection.prepareStatement("DELETE FROM spent_challenges WHERE expires_at <= ?");
        spendChallenge = connection.prepareStatement("INSERT OR IGNORE INTO spent_challenges (id, expires_at) VALUES (?, ?)");
    }

    /** A submission's mail, ready to queue in either form: which one is decided with the pending vote. */
    record QueuedMail(String lang, String confirmation, String alreadyCounted) {
    }

    /** Keeps the pending vote and queues its mail, in the writer's transaction: both are kept, or neither. */
    Outcome savePending(PendingVote vote, int votesPerVoter, QueuedMail mail) throws SQLException {
        int votes = votesOf(vote.campaign(), vote.voterHash());
        boolean voted = votes >= votesPerVoter || (votes > 0 && votedFor(vote.campaign(), vote.voterHash(), vote.nominee()));
        insertPending.setString(1, vote.tokenHash());
        insertPending.setString(2, vote.campaign());
        insertPending.setString(3, vote.nominee());
        insertPending.setString(4, vote.voterHash());
        insertPending.setString(5, vote.lang());
        insertPending.setLong(6, vote.createdAt().toEpochMilli());
        insertPending.setLong(7, vote.expiresAt().toEpochMilli());
        insertPending.executeUpdate();
        insertJob.setString(1, voted ? MailJson.ALREADY_COUNTED : MailJson.CONFIRMATION);
        insertJob.setString(2, mail.lang());
        insertJob.setString(3, voted ? mail.alreadyCounted() : mail.confirmation());
        insertJob.setLong(4, vote.createdAt().toEpochMilli());
        insertJob.setLong(5, vote.createdAt().toEpochMilli());
        insertJob.executeUpdate();
        return voted ? Outcome.ALREADY_VOTED : Outcome.ACCEPTED;
    }

    /** Records the sender's attempts: a sent job is deleted, a failed one waits, a dead letter loses its mail. */
    Void record(List<Attempt> attempts) throws SQLException {
        for (Attempt attempt : attempts) {
            switch (attempt.result()) {
                case SENT -> {
                    deleteJob.setLong(1, attempt.id());
                    deleteJob.executeUpdate();
                }
                case RETRY -> {
                    retryJob.setInt(1, attempt.attempts());
                    retryJob.setLong(2, attempt.at().toEpochMilli());
                    retryJob.setString(3, attempt.reason());
                    retryJob.setLong(4, attempt.id());
                    retryJob.executeUpdate();
                }
                case DEAD -> {
                    buryJob.setInt(1, attempt.attempts());
                    buryJob.setLong(2, attempt.at().toEpochMilli());
                    buryJob.setString(3, attempt.reason());
                    buryJob.setLong(4, attempt.id());
                    buryJob.executeUpdate();
                }
            }
        }
        return null;
    }

    /**
     * Claims the token and counts its vote, if {@code rule} says so; a vote the rule refuses is left as it was and
     * comes back {@link Outcome#PENDING}.
     */
    Confirmation confirm(String tokenHash, Instant now, VoteStore.CountingRule rule) throws SQLException {
        String campaign;
        String nominee;
        String voterHash;
        String lang;
        long createdAt;
        claimToken.setLong(1, now.toEpochMilli());
        claimToken.setString(2, tokenHash);
        claimToken.setLong(3, now.toEpochMilli());
        try (ResultSet claimed = claimToken.executeQuery()) {
            if (!claimed.next()) {
                Confirmation unclaimable = unclaimable(tokenHash);
                // The ballot is asked about a counted or expired vote too: a closed edition says so first.
                return unclaimable.outcome() == Outcome.UNKNOWN || rule.votesPerVoter(unclaimable) > 0 ? unclaimable
                        : new Confirmation(Outcome.PENDING, unclaimable.campaign(), unclaimable.nominee(), unclaimable.lang());
            }
            campaign = claimed.getString(1);
            nominee = claimed.getString(2);
            voterHash = claimed.getString(3);
            lang = claimed.getString(4);
            createdAt = claimed.getLong(5);
        }
        int votesPerVoter = rule.votesPerVoter(new Confirmation(Outcome.PENDING, campaign, nominee, lang));
        Outcome outcome = votesPerVoter > 0 ? count(campaign, nominee, voterHash, now, votesPerVoter) : Outcome.PENDING;
        if (outcome != Outcome.COUNTED) {
            unclaimToken.setString(1, tokenHash);
            unclaimToken.executeUpdate();
        } else {
            insertDelay.setString(1, campaign);
            insertDelay.setLong(2, now.toEpochMilli() - createdAt);
            insertDelay.executeUpdate();
        }
        return new Confirmation(outcome, campaign, nominee, lang);
    }

    /** Why a token could not be claimed: unknown, counted before, or expired. */
    private Confirmation unclaimable(String tokenHash) throws SQLException {
        findPending.setString(1, tokenHash);
        try (ResultSet row = findPending.executeQuery()) {
            if (!row.next()) {
                return new Confirmation(Outcome.UNKNOWN, null, null, null);
            }
            Outcome outcome = row.getBoolean(4) ? Outcome.ALREADY_COUNTED : Outcome.EXPIRED;
            return new Confirmation(outcome, row.getString(1), row.getString(2), row.getString(3));
        }
    }

    /** Counts one vote unless the voter has used all votes or already voted for this nominee. */
    Outcome count(String campaign, String nominee, String voterHash, Instant now, int votesPerVoter)
            throws SQLException {
        insertVote.setString(1, campaign);
        insertVote.setString(2, nominee);
        insertVote.setString(3, voterHash);
        insertVote.setLong(4, now.toEpochMilli());
        insertVote.setString(5, campaign);
        insertVote.setString(6, voterHash);
        insertVote.setInt(7, votesPerVoter);
        if (insertVote.executeUpdate() == 0) {
            return Outcome.ALREADY_VOTED;
        }
        tallies.merge(List.of(campaign, nominee), 1L, Long::sum);
        minutes.merge(List.of(campaign, now.toEpochMilli() / MINUTE_MILLIS * MINUTE_MILLIS, nominee), 1L, Long::sum);
        return Outcome.COUNTED;
    }

    void recordSubmission(String campaign, SubmissionFacts facts) throws SQLException {
        insertSubmission.setString(1, campaign);
        insertSubmission.setLong(2, facts.hour().toEpochMilli());
        insertSubmission.setString(3, facts.mailDomain());
        insertSubmission.setString(4, facts.clientHash());
        insertSubmission.executeUpdate();
    }

    /** True the first time {@code id} is spent; the expired ones are forgotten first, so the table stays small. */
    boolean spendChallenge(String id, Instant expiresAt, Instant now) throws SQLException {
        forgetExpiredChallenges.setLong(1, now.toEpochMilli());
        forgetExpiredChallenges.executeUpdate();
        spendChallenge.setString(1, id);
        spendChallenge.setLong(2, expiresAt.toEpochMilli());
        return spendChallenge.executeUpdate() == 1;
    }

    /** Writes the tallies counted in this transaction; the writer calls it just before COMMIT. */
    void writeTallies() throws SQLException {
        for (Map.Entry<List<String>, Long> tally : tallies.entrySet()) {
            countNominee.setString(1, tally.getKey().get(0));
            countNominee.setString(2, tally.getKey().get(1));
            countNominee.setLong(3, tally.getValue());
            countNominee.executeUpdate();
        }
        tallies.clear();
        for (Map.Entry<List<Object>, Long> minute : minutes.entrySet()) {
            countMinute.setString(1, (String) minute.getKey().get(0));
            countMinute.setLong(2, (Long) minute.getKey().get(1));
            countMinute.setString(3, (String) minute.getKey().get(2));
            countMinute.setLong(4, minute.getValue());
            countMinute.executeUpdate();
        }
        minutes.clear();
    }

    /** Forgets the tallies of a transaction that was rolled back. */
    void forgetTallies() {
        tallies.clear();
        minutes.clear();
    }

    private int votesOf(String campaign, String voterHash) throws SQLException {
        voterCount.setString(1, campaign);
        voterCount.setString(2, voterHash);
        try (ResultSet row = voterCount.executeQuery()) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    private boolean votedFor(String campaign, String voterHash, String nominee) throws SQLException {
        votedFor.setString(1, campaign);
        votedFor.setString(2, voterHash);
        votedFor.setString(3, nominee);
        try (ResultSet row = votedFor.executeQuery()) {
            return row.next();
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : new PreparedStatement[] {claimToken, findPending, unclaimToken, insertPending,
                voterCount, votedFor, insertVote, countNominee, countMinute, insertSubmission, insertDelay,
                forgetExpiredChallenges, spendChallenge, insertJob, deleteJob, retryJob, buryJob}) {
            statement.close();
        }
    }
}
