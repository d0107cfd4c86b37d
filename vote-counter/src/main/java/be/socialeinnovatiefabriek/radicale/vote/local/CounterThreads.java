package be.socialeinnovatiefabriek.radicale.vote.local;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's thread pool, less one hand-over: a connection whose answer the store's answering thread has just written
 * goes on there (Jetty reads its next request, or waits for it), rather than on a pool thread woken for it. With
 * two cores, waking a thread for each answer cost as much CPU as the counting.
 */
final class CounterThreads extends QueuedThreadPool {

    // Set while an answer is written from outside Jetty's threads; only that write's own connection goes on here.
    private static final ThreadLocal<Boolean> GOING_ON = new ThreadLocal<>();

    /** Runs {@code write} (an answer's); the connection it completes goes on on this thread. */
    static void goOnHere(Runnable write) {
        GOING_ON.set(Boolean.TRUE);
        try {
            write.run();
        } finally {
            GOING_ON.remove();
        }
    }

    @Override
    public void execute(Runnable job) {
        if (job instanceof Connection && GOING_ON.get() != null) {
            GOING_ON.remove(); // once: a request handled here that completes at once does not nest further
            job.run();
            return;
        }
        super.execute(job);
    }
}
