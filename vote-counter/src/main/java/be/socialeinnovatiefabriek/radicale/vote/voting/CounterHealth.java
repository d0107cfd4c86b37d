package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.http.Reply;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailProgress;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/health}, for a monitor: whether the store answers, and how sending the voters' mails goes
 * (the queue, the dead letters, the sender's last success and failure). It holds times and counts only (no
 * address, no token, no tally), so it asks for no admin token.
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

    public ApiResponse answer(Reply reply) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> storeStatus = new LinkedHashMap<>();
        boolean reachable;
        MailProgress.Report report;
        synchronized (storeLock) {
            reachable = checkStore();
            report = mailReport;
            storeStatus.put("reachable", reachable);
            storeStatus.put("checkedAt", storeCheckedAt.toString());
        }
        Map<String, Object> mailStatus = null;
        long mailFailures = 0;
        if (report != null) {
            mailFailures = report.failuresSinceLastSuccess();
            mailStatus = new LinkedHashMap<>();
            mailStatus.put("queued", report.queued());
            mailStatus.put("oldestQueuedAt", text(report.oldestQueuedAt()));
            mailStatus.put("deadLetters", report.deadLetters());
            mailStatus.put("failuresSinceLastSuccess", mailFailures);
            mailStatus.put("lastFailure", text(report.lastFailure()));
            mailStatus.put("lastSuccess", text(report.lastSuccess()));
        }
        boolean healthy = reachable && mailFailures == 0;
        body.put("status", healthy ? "ok" : "failing");
        if (!healthy) {
            body.put("error", "unhealthy");
            body.put("message", (reachable ? "" : "The vote store does not answer; no vote can be taken or counted "
                    + "(the counter's log says why). ") + (mailFailures == 0 ? "" : "The last " + mailFailures
                    + " attempt(s) to send mail to voters failed; votes are still taken and their mails wait in the queue. "
                    + "Check the SMTP settings and server (the log says why)."));
        }
        body.put("store", storeStatus);
        body.put("mail", mailStatus);
        return reply.json(healthy ? 200 : 503, body);
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

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
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
}
