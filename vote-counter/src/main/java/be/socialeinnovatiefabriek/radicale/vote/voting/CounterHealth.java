package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The counter's health, for a monitor ({@code GET /api/health}): whether the store answers, and how sending the
 * confirmation mails goes. It holds times and counts only (no address, no token, no tally), so it asks for no admin token.
 * Mail failures are also logged here, without the address and without the link.
 */
public final class CounterHealth {

    private static final System.Logger LOG = System.getLogger(CounterHealth.class.getName());
    /** A monitor may ask as often as it likes: the store is asked at most this often. */
    static final Duration STORE_CHECK_EVERY = Duration.ofSeconds(5);

    private final VoteStore store;
    private final Clock clock;
    // A slow store check must not hold up the recording of mails: the store's state has a lock of its own.
    private final Object storeLock = new Object();
    private Instant storeCheckedAt;
    private boolean storeReachable;
    private Instant lastMailSuccess;
    private Instant lastMailFailure;
    private long mailFailuresSinceSuccess;

    public CounterHealth(VoteStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** {@code mailer}, with each success and failure recorded here. */
    public Mailer watch(Mailer mailer) {
        return mail -> {
            try {
                mailer.send(mail);
            } catch (Mailer.MailFailure failure) {
                long failures = mailFailed();
                // One line whatever the mail was (a link, or "already counted"): the log tells nobody who voted.
                LOG.log(System.Logger.Level.WARNING, "a mail to a voter could not be sent (" + failures
                        + (failures == 1 ? " failure" : " failures") + " since the last mail sent): "
                        + withoutPersonalData(failure.getMessage(), mail));
                throw failure;
            } catch (RuntimeException e) {
                mailFailed();
                throw e;
            }
            mailSent();
        };
    }

    private synchronized long mailFailed() {
        lastMailFailure = clock.instant();
        return ++mailFailuresSinceSuccess;
    }

    private synchronized void mailSent() {
        lastMailSuccess = clock.instant();
        mailFailuresSinceSuccess = 0;
    }

    // A mailer's message may quote the server, and a server may quote the recipient or the message.
    static String withoutPersonalData(String message, Mailer.Mail mail) {
        String text = message == null ? "no reason given" : message;
        List<String> secrets = new ArrayList<>();
        if (mail instanceof Mailer.ConfirmationMail confirmation && confirmation.confirmUrl() != null) {
            String link = confirmation.confirmUrl().toString();
            secrets.add(link);
            if (link.contains("token=")) {
                secrets.add(link.substring(link.indexOf("token=") + "token=".length()));
            }
        }
        secrets.add(mail.to().value());
        if (mail.to().local().length() >= 3) {
            secrets.add(mail.to().local()); // "550 ann.peeters: no such user"
        }
        for (String secret : secrets) {
            text = Pattern.compile(Pattern.quote(secret), Pattern.CASE_INSENSITIVE).matcher(text).replaceAll("[hidden]");
        }
        return text;
    }

    /**
     * The counter's health now: whether the store answered its last check and when, and how mail goes (since the
     * counter started; per instance).
     */
    public record Health(boolean storeReachable, Instant storeCheckedAt, long mailFailuresSinceSuccess,
                         Instant lastMailFailure, Instant lastMailSuccess) {

        /** The store answers and the last mail went out (or none was sent yet). */
        public boolean healthy() {
            return storeReachable && mailFailuresSinceSuccess == 0;
        }
    }

    /** The health now; the store is asked at most every {@link #STORE_CHECK_EVERY}. */
    public Health check() {
        boolean reachable;
        Instant checkedAt;
        synchronized (storeLock) {
            reachable = checkStore();
            checkedAt = storeCheckedAt;
        }
        synchronized (this) {
            return new Health(reachable, checkedAt, mailFailuresSinceSuccess, lastMailFailure, lastMailSuccess);
        }
    }

    /** Asks the store at most every {@link #STORE_CHECK_EVERY}; the answer in between is the last one. */
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
        storeCheckedAt = now;
        return storeReachable;
    }
}
