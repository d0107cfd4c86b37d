package be.socialeinnovatiefabriek.radicale.vote.store;

import be.socialeinnovatiefabriek.radicale.vote.mail.SubmissionMail;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Where votes are kept. Every implementation passes {@code VoteStoreContract}: a call that returns has
 * made its change durable, a confirmation counts exactly once, and a voter never exceeds the ballot's
 * votes per voter. Voters are known only by a keyed hash; no store ever sees an address.
 */
public interface VoteStore extends AutoCloseable {

    /**
     * Keeps a vote that waits for its mailed confirmation, and queues its mail: {@link Outcome#ACCEPTED} (the mail
     * carries the link), or {@link Outcome#ALREADY_VOTED} when the voter has already used all votes of this
     * edition or voted for this nominee (counted votes only; the mail says the vote is already counted). The vote
     * is kept in both cases, so that both cost the same write and the answer's timing does not tell whether an
     * address voted; its confirmation would be refused anyway. A call that returns has kept the vote and queued
     * the mail durably: a crash after it loses neither. A call that throws may have kept the vote (never counted,
     * it expires), but then no answer told the voter to wait for a mail.
     */
    Outcome savePending(PendingVote vote, int votesPerVoter, SubmissionMail mail);

    /**
     * {@link #recordSubmission} of {@code facts} for the vote's edition, then {@link #savePending}: a store that can
     * keeps both in one write (the local counter: one commit for the submission, where two took two).
     */
    default Outcome savePending(PendingVote vote, int votesPerVoter, SubmissionMail mail, SubmissionFacts facts) {
        recordSubmission(vote.campaign(), facts);
        return savePending(vote, votesPerVoter, mail);
    }

    /**
     * Counts the pending vote whose token hashes to {@code tokenHash}, exactly once.
     * {@link Outcome#COUNTED} the first time; {@link Outcome#ALREADY_COUNTED} on a replay;
     * {@link Outcome#EXPIRED} after its expiry; {@link Outcome#UNKNOWN} for no such token;
     * {@link Outcome#ALREADY_VOTED} when the voter used all votes meanwhile (then nothing is counted).
     * A counted confirmation also keeps how long after its submission it came ({@link #confirmationDelays}).
     */
    Confirmation confirm(String tokenHash, Instant now, int votesPerVoter);

    /**
     * What the ballot says of a vote about to be counted (its edition, nominee and language): the votes a voter has,
     * or 0 when it is not to be counted now (the edition or nominee is gone, voting is not open).
     */
    @FunctionalInterface
    interface CountingRule {
        int votesPerVoter(Confirmation vote);
    }

