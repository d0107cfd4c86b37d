package be.socialeinnovatiefabriek.radicale.vote.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many concurrent voters against a counter on loopback, each on its own connection: they submit votes,
 * collect the links from the outbox, and confirm them, recording exactly which confirmations were
 * acknowledged (200) and which were sent but never answered.
 */
final class VoteLoad {

    static final List<String> NOMINEES = List.of("papillon", "armentekort", "sociale-garage");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final int port;
    private final boolean lean;

    /** Voters that use the JDK HttpClient. */
    VoteLoad(int port) {
        this(port, false);
    }

    /**
     * With {@code lean}, the voters post over keep-alive connections of their own, all driven by one thread
     * ({@link SelectorLoad}), instead of the HttpClient.
     */
    VoteLoad(int port, boolean lean) {
        this.base = "http://127.0.0.1:" + port;
        this.port = port;
        this.lean = lean;
    }

    /** How one voter posts: over the shared HttpClient or its own keep-alive connection. */
    private interface Voter extends AutoCloseable {
        int post(String path, String json) throws IOException, InterruptedException;

        @Override
        void close() throws IOException;
    }

    private Voter voter() {
        return new Voter() {
            public int post(String path, String json) throws IOException, InterruptedException {
                return VoteLoad.this.post(path, json).statusCode();
            }

            public void close() {
            }
        };
    }

    record Submissions(int accepted, Map<Integer, Integer> refused, double seconds) {
        double perSecond() {
            return accepted / seconds;
        }
    }

    record Confirmations(List<String> counted, List<String> unanswered, Map<Integer, Integer> otherStatuses,
                         double seconds) {
        double perSecond() {
            return counted.size() / seconds;
        }
    }

