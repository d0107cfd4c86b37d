package be.socialeinnovatiefabriek.radicale.vote.queue;

import be.socialeinnovatiefabriek.radicale.vote.queue.MailProgress.DeadLetter;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The local mail queue's storage: jobs kept in the vote file, each queued in the same transaction as its pending
 * vote. A job holds its mail (address and link) only until it is sent, when it is deleted, or given up on, when
 * it becomes a dead letter without them. Only one {@link MailSender} works on a queue.
 */
public interface MailJobs {

    /** Jobs waiting whose next attempt is due at {@code now}, the longest due first; at most {@code max}. */
    List<MailJob> due(Instant now, int max);

    /** Whether a job waits whose next attempt is due at {@code now}. */
    boolean anyDue(Instant now);

    /** Records what became of attempted jobs, all in one durable write. */
    void record(List<Attempt> attempts);

    /** The jobs waiting and the dead letters, counted. */
    Counts counts();

    /** Every dead letter, oldest first. */
    void deadLetters(Consumer<DeadLetter> sink);

    /** {@code listener} runs after each job is queued (the sender wakes up). */
    void onQueued(Runnable listener);

    /**
     * A job as queued.
     *
     * @param mail     the mail as {@link MailJson}
     * @param attempts attempts that failed so far
     */
    record MailJob(long id, String mail, int attempts, Instant queuedAt) {
    }

    /** What one attempt at a job came to. */
    enum Result {
        /** Handed to the mail server: the job is deleted. */
        SENT,
        /** Failed; it waits until {@code at} for its next attempt. */
        RETRY,
        /** Given up on at {@code at}: the job keeps no address and no link, only why. */
        DEAD
    }

    /**
     * @param attempts the job's failed attempts, this one included (for SENT, unused)
     * @param reason   why it failed, without the address or the link (for SENT, null)
     */
    record Attempt(long id, Result result, int attempts, Instant at, String reason) {
    }

    /** @param oldestQueuedAt when the oldest waiting job was queued; null when none waits */
    record Counts(long queued, Instant oldestQueuedAt, long dead) {
    }
}
