package be.socialeinnovatiefabriek.radicale.vote.queue;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * How the voters' mails are going, for the health answer and the admin export: counts, times and reasons only,
 * never an address or a link. Mails wait in a queue and a sender delivers them; where the sender runs in another
 * process (the AWS sender function), {@link #ELSEWHERE} says that nothing is known here.
 */
public interface MailProgress {

    /** The queue and the sender as they are now, or null when the sender runs elsewhere. */
    Report report();

    /** Every mail that was given up on, oldest first. */
    void deadLetters(Consumer<DeadLetter> sink);

    /**
     * @param queued                   mails waiting to be sent (due now or waiting for a retry)
     * @param oldestQueuedAt           when the oldest of them was queued; null when none waits
     * @param deadLetters              mails given up on after every attempt
     * @param failuresSinceLastSuccess attempts that failed since the last mail went out (0: sending works)
     */
    record Report(long queued, Instant oldestQueuedAt, long deadLetters, long failuresSinceLastSuccess,
                  Instant lastFailure, Instant lastSuccess) {
    }

    /**
     * A mail given up on; its address and link are gone.
     *
     * @param kind   {@code confirmation} (a link) or {@code already-counted}
     * @param reason the last failure, as the mail server gave it, without the address or the link
     */
    record DeadLetter(Instant queuedAt, Instant failedAt, String kind, String lang, int attempts, String reason) {
    }

    /** The mails are sent by another process (on AWS, the sender function, watched through its queues). */
    MailProgress ELSEWHERE = new MailProgress() {
        @Override
        public Report report() {
            return null;
        }

        @Override
        public void deadLetters(Consumer<DeadLetter> sink) {
        }
    };
}
