package be.socialeinnovatiefabriek.radicale.vote.store;

import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.Outcome;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.PendingVote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many voters confirming at once for one nominee, on DynamoDB Local in process: every confirmation must be
 * counted once and the tally, summed over its shards, must be exact. Run by
 * {@code bash bench/dynamodb-benchmark.sh [confirmations=20000] [threads=64]}. DynamoDB Local has no
 * partition limits, so its rate says little about AWS; the exact total, and the conflicts it resolved, do.
 */
public final class DynamoDbTallyBenchmark {

    public static void main(String[] args) throws Exception {
        int votes = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        System.out.printf("DynamoDB tally benchmark: %d cores (load average %s), %,d confirmations for one nominee on %d "
                + "threads, DynamoDB Local in process%n", Runtime.getRuntime().availableProcessors(), loadAverage(), votes,
                threads);
        String table = DynamoDbLocal.newTable();
        DynamoDbVoteStore store = new DynamoDbVoteStore(DynamoDbLocal.client(), table, mail -> { });
        // Relative to the real clock: DynamoDB Local sweeps expired items by its own.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        parallel(threads, () -> {
            for (int i = next.getAndIncrement(); i < votes; i = next.getAndIncrement()) {
                store.savePending(new PendingVote("2026", "papillon", hex("voter", i), hex("token", i), "nl", now,
                        now.plusSeconds(3600)), 1, VoteStoreContract.MAIL);
            }
        });
        double saveSeconds = (System.nanoTime() - start) / 1e9;

        AtomicInteger confirmNext = new AtomicInteger();
        Map<String, Integer> outcomes = new TreeMap<>();
        start = System.nanoTime();
        parallel(threads, () -> {
            for (int i = confirmNext.getAndIncrement(); i < votes; i = confirmNext.getAndIncrement()) {
                String outcome;
                try {
                    outcome = store.confirm(hex("token", i), now.plusSeconds(1), 1).outcome().name();
                } catch (RuntimeException e) {
                    outcome = "failed: " + e.getClass().getSimpleName();
                }
                synchronized (outcomes) {
                    outcomes.merge(outcome, 1, Integer::sum);
                }
            }
        });
        double confirmSeconds = (System.nanoTime() - start) / 1e9;
        long total = store.tallies("2026").values().stream().mapToLong(Long::longValue).sum();
        int counted = outcomes.getOrDefault(Outcome.COUNTED.name(), 0);
        System.out.printf("pending votes: %,.0f/s; confirmations: %,.0f/s (load average %s); outcomes %s; tally summed over "
                + "the shards: %,d for %,d counted -> %s%n", votes / saveSeconds, votes / confirmSeconds, loadAverage(),
                outcomes, total, counted, total == counted && counted == votes ? "EXACT" : "WRONG");
        System.exit(0);
    }

    private static void parallel(int threads, Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(work));
        }
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();
    }

    private static String hex(String kind, int i) {
        return String.format("%s%058x", kind.charAt(0) == 'v' ? "a0b1c2" : "d3e4f5", (long) kind.hashCode() * 1_000_003L + i);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
