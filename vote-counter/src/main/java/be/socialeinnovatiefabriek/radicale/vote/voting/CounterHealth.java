package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.queue.MailProgress;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The counter's health, for a monitor ({@code GET /api/health}): whether the store answers, and how sending the
 * voters' mails goes (the queue, the dead letters, the sender's last success and failure). It holds times and
 * counts only (no address, no token, no tally), so it asks for no admin token.
 */
public final class CounterHealth {

    private static final System.Logger LOG = System.getLogger(CounterHealth.class.getName());
    /** A monitor may ask as often as it likes: the store and the mail queue are asked at most this often. */
    static final Duration STORE_CHECK_EVERY = Duration.ofSeconds(5);

    private final VoteStore store;
    private final MailProgress mail;
    private final Clock clock;
    private final Object storeLock = new Object();
    private Instant storeCheckedAt;
    private boolean storeReachable;
    private MailProgress.Report mailReport;

    public CounterHealth(VoteStore store, MailProgress mail, Clock clock) {
        this.store = store;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * The counter's health now: whether the store answered its last check and when, and how mail goes (null when
     * another process sends the mail, as on AWS, or the store that holds the queue does not answer).
     */
    public record Health(boolean storeReachable, Instant storeCheckedAt, MailProgress.Report mail) {

        /** The store answers and the sender's last attempt went out (or none was made yet). */
        public boolean healthy() {
            return storeReachable && (mail == null || mail.failuresSinceLastSuccess() == 0);
        }
    }

    /** The health now; the store and the mail queue are asked at most every {@link #STORE_CHECK_EVERY}. */
    public Health check() {
        synchronized (storeLock) {
            boolean reachable = checkStore();
            return new Health(reachable, storeCheckedAt, mailReport);
        }
    }

    /**
     * Asks the store, and the mail queue, at most every {@link #STORE_CHECK_EVERY}; the answer in between is the
     * last one.
     */
    private boolean checkStore() {
        Instant now = clock.instant();
        if (storeCheckedAt != null && now.isBefore(storeCheckedAt.plus(STORE_CHECK_EVERY))
                && !now.isBefore(storeCheckedAt)) {
            return storeReachable;
        }
        try {
            store.check();
            storeReachable = true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the vote store does not answer", e);
            storeReachable = false;
        }
        mailReport = storeReachable ? mailReport() : null;
        storeCheckedAt = now;
        return storeReachable;
    }

    /** The mail queue lives in the store on the local server: a store that does not answer tells nothing of it. */
    private MailProgress.Report mailReport() {
        try {
            return mail.report();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the mail queue does not answer", e);
            return null;
        }
    }
}
