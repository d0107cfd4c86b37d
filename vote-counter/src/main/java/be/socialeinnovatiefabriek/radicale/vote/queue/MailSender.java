package be.socialeinnovatiefabriek.radicale.vote.queue;

import be.socialeinnovatiefabriek.radicale.vote.queue.MailProgress;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.Mail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.MailFailure;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailJobs.Attempt;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailJobs.MailJob;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailJobs.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The local server's sender: one thread that takes the due mail jobs from the vote file, hands them to the mailer
 * in batches over one connection, at most {@link MailSettings#perSecond()}, and records each outcome. A mail the
 * server refuses is tried again after a wait that doubles up to {@link MailSettings#retryMax()}, and after
 * {@link MailSettings#maxAttempts()} becomes a dead letter. A server that cannot be reached is not the mails'
 * fault: their attempts are not counted, and the sender waits (5 s, doubling to a minute) before it tries again,
 * so an outage of any length loses no mail and the queue drains within a minute of the server's return.
 */
public final class MailSender implements MailProgress, AutoCloseable {

    /** Mails a round takes at most (one connection, one write to record them). */
    static final int BATCH = 50;
    static final Duration SERVER_RETRY_FIRST = Duration.ofSeconds(5);
    static final Duration SERVER_RETRY_MAX = Duration.ofMinutes(1);
    /** How often an idle sender looks for jobs that became due (a retry's time, a clock moved by a test). */
    private static final long IDLE_POLL_MILLIS = 200;

    private static final System.Logger LOG = System.getLogger(MailSender.class.getName());

    private final MailJobs jobs;
    private final Mailer mailer;
    private final MailSettings settings;
    private final Clock clock;
    private final SendRate rate;
    private final Object round = new Object();
    private final Object signal = new Object();
    private final Thread thread;
    private boolean woken;
    private volatile boolean stopping;
    // Guarded by round: when the server may be tried again after it could not be reached, and the wait after that.
    private Instant serverRetryAt;
    private Duration serverRetry = SERVER_RETRY_FIRST;
    // Guarded by this: what the health answer shows.
    private long failuresSinceSuccess;
    private Instant lastFailure;
    private Instant lastSuccess;

    public MailSender(MailJobs jobs, Mailer mailer, MailSettings settings, Clock clock) {
        this.jobs = jobs;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
        this.rate = new SendRate(settings.perSecond(), clock);
        this.thread = new Thread(this::run, "mail-sender");
        thread.setDaemon(true);
        jobs.onQueued(this::wake);
    }

    /** Starts the sender's thread. */
    public MailSender start() {
        thread.start();
        return this;
    }

    /**
     * One round: sends what is due now, as far as the rate allows, and records it; returns how many jobs it
     * attempted (0 when none was due, the rate allows none yet, or the server is being waited for).
     */
    public int sendDue() {
        synchronized (round) {
            Instant now = clock.instant();
            if (serverRetryAt != null && now.isBefore(serverRetryAt)) {
                return 0;
            }
            int allowed = rate.takeUpTo(BATCH);
            if (allowed == 0) {
                return 0;
            }
            List<MailJob> due = jobs.due(now, allowed);
            rate.giveBack(allowed - due.size());
            if (due.isEmpty()) {
                return 0;
            }
            List<Attempt> attempts = new ArrayList<>();
            int failed = 0;
            boolean sent = false;
            List<MailJob> sending = new ArrayList<>();
            List<Mail> mails = new ArrayList<>();
            for (MailJob job : due) {
                Mail mail;
                try {
                    mail = MailJson.read(job.mail());
                } catch (MailJson.Unreadable e) {
                    attempts.add(new Attempt(job.id(), Result.DEAD, job.attempts(), now, e.getMessage()));
                    failed++;
                    LOG.log(System.Logger.Level.ERROR, "a queued mail is a dead letter: " + e.getMessage());
                    continue;
                }
                if (mail instanceof ConfirmationMail link && !link.expires().isAfter(now)) {
                    // Its link would only say "expired": the voter votes again instead.
                    attempts.add(new Attempt(job.id(), Result.DEAD, job.attempts(), now,
                            "the link expired before the mail could be sent"));
                    continue;
                }
                sending.add(job);
                mails.add(mail);
            }
            List<MailFailure> outcomes = mails.isEmpty() ? List.of() : mailer.sendAll(mails);
            List<String> failureLines = new ArrayList<>();
            int unreachable = 0;
            String serverReason = null;
            for (int i = 0; i < sending.size(); i++) {
                MailJob job = sending.get(i);
                MailFailure failure = outcomes.get(i);
                if (failure == null) {
                    attempts.add(new Attempt(job.id(), Result.SENT, job.attempts(), now, null));
                    sent = true;
                    continue;
                }
                String reason = FailureReason.of(failure.getMessage(), mails.get(i));
                if (failure.serverUnreachable()) {
                    unreachable++; // not an attempt at this mail: it stays as it is
                    serverReason = reason;
                    continue;
                }
                failed++;
                int tried = job.attempts() + 1;
                if (tried >= settings.maxAttempts()) {
                    attempts.add(new Attempt(job.id(), Result.DEAD, tried, now, reason));
                    LOG.log(System.Logger.Level.ERROR, "a mail to a voter was given up after " + tried + " attempts (a "
                            + "dead letter, listed in the admin export): " + reason);
                } else {
                    attempts.add(new Attempt(job.id(), Result.RETRY, tried, now.plus(settings.delayAfter(tried)), reason));
                    failureLines.add(reason + "; it is tried again in " + settings.delayAfter(tried).toSeconds() + " s");
                }
            }
            rate.giveBack(unreachable);
            if (!attempts.isEmpty()) {
                jobs.record(attempts);
            }
            // A server that cannot be reached counts as one failure a round, whatever the mails waiting.
            noteOutcomes(sent, failed + (unreachable > 0 ? 1 : 0), now);
            failureLines.forEach(this::logFailure);
            if (serverReason != null) {
                serverRetryAt = now.plus(serverRetry);
                logFailure(serverReason + "; " + unreachable + " mail(s) wait, and the server is tried again in "
                        + serverRetry.toSeconds() + " s");
                serverRetry = serverRetry.multipliedBy(2).compareTo(SERVER_RETRY_MAX) > 0
                        ? SERVER_RETRY_MAX : serverRetry.multipliedBy(2);
            } else {
                serverRetryAt = null;
                serverRetry = SERVER_RETRY_FIRST;
            }
            return due.size();
        }
    }

    private synchronized void noteOutcomes(boolean sent, int failed, Instant now) {
        if (sent) {
            lastSuccess = now;
            failuresSinceSuccess = 0;
        }
        if (failed > 0) {
            lastFailure = now;
            failuresSinceSuccess += failed;
        }
    }

    private void logFailure(String reasonAndNext) {
        long failures;
        synchronized (this) {
            failures = failuresSinceSuccess;
        }
        // One line whatever the mail was (a link, or "already counted"), without the address or the link.
        LOG.log(System.Logger.Level.WARNING, "a mail to a voter could not be sent (" + failures
                + (failures == 1 ? " failure" : " failures") + " since the last mail sent): " + reasonAndNext);
    }

    /**
     * Waits until no job is due any more (every mail queued so far has been handed over or waits for a retry),
     * at most {@code timeout}; whether it got there. For the local outbox, so that a page shows a mail just queued.
     */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        wake();
        while (System.nanoTime() < deadline) {
            synchronized (round) {
                if (!jobs.anyDue(clock.instant())) {
                    return true;
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public Report report() {
        MailJobs.Counts counts = jobs.counts();
        synchronized (this) {
            return new Report(counts.queued(), counts.oldestQueuedAt(), counts.dead(), failuresSinceSuccess, lastFailure,
                    lastSuccess);
        }
    }

    @Override
    public void deadLetters(Consumer<DeadLetter> sink) {
        jobs.deadLetters(sink);
    }

    private void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (!stopping) {
            int sent;
            try {
                sent = sendDue();
            } catch (RuntimeException e) {
                // The vote file failed (its log line says why): the jobs stay queued, and the next round tries again.
                LOG.log(System.Logger.Level.ERROR, "the mail sender could not read or record its jobs", e);
                sent = 0;
            }
            if (sent == 0) {
                pause();
            }
        }
    }

    private void pause() {
        long millis = Math.max(1, Math.min(IDLE_POLL_MILLIS, rateWaitMillis()));
        synchronized (signal) {
            if (!woken && !stopping) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                }
            }
            woken = false;
        }
    }

    private long rateWaitMillis() {
        synchronized (round) {
            Duration wait = rate.untilNext();
            return wait.isZero() ? IDLE_POLL_MILLIS : wait.toMillis() + 1;
        }
    }

    /** Stops the thread after its current round; what is queued stays queued for the next start. */
    @Override
    public void close() {
        stopping = true;
        wake();
        if (thread.isAlive()) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
