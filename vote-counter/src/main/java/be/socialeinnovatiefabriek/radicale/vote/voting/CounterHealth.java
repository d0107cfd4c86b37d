package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.http.Reply;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /api/health}, for a monitor: whether the store answers, and how sending the confirmation mails
 * goes. It holds times and counts only (no address, no token, no tally), so it asks for no admin token.
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

    public ApiResponse answer(Reply reply) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> storeStatus = new LinkedHashMap<>();
        Map<String, Object> mailStatus = new LinkedHashMap<>();
        boolean reachable;
        long mailFailures;
        synchronized (storeLock) {
            reachable = checkStore();
            storeStatus.put("reachable", reachable);
            storeStatus.put("checkedAt", storeCheckedAt.toString());
        }
        synchronized (this) {
            mailFailures = mailFailuresSinceSuccess;
            mailStatus.put("failuresSinceLastSuccess", mailFailures);
            mailStatus.put("lastFailure", lastMailFailure == null ? null : lastMailFailure.toString());
            mailStatus.put("lastSuccess", lastMailSuccess == null ? null : lastMailSuccess.toString());
        }
        boolean healthy = reachable && mailFailures == 0;
        body.put("status", healthy ? "ok" : "failing");
        if (!healthy) {
            body.put("error", "unhealthy");
            body.put("message", (reachable ? "" : "The vote store does not answer; no vote can be taken or counted "
                    + "(the counter's log says why). ") + (mailFailures == 0 ? "" : "The last " + mailFailures
                    + " mail(s) to voters could not be sent; check the SMTP settings and server (the log says why)."));
        }
        body.put("store", storeStatus);
        body.put("mail", mailStatus);
        return reply.json(healthy ? 200 : 503, body);
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
