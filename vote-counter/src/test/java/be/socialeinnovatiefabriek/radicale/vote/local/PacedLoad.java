package be.socialeinnovatiefabriek.radicale.vote.local;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-loop load: request {@code i} is due at {@code start + i / rate}, whatever became of the ones before,
 * and its latency runs from that due time to its answer. A request that waits for a free connection, or whose
 * sender fell behind, has that wait in its latency (no coordinated omission: a slow counter cannot slow the
 * load down and hide its own queue). Each worker is a voter's browser with one keep-alive connection.
 */
final class PacedLoad {

    private final int port;
    private final int workers;
    private final int timeoutMillis;

    /**
     * @param workers       connections at most (browsers waiting for an answer at the same time)
     * @param timeoutMillis a request unanswered after this long is a timeout, as a browser would give up
     */
    PacedLoad(int port, int workers, int timeoutMillis) {
        this.port = port;
        this.workers = workers;
        this.timeoutMillis = timeoutMillis;
    }

    /** What became of a paced run: latencies in nanoseconds from each request's due time, and every error. */
    record Result(long[] latencies, Map<String, Integer> errors, double sendSeconds, double seconds, int sent) {

        int answered() {
            return latencies.length;
        }

        long percentileMillis(double p) {
            if (latencies.length == 0) {
                return -1;
            }
            int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1_000_000;
        }

        int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }

        String summary() {
            return String.format("%,d sent in %.1f s (%,.0f/s), the last answer after %.1f s; answered %,d: median %,d ms, "
                    + "p90 %,d ms, p99 %,d ms, p99.9 %,d ms, max %,d ms; errors %,d %s", sent, sendSeconds, sent / sendSeconds,
                    seconds, answered(),
                    percentileMillis(50), percentileMillis(90), percentileMillis(99), percentileMillis(99.9),
                    percentileMillis(100), errorCount(), errors);
        }
    }

    /**
     * Sends {@code count} posts at {@code perSecond}, request {@code i} to {@code path} with body {@code body(i)};
     * {@code expected} is the status that counts as success.
     */
    Result run(int count, double perSecond, String path, IntFunction<String> body, int expected) throws InterruptedException {
        long[] due = new long[count];
        long[] latencies = new long[count];
        boolean[] ok = new boolean[count];
        Map<String, Integer> errors = new TreeMap<>();
        BlockingQueue<Integer> ready = new LinkedBlockingQueue<>();
        AtomicInteger done = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> work(ready, due, latencies, ok, errors, path, body, expected, done),
                    "paced-voter-" + w);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        long period = (long) (1e9 / perSecond);
        long start = System.nanoTime() + 10_000_000;
        for (int i = 0; i < count; i++) {
            due[i] = start + i * period;
            long wait = due[i] - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            ready.add(i);
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        for (int w = 0; w < workers; w++) {
            ready.add(-1);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] answered = new long[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (ok[i]) {
                answered[n++] = latencies[i];
            }
        }
        long[] sorted = Arrays.copyOf(answered, n);
        Arrays.sort(sorted);
        return new Result(sorted, errors, sendSeconds, seconds, count);
    }

    private void work(BlockingQueue<Integer> ready, long[] due, long[] latencies, boolean[] ok, Map<String, Integer> errors,
                      String path, IntFunction<String> body, int expected, AtomicInteger done) {
        KeepAliveConnection connection = null;
        try {
            for (int i = ready.take(); i >= 0; i = ready.take()) {
                String error;
                try {
                    int status;
                    if (connection == null) {
                        connection = new KeepAliveConnection(port, timeoutMillis);
                        status = connection.post(path, body.apply(i));
                    } else {
                        try {
                            status = connection.post(path, body.apply(i));
                        } catch (KeepAliveConnection.ClosedBeforeAnswer | java.net.SocketException closed) {
                            // The server closed the idle keep-alive connection before reading this request: a
                            // browser sends it again on a new connection, and so does this voter.
                            closeQuietly(connection);
                            connection = new KeepAliveConnection(port, timeoutMillis);
                            status = connection.post(path, body.apply(i));
                        }
                    }
                    latencies[i] = System.nanoTime() - due[i];
                    ok[i] = status == expected;
                    error = ok[i] ? null : "status " + status;
                } catch (SocketTimeoutException e) {
                    error = "timeout";
                } catch (IOException e) {
                    error = e.getClass().getSimpleName();
                }
                if (error != null) {
                    synchronized (errors) {
                        errors.merge(error, 1, Integer::sum);
                    }
                    if (!error.startsWith("status") && connection != null) {
                        closeQuietly(connection);
                        connection = null;
                    }
                }
                done.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (connection != null) {
                closeQuietly(connection);
            }
        }
    }

    private static void closeQuietly(KeepAliveConnection connection) {
        try {
            connection.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
