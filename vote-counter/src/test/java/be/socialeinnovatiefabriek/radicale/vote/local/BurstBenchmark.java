package be.socialeinnovatiefabriek.radicale.vote.local;

import be.socialeinnovatiefabriek.radicale.vote.mail.SmtpSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A radio call's minute on the local counter: distinct vote submissions at a steady rate from an open-loop load
 * ({@link PacedLoad}: latency from each request's due time), with real SMTP on loopback ({@link SmtpSink}), then
 * how long until every mail has arrived, and that each address got exactly one. Run by
 * {@code bash bench/burst-benchmark.sh [submissions=50000] [per second=834] [connections=800] [work dir]};
 * system properties {@code counter.env.NAME=value} set the counter's environment (its mail settings).
 */
public final class BurstBenchmark {

    private static final int WARMUP = 3_000;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        double perSecond = args.length > 1 ? Double.parseDouble(args[1]) : 834;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 800;
        Path work = args.length > 3 ? Files.createDirectories(Path.of(args[3])) : Files.createTempDirectory("vote-burst");
        System.out.printf("vote counter burst benchmark: %d cores (load average %s), %,d submissions at %,.0f/s over up to "
                + "%,d connections, files in %s%n", Runtime.getRuntime().availableProcessors(), LoadBenchmark.loadAverage(),
                count, perSecond, connections, work);

        Path ballots = Files.createDirectories(work.resolve("ballots"));
        Files.writeString(ballots.resolve("2026.json"), VoteLoad.ballot());
        Path db = work.resolve("burst.db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        try (SmtpSink smtp = new SmtpSink()) {
            Map<String, String> env = new HashMap<>(VoteLoad.environment());
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", Integer.toString(smtp.port()));
            env.put("SMTP_FROM", "Radicale Vernieuwers <stemmen@radicalevernieuwers.be>");
            env.put("SMTP_STARTTLS", "false");
            System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("counter.env."))
                    .forEach(name -> env.put(name.substring("counter.env.".length()), System.getProperty(name)));
            String[] serverArgs = {"--ballots", ballots.toString(), "--db", db.toString(), "--now", "2026-11-20T12:00+01:00"};
            try (ChildServer counter = ChildServer.start(env, work.resolve("counter.log"), serverArgs)) {
                PacedLoad load = new PacedLoad(counter.port(), connections, 30_000);
                PacedLoad.Result warm = load.run(WARMUP, 300, "/api/campaigns/2026/votes", i -> vote("warm", i), 202);
                System.out.printf("warm-up: %s%n", warm.summary());
                awaitMails(smtp, warm.answered(), Duration.ofMinutes(5));

                LoadBenchmark.Cpu cpu = new LoadBenchmark.Cpu(counter);
                long start = System.nanoTime();
                PacedLoad.Result burst = load.run(count, perSecond, "/api/campaigns/2026/votes", i -> vote("burst", i), 202);
                System.out.printf("burst (load average %s): %s; %s%n", LoadBenchmark.loadAverage(), burst.summary(),
                        cpu.perRequest(count));
                int expected = warm.answered() + burst.answered();
                boolean all = awaitMails(smtp, expected, Duration.ofMinutes(30));
                double delivered = (smtp.lastArrivalNanos() - start) / 1e9;
                int duplicates = 0;
                int missing = 0;
                for (int i = 0; i < count; i++) {
                    AtomicInteger got = smtp.perRecipient().get(address("burst", i));
                    if (got == null) {
                        missing++;
                    } else if (got.get() > 1) {
                        duplicates += got.get() - 1;
                    }
                }
                System.out.printf("mail (load average %s): %s %,d mails for %,d accepted submissions; the last arrived %.1f s "
                        + "after the burst began; addresses of the burst without a mail: %,d (errors included), mailed more "
                        + "than once: %,d%n", LoadBenchmark.loadAverage(), all ? "all" : "NOT ALL:", smtp.mails(), expected,
                        delivered, missing, duplicates);
            }
        }
    }

    private static String vote(String prefix, int i) {
        return "{\"nominee\": \"" + VoteLoad.NOMINEES.get(i % VoteLoad.NOMINEES.size()) + "\", \"email\": \""
                + address(prefix, i) + "\", \"lang\": \"nl\"}";
    }

    private static String address(String prefix, int i) {
        return prefix + i + "@example.be";
    }

    /** Waits until {@code expected} mails have arrived, or nothing has arrived for {@code quiet}. */
    private static boolean awaitMails(SmtpSink smtp, int expected, Duration quiet) throws InterruptedException, IOException {
        int seen = smtp.mails();
        long lastProgress = System.nanoTime();
        while (smtp.mails() < expected) {
            Thread.sleep(100);
            if (smtp.mails() != seen) {
                seen = smtp.mails();
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > quiet.toNanos()) {
                return false;
            }
        }
        return true;
    }
}
