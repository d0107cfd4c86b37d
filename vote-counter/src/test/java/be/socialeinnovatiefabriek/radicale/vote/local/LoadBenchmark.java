package be.socialeinnovatiefabriek.radicale.vote.local;

import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import be.socialeinnovatiefabriek.radicale.vote.mail.SubmissionMail;
import be.socialeinnovatiefabriek.radicale.vote.store.SqliteVoteStore;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.Outcome;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * How many durable votes the local counter takes, and proof that kill -9 loses none it acknowledged.
 * Run by {@code bash bench/load-benchmark.sh [clients] [seconds] [work dir]}; prints its figures.
 * The counter runs as a child JVM, as under {@code mvn site:run}; both JVMs share this machine's cores.
 */
public final class LoadBenchmark {

    /** Links enough for this many confirmations a second are mailed before the confirmations are timed. */
    private static final int CONFIRMATIONS_A_SECOND = 12_000;

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        Duration phase = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 10);
        Path work = args.length > 2 ? Files.createDirectories(Path.of(args[2])) : Files.createTempDirectory("vote-load");
        System.out.printf("vote counter load benchmark: %d cores (load average %s), %d clients on loopback, %d s a phase, "
                + "files in %s%n", Runtime.getRuntime().availableProcessors(), loadAverage(), clients, phase.toSeconds(), work);

        storeOnly(work.resolve("store-warmup.db"), clients, Duration.ofSeconds(3), false);
        storeOnly(work.resolve("store-only.db"), clients, phase, true);

        List<Counter> counters = new ArrayList<>();
        String baseline = System.getProperty("counter.baseline.classpath", "");
        if (!baseline.isBlank()) {
            counters.add(new Counter("baseline " + System.getProperty("counter.baseline.name", ""), baseline));
        }
        counters.add(new Counter("this build", System.getProperty("java.class.path")));
        boolean jdkClient = Boolean.getBoolean("load.jdkClient");
        List<String> lines = new ArrayList<>();
        for (Counter counter : counters) {
            lines.add(run(counter, clients, phase, work, jdkClient));
        }
        System.out.println();
        System.out.println("| counter (load average) | lean submit | lean confirm | counter CPU per confirmation "
                + "| load generator CPU per confirmation | exact tally | kill -9 |");
        System.out.println("|---|---|---|---|---|---|---|");
        lines.forEach(System.out::println);
    }

    /** A build of the counter: its name and the class path its LocalServer runs from. */
    record Counter(String name, String classPath) {
    }

    /** The HTTP phases and kill -9 on one build of the counter; its line of the summary table. */
    private static String run(Counter build, int clients, Duration phase, Path work, boolean jdkClient) throws Exception {
        Path ballots = Files.createDirectories(work.resolve("ballots"));
        Files.writeString(ballots.resolve("2026.json"), VoteLoad.ballot());
        Path db = work.resolve("votes.db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        String[] serverArgs = {"--ballots", ballots.toString(), "--db", db.toString(), "--now", "2026-11-20T12:00+01:00",
            "--outbox", "--outbox-size", "5000000"};
        Path log = work.resolve("counter.log");
        String loadAtStart = loadAverage();
        System.out.printf("%n%s (load average %s):%n", build.name(), loadAtStart);

        ChildServer counter = ChildServer.start(build.classPath(), VoteLoad.environment(), log, serverArgs);
        Set<String> used = new HashSet<>();
        long acknowledged = 0;
        boolean[] clientKinds = jdkClient ? new boolean[] {true, false} : new boolean[] {true};
        for (boolean lean : clientKinds) { // the clients and the counter get their JIT warm first
            VoteLoad warmup = new VoteLoad(counter.port(), lean);
            warmup.submit(clients, Duration.ofSeconds(8), Integer.MAX_VALUE, "warmup-" + lean + "-");
            acknowledged += warmup.confirm(clients, fresh(warmup.tokens(), used), Duration.ofSeconds(8), Integer.MAX_VALUE,
                    () -> { }).counted().size();
        }

        String submitFigure = "";
        String confirmFigure = "";
        Cpu.PerRequest confirmCpu = null;
        for (boolean lean : jdkClient ? new boolean[] {false, true} : new boolean[] {true}) {
            VoteLoad load = new VoteLoad(counter.port(), lean);
            String client = lean ? "lean client" : "JDK HttpClient";
            Cpu cpu = new Cpu(counter);
            VoteLoad.Submissions submitted = load.submit(clients, phase, Integer.MAX_VALUE, (lean ? "lean" : "jdk") + "-voter");
            Cpu.PerRequest submitCpu = cpu.per(submitted.accepted());
            System.out.printf("  %s, submissions (pending vote + mail to the outbox): %,.0f/s (%,d in %.1f s; refused %s); %s%n",
                    client, submitted.perSecond(), submitted.accepted(), submitted.seconds(), submitted.refused(), submitCpu);
            int enough = CONFIRMATIONS_A_SECOND * (int) phase.toSeconds();
            if (submitted.accepted() < enough) { // more links, untimed, so that the confirmations do not run out
                load.submit(clients, Duration.ofMinutes(2), enough - submitted.accepted(), (lean ? "lean" : "jdk") + "-more");
            }
            List<String> tokens = fresh(load.tokens(), used);
            cpu = new Cpu(counter);
            VoteLoad.Confirmations confirmed = load.confirm(clients, tokens, phase, Integer.MAX_VALUE, () -> { });
            acknowledged += confirmed.counted().size();
            Cpu.PerRequest perConfirmation = cpu.per(confirmed.counted().size());
            System.out.printf("  %s, durable confirmations (fsync before the answer): %,.0f/s (%,d in %.1f s; other answers %s); "
                    + "%s%n", client, confirmed.perSecond(), confirmed.counted().size(), confirmed.seconds(),
                    confirmed.otherStatuses(), perConfirmation);
            if (lean) {
                submitFigure = String.format("%,.0f/s", submitted.perSecond());
                confirmFigure = String.format("%,.0f/s", confirmed.perSecond());
                confirmCpu = perConfirmation;
            }
        }

        VoteLoad load = new VoteLoad(counter.port(), true);
        long counted = load.total();
        String tally = counted == acknowledged ? String.format("%,d = %,d acknowledged: exact", counted, acknowledged)
                : String.format("%,d counted, %,d acknowledged: NOT EXACT", counted, acknowledged);
        System.out.printf("  results: %s%n", tally);
        load.submit(clients, Duration.ofSeconds(3), Integer.MAX_VALUE, "victim");
        List<String> victims = fresh(load.tokens(), used);
        VoteLoad.Confirmations beforeKill = load.confirm(clients, victims, phase, victims.size() / 3, () -> {
            try {
                counter.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        counter.kill();
        String killed;
        try (ChildServer restarted = ChildServer.start(build.classPath(), VoteLoad.environment(), log, serverArgs)) {
            VoteLoad after = new VoteLoad(restarted.port());
            long total = after.total() - counted;
            int acknowledgedBeforeKill = beforeKill.counted().size();
            int unanswered = beforeKill.unanswered().size();
            int lost = 0;
            for (String token : beforeKill.counted()) {
                if (after.post("/api/votes/confirm", "{\"token\": \"" + token + "\"}").statusCode() != 409) {
                    lost++;
                }
            }
            boolean ok = lost == 0 && total >= acknowledgedBeforeKill && total <= acknowledgedBeforeKill + unanswered;
            System.out.printf("  kill -9 under confirmation load: %,d acknowledged, %d sent but unanswered; after restart "
                    + "%,d counted; acknowledged but not on disk: %d -> %s%n", acknowledgedBeforeKill, unanswered, total, lost,
                    ok ? "OK" : "VOTES LOST");
            killed = String.format("%,d acknowledged, %d lost%s", acknowledgedBeforeKill, lost, ok ? "" : ": VOTES LOST");
        }
        return String.format("| %s (%s) | %s | %s | %d µs | %d µs | %s | %s |", build.name(), loadAtStart, submitFigure,
                confirmFigure, confirmCpu.counterMicros(), confirmCpu.clientMicros(), tally, killed);
    }

    /** CPU used by the counter and by this load generator since it was made, per request. */
    record Cpu(ChildServer counter, Duration counterStart, Duration clientStart) {
        Cpu(ChildServer counter) {
            this(counter, counter.cpu(), ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        }

        String perRequest(long requests) {
            return per(requests).toString();
        }

        PerRequest per(long requests) {
            long server = counter.cpu().minus(counterStart).toNanos() / 1000;
            long client = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).minus(clientStart)
                    .toNanos() / 1000;
            return new PerRequest(server / Math.max(1, requests), client / Math.max(1, requests));
        }

        /** Microseconds of CPU (user and system) per request, of the counter's process and of this one. */
        record PerRequest(long counterMicros, long clientMicros) {
            @Override
            public String toString() {
                return String.format("CPU per request: counter %d us, load generator %d us", counterMicros, clientMicros);
            }
        }
    }

    /** The machine's 1-minute load average: other work on it shows in every figure. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static List<String> fresh(List<String> tokens, Set<String> used) {
        List<String> fresh = new ArrayList<>();
        for (String token : tokens) {
            if (used.add(token)) {
                fresh.add(token);
            }
        }
        return fresh;
    }

    /** The store alone, in this process: what the HTTP figures can at best approach. */
    private static void storeOnly(Path file, int threads, Duration phase, boolean print) throws Exception {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        Instant now = Instant.parse("2026-11-20T11:00:00Z");
        try (VoteStore store = new SqliteVoteStore(file)) {
            AtomicInteger saved = new AtomicInteger();
            double saveSeconds = parallel(threads, phase, () -> {
                int i = saved.getAndIncrement();
                store.savePending(new VoteStore.PendingVote("2026", VoteLoad.NOMINEES.get(i % 3), key("voter", i),
                        key("token", i), "nl", now, now.plusSeconds(3600)), 1, new SubmissionMail(
                        new MailAddress("voter" + i, "example.be"), "nl", "Radicale Vernieuwers 2026", "Papillon",
                        URI.create("http://localhost:8080/api/votes/confirm?token=" + i), now.plusSeconds(3600), false));
                return true;
            });
            int pending = saved.get();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger counted = new AtomicInteger();
            double confirmSeconds = parallel(threads, phase, () -> {
                int i = next.getAndIncrement();
                if (i >= pending) {
                    return false;
                }
                if (store.confirm(key("token", i), now, 1).outcome() == Outcome.COUNTED) {
                    counted.incrementAndGet();
                }
                return true;
            });
            if (print) {
                System.out.printf("store only, in process (%d threads): %,.0f pending votes/s, %,.0f durable confirmations/s%n",
                        threads, pending / saveSeconds, counted.get() / confirmSeconds);
            }
        }
    }

    /** A key shaped like the counter's (64 hex digits of a hash), so that writes land all over the B-trees as they do. */
    private static String key(String kind, int i) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((kind + i).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Runs {@code call} on {@code threads} threads until it says stop or {@code limit} has passed; the seconds taken. */
    private static double parallel(int threads, Duration limit, BooleanSupplier call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < deadline && call.getAsBoolean()) {
                    // next call
                }
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }
}