    /**
     * {@link #confirm} with the ballot's rule asked about the vote the token stands for, and the answer given once
     * the vote is durable rather than to a waiting caller. The stage completes with what {@code confirm} would
     * return, or with {@link Outcome#PENDING} (and the vote) when {@code rule} said 0: nothing was counted. The rule
     * is asked for every token the store holds, counted or expired too; it must not throw. A store that can answer
     * without a waiting thread does (the local counter's writer asks the rule inside its transaction, and answers a
     * whole commit's confirmations at once); this one looks the vote up, asks, confirms, and only then returns.
     */
    default CompletionStage<Confirmation> confirmLater(String tokenHash, Instant now, CountingRule rule) {
        try {
            Confirmation vote = lookUp(tokenHash, now);
            if (vote.outcome() == Outcome.UNKNOWN) {
                return CompletableFuture.completedFuture(vote);
            }
            int votesPerVoter = rule.votesPerVoter(vote);
            return CompletableFuture.completedFuture(votesPerVoter > 0 ? confirm(tokenHash, now, votesPerVoter)
                    : new Confirmation(Outcome.PENDING, vote.campaign(), vote.nominee(), vote.lang()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The vote the token hashing to {@code tokenHash} stands for, counting nothing (the link holds no more
     * than a random token, so this is how the confirmation page learns the edition, nominee and language).
     * {@link Outcome#PENDING} while it waits for its confirmation; {@link Outcome#ALREADY_COUNTED} once
     * counted; {@link Outcome#EXPIRED} after its expiry; {@link Outcome#UNKNOWN} for no such token.
     */
    Confirmation lookUp(String tokenHash, Instant now);

    /** Counts a vote at once (verification none), at most {@code votesPerVoter} per voter key and once per nominee. */
    Outcome castDirect(String campaign, String nominee, String voterHash, Instant now, int votesPerVoter);

    /** Counted votes per nominee (nominees without votes may be absent). */
    Map<String, Long> tallies(String campaign);

    /** Every counted vote of the edition, oldest first, for the admin export. */
    void audit(String campaign, Consumer<AuditRecord> sink);

    /**
     * The edition's counted votes per minute and nominee, from the minute of {@code from} on, oldest first (then by
     * nominee); minutes without votes are absent. For the studio view, read every few seconds during a broadcast:
     * the stores keep these buckets as they count, so a read costs one item per minute and nominee. This default
     * adds them up from the whole audit trail, for a store that keeps none.
     */
    default List<MinuteTally> minuteTallies(String campaign, Instant from) {
        Instant first = from.truncatedTo(ChronoUnit.MINUTES);
        Map<MinuteTally, Long> counts = new TreeMap<>(MinuteTally.ORDER);
        audit(campaign, vote -> {
            Instant minute = vote.countedAt().truncatedTo(ChronoUnit.MINUTES);
            if (!minute.isBefore(first)) {
                counts.merge(new MinuteTally(minute, vote.nominee(), 0), 1L, Long::sum);
            }
        });
        List<MinuteTally> tallies = new ArrayList<>();
        counts.forEach((key, votes) -> tallies.add(new MinuteTally(key.minute(), key.nominee(), votes)));
        return tallies;
    }

    /**
     * Shows that the store answers, for the health answer: returns when it can take votes now, throws as any
     * other call would when it cannot. Cheap enough to be called every few seconds.
     */
    void check();

    /**
     * Spends a solved proof-of-work challenge: true the first time, false when it was spent before. The id is
     * kept until {@code expiresAt} (the challenge is refused after that anyway), so only live ones take room.
     */
    boolean spendChallenge(String challengeId, Instant expiresAt, Instant now);

    /** Keeps the facts of one submission for the admin export's anomaly sections, apart from any vote. */
    void recordSubmission(String campaign, SubmissionFacts facts);

    /** The facts of every submission of the edition, in no particular order. */
    void submissions(String campaign, Consumer<SubmissionFacts> sink);

    /** How long after its submission each counted confirmation of the edition came, in no particular order. */
    void confirmationDelays(String campaign, Consumer<Duration> sink);

    @Override
    void close();

    /** What became of a request. */
    enum Outcome { ACCEPTED, PENDING, COUNTED, ALREADY_COUNTED, ALREADY_VOTED, EXPIRED, UNKNOWN }

    /** A confirmation's (or a look-up's) outcome and the vote it was about (null fields for UNKNOWN). */
    record Confirmation(Outcome outcome, String campaign, String nominee, String lang) {
    }

    /**
     * A vote waiting for its confirmation.
     *
     * @param voterHash  HMAC of the normalised address (hex)
     * @param tokenHash  SHA-256 of the mailed token (hex); the token itself is never stored
     */
    record PendingVote(String campaign, String nominee, String voterHash, String tokenHash, String lang, Instant createdAt,
                       Instant expiresAt) {
    }

    /** The votes for one nominee counted in one minute (its start, UTC). */
    record MinuteTally(Instant minute, String nominee, long votes) {
        /** Oldest minute first, then by nominee. */
        public static final Comparator<MinuteTally> ORDER =
                Comparator.comparing(MinuteTally::minute).thenComparing(MinuteTally::nominee);
    }

    /**
     * One submission that passed the counter's checks, as the anomaly sections see it; nothing in it names
     * the vote or the voter.
     *
     * @param hour       the hour it came in (truncated: the moment would tie it to its pending vote)
     * @param mailDomain the domain of the voter's address, lower case; null for an edition without e-mail
     * @param clientHash HMAC of the client IP (hex), the rate-limit key
     */
    record SubmissionFacts(Instant hour, String mailDomain, String clientHash) {
    }

    /** One counted vote in the audit trail. */
    record AuditRecord(Instant countedAt, String campaign, String nominee, String voterHash) {
    }
}