    /** {@code clients} voters submit distinct addresses until {@code limit} has passed or {@code max} are sent. */
    Submissions submit(int clients, Duration limit, int max, String addressPrefix) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        Map<Integer, Integer> refused = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        if (lean) {
            SelectorLoad.run(port, clients, i -> i < max ? SelectorLoad.post("/api/campaigns/2026/votes", vote(i, addressPrefix))
                    : null, new SelectorLoad.Answers() {
                        public boolean answered(int i, int status) {
                            if (status == 202) {
                                accepted.incrementAndGet();
                            } else {
                                refused.merge(status, 1, Integer::sum);
                            }
                            return true;
                        }

                        public void unanswered(int i, IOException failure) {
                        }
                    }, deadline, false);
            return new Submissions(accepted.get(), refused, (System.nanoTime() - start) / 1e9);
        }
        run(clients, () -> {
            try (Voter voter = voter()) {
                int i;
                while ((i = next.getAndIncrement()) < max && System.nanoTime() < deadline) {
                    int status = voter.post("/api/campaigns/2026/votes", vote(i, addressPrefix));
                    if (status == 202) {
                        accepted.incrementAndGet();
                    } else {
                        refused.merge(status, 1, Integer::sum);
                    }
                }
            }
            return null;
        });
        return new Submissions(accepted.get(), refused, (System.nanoTime() - start) / 1e9);
    }

    private static String vote(int i, String addressPrefix) {
        return "{\"nominee\": \"" + NOMINEES.get(i % NOMINEES.size()) + "\", \"email\": \"" + addressPrefix + i
                + "@example.be\", \"lang\": \"nl\"}";
    }

    /**
     * The tokens of the confirmation links in the outbox, newest first, once the sender has handed it every queued
     * mail (the health answer says none waits), so that what follows does not share the CPU with the sender.
     */
    List<String> tokens() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (json.readTree(health.body()).path("mail").path("queued").asLong(-1) == 0) {
                break;
            }
            Thread.sleep(200);
        }
        HttpResponse<String> outbox = http.send(HttpRequest.newBuilder(URI.create(base + "/_outbox/messages.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> tokens = new ArrayList<>();
        for (JsonNode message : json.readTree(outbox.body()).path("messages")) {
            if (message.path("link").isTextual()) { // an "already counted" mail has none
                String link = message.path("link").asText();
                tokens.add(link.substring(link.indexOf("token=") + "token=".length()));
            }
        }
        return tokens;
    }

    /**
     * {@code clients} voters confirm {@code tokens} until they are all sent or {@code limit} has passed; once
     * {@code killAfter} are acknowledged, {@code kill} runs (once) and the voters stop at their next failure.
     */
    Confirmations confirm(int clients, List<String> tokens, Duration limit, int killAfter, Runnable kill) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<String> counted = Collections.synchronizedList(new ArrayList<>());
        List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> others = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicLong lastAnswer = new AtomicLong();
        if (lean) {
            byte[][] requests = new byte[tokens.size()][]; // made before the clock starts
            for (int i = 0; i < requests.length; i++) {
                requests[i] = SelectorLoad.post("/api/votes/confirm", "{\"token\": \"" + tokens.get(i) + "\"}");
            }
            long start = System.nanoTime();
            SelectorLoad.run(port, clients, i -> i < requests.length ? requests[i] : null, new SelectorLoad.Answers() {
                public boolean answered(int i, int status) {
                    lastAnswer.set(System.nanoTime());
                    if (status == 200) {
                        counted.add(tokens.get(i));
                        if (counted.size() >= killAfter && killed.compareAndSet(false, true)) {
                            kill.run();
                            return false;
                        }
                    } else {
                        others.merge(status, 1, Integer::sum);
                    }
                    return true;
                }

                public void unanswered(int i, IOException failure) {
                    unanswered.add(tokens.get(i));
                }
            }, start + limit.toNanos(), killAfter < Integer.MAX_VALUE);
            long end = killed.get() ? lastAnswer.get() : System.nanoTime();
            return new Confirmations(List.copyOf(counted), List.copyOf(unanswered), others, (end - start) / 1e9);
        }
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        run(clients, () -> {
            try (Voter voter = voter()) {
                int i;
                while ((i = next.getAndIncrement()) < tokens.size() && System.nanoTime() < deadline) {
                    String token = tokens.get(i);
                    try {
                        int status = voter.post("/api/votes/confirm", "{\"token\": \"" + token + "\"}");
                        lastAnswer.set(System.nanoTime());
                        if (status == 200) {
                            counted.add(token);
                            if (counted.size() >= killAfter && killed.compareAndSet(false, true)) {
                                kill.run();
                            }
                        } else {
                            others.merge(status, 1, Integer::sum);
                        }
                    } catch (IOException e) {
                        unanswered.add(token);
                        if (killed.get()) {
                            return null; // the counter is gone: this voter stops
                        }
                        throw e;
                    }
                }
            }
            return null;
        });
        long end = killed.get() ? lastAnswer.get() : System.nanoTime();
        return new Confirmations(List.copyOf(counted), List.copyOf(unanswered), others, (end - start) / 1e9);
    }

    /** The counted votes per nominee, from the results endpoint (the ballot shows results live). */
    long total() throws IOException, InterruptedException {
        HttpResponse<String> results = http.send(HttpRequest.newBuilder(URI.create(base + "/api/campaigns/2026/results"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (results.statusCode() != 200) {
            throw new IOException("results: " + results.statusCode() + " " + results.body());
        }
        return json.readTree(results.body()).path("total").asLong();
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void run(int clients, java.util.concurrent.Callable<Void> client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(client));
            }
            for (Future<Void> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A ballot for edition 2026 open around {@code now}, results live, verification email. */
    static String ballot() {
        return """
                {"id": "2026", "nominees": ["papillon", "armentekort", "sociale-garage"],
                 "opens": "2026-11-15T09:00+01:00", "closes": "2026-11-30T23:59+01:00", "results": "live",
                 "verification": "email", "votesPerVoter": 1, "languages": ["nl"], "titles": {"nl": "Radicale Vernieuwers 2026"},
                 "names": {}, "pages": {"nl": {"thanks": "http://localhost:8080/nl/thanks/"}}}
                """;
    }

    /**
     * The counter's environment for a load: rate limits out of the way (every voter comes from 127.0.0.1), and mail
     * sent as fast as the mail server takes it.
     */
    static Map<String, String> environment() {
        return Map.of("VOTE_HMAC_KEY", "0123456789abcdef0123456789abcdef-load", "VOTE_ADMIN_TOKEN", "admin-token-0123456789",
                "VOTE_ALLOWED_ORIGINS", "http://localhost:8080", "VOTE_PUBLIC_URL", "http://localhost:8080",
                "VOTE_RATE_IP_PER_MINUTE", "100000000", "VOTE_RATE_IP_BURST", "100000000",
                "VOTE_RATE_ADDRESS_PER_HOUR", "1000", "VOTE_MAIL_PER_SECOND", "100000");
    }
}
