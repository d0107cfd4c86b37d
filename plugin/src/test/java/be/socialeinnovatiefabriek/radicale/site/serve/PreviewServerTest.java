package be.socialeinnovatiefabriek.radicale.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.TestSite;
import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview of site:run, over real HTTP: pages, live reload after a save (or none, when off), and problems shown in the browser. */
class PreviewServerTest {

    @TempDir
    Path folder;

    private TestSite site;
    private PreviewServer server;
    private final List<String> errors = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        site = TestSite.create(folder, null);
        SiteConfig config = site.config(true).with(site.output(), "http://localhost:0", TestSite.NOW, true);
        server = new PreviewServer(new SiteBuilder(config), line -> { }, errors::add);
        server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Opens the live-reload stream as a browser tab does, collecting its events. */
    private BlockingQueue<String> listen() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<java.io.InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/_preview/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                StringBuilder event = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (event.length() > 0) {
                            events.add(event.toString());
                        }
                        event.setLength(0);
                    } else {
                        event.append(line).append('\n');
                    }
                }
            } catch (java.io.IOException e) {
                // stream closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertTrue(events.poll(5, TimeUnit.SECONDS).contains("retry: 500"));
        return events;
    }

    private static String next(BlockingQueue<String> events, String kind) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && event.startsWith("event: " + kind)) {
                return event;
            }
        }
        throw new AssertionError("no '" + kind + "' event within 10 s");
    }

    @Test
    void servesThePagesWithTheLiveReloadScriptAndASecurityPolicy() throws Exception {
        HttpResponse<String> home = get("/fr/");

        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("<html lang=\"fr\""));
        assertTrue(home.body().contains("<script src=\"/_preview/livereload.js\" defer></script>"));
        String policy = home.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'"), policy);
        String pagePolicy = Jsoup.parse(home.body()).selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertEquals(pagePolicy + "; frame-ancestors 'none'", policy, "the header says what the page says, and forbids framing");
        assertEquals(200, get("/_preview/livereload.js").statusCode());
    }

    @Test
    void rebuildsAfterASaveAndTellsOpenPagesToReload() throws Exception {
        BlockingQueue<String> events = listen();
        Path profile = site.root().resolve("content/innovators/alpha/index.en.md");

        Files.writeString(profile, Files.readString(profile).replace("Alpha text in en.", "Alpha, freshly edited."));
        next(events, "reload");

        assertTrue(get("/en/innovators/alpha/").body().contains("Alpha, freshly edited."));
    }

    @Test
    void editorSwapFilesAndRebuildsThatChangeNothingReloadNothing() throws Exception {
        BlockingQueue<String> events = listen();
        Path folder = site.root().resolve("content/innovators/alpha");

        assertEquals(0, server.rebuild().filesWritten());
        Files.writeString(folder.resolve(".index.en.md.swp"), "swap");
        Files.writeString(folder.resolve("index.en.md~"), "backup");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            String event = events.poll(100, TimeUnit.MILLISECONDS);
            assertTrue(event == null || !event.startsWith("event: reload"), "no reload: " + event);
        }
    }

    @Test
    void showsAContentProblemInThePageAndKeepsServingTheLastGoodSite() throws Exception {
        BlockingQueue<String> events = listen();
        Path profile = site.root().resolve("content/innovators/alpha/index.en.md");
        String good = Files.readString(profile);

        Files.writeString(profile, good.replace("tagline:", "tagilne:"));
        String problem = next(events, "problem");

        assertTrue(problem.contains("data: content/innovators/alpha/index.en.md:3: unknown field 'tagilne'; did you mean 'tagline'?"), problem);
        assertTrue(errors.stream().anyMatch(line -> line.contains("index.en.md:3: unknown field 'tagilne'")), "and in the console");
        HttpResponse<String> page = get("/en/innovators/alpha/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Alpha makes a difference"));

        Files.writeString(profile, good);
        next(events, "reload");
    }

    @Test
    void withoutLiveReloadServesThePagesAsPublishedAndStillRebuildsAfterASave() throws Exception {
        server.close();
        SiteConfig config = site.config(true).with(site.output(), "http://localhost:0", TestSite.NOW, true);
        server = new PreviewServer(new SiteBuilder(config), false, line -> { }, errors::add);
        server.start("127.0.0.1", 0);

        HttpResponse<String> home = get("/fr/");
        assertEquals(200, home.statusCode());
        assertEquals(Files.readString(site.output().resolve("fr/index.html")), home.body());
        assertEquals(404, get("/_preview/livereload.js").statusCode());
        assertEquals(404, get("/_preview/events").statusCode());

        Path profile = site.root().resolve("content/innovators/alpha/index.en.md");
        Files.writeString(profile, Files.readString(profile).replace("Alpha text in en.", "Alpha, freshly edited."));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!get("/en/innovators/alpha/").body().contains("Alpha, freshly edited.") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(get("/en/innovators/alpha/").body().contains("Alpha, freshly edited."), "rebuilt within 10 s");
    }

    @Test
    void servesTheNewsFeedsAsAtom() throws Exception {
        site.overlay("with-news");
        server.rebuild();
        HttpResponse<String> feed = get("/en/news/feed.xml");
        assertEquals(200, feed.statusCode());
        assertEquals("application/atom+xml", feed.headers().firstValue("Content-Type").orElse(""));
        assertTrue(feed.body().contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""), feed.body());
    }

    @Test
    void answersUnknownAddressesWith404InTheLanguageOfThePath() throws Exception {
        HttpResponse<String> missing = get("/fr/nulle-part/");

        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("<html lang=\"fr\""));
    }

    @Test
    void neverServesFilesOutsideTheSite() throws Exception {
        Files.writeString(folder.resolve("secret.txt"), "secret");
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write("GET /../secret.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 404"), response.lines().findFirst().orElse(""));
            assertTrue(!response.contains("secret\n") && !response.endsWith("secret"));
        }
        assertEquals(404, get("/%2e%2e/secret.txt").statusCode());
    }

    @Test
    void forwardsTheVoteApiToTheCounterAndPassesItsRedirectThrough() throws Exception {
        com.sun.net.httpserver.HttpServer counter = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        List<String> seen = new ArrayList<>();
        counter.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().set("Location", "http://localhost/nl/campaigns/2026/vote/check-your-mail/");
            exchange.sendResponseHeaders(303, -1);
            exchange.close();
        });
        counter.start();
        try {
            server.useCounter(counter.getAddress().getPort());
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/campaigns/2026/votes?x=1"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("nominee=alpha&email=a%40b.be&lang=nl")).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(303, answer.statusCode());
            assertEquals("http://localhost/nl/campaigns/2026/vote/check-your-mail/", answer.headers().firstValue("Location").orElse(""));
            assertEquals(List.of("POST /api/campaigns/2026/votes?x=1 nominee=alpha&email=a%40b.be&lang=nl"), seen);
        } finally {
            counter.stop(0);
        }
    }

    @Test
    void aVoteSentWhileTheCounterStartsWaitsForItInsteadOfFailing() throws Exception {
        java.util.concurrent.CompletableFuture<Integer> starting = new java.util.concurrent.CompletableFuture<>();
        server.useCounter(starting);
        assertEquals(200, get("/nl/").statusCode(), "the pages are served while the counter starts");

        java.util.concurrent.CompletableFuture<HttpResponse<String>> answer = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/campaigns/2026")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        com.sun.net.httpserver.HttpServer counter = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
        counter.createContext("/", exchange -> {
            byte[] body = "{\"phase\":\"voting\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            asked.countDown();
        });
        counter.start();
        try {
            assertEquals(1, asked.getCount(), "not asked before it listens");
            starting.complete(counter.getAddress().getPort());
            HttpResponse<String> forwarded = answer.get(30, TimeUnit.SECONDS);
            assertEquals(200, forwarded.statusCode(), forwarded.body());
            assertEquals("{\"phase\":\"voting\"}", forwarded.body());
        } finally {
            counter.stop(0);
        }
    }

    @Test
    void aCounterThatCouldNotStartIsSaidToBeUnavailable() throws Exception {
        server.useCounter(java.util.concurrent.CompletableFuture.failedFuture(new java.io.IOException("no java")));
        HttpResponse<String> answer = get("/api/campaigns/2026");

        assertEquals(503, answer.statusCode());
        assertTrue(answer.body().contains("\"error\":\"counter_unavailable\""), answer.body());
    }

    @Test
    void saysSoWhenNoCounterRuns() throws Exception {
        HttpResponse<String> answer = get("/api/campaigns/2026");

        assertEquals(503, answer.statusCode());
        assertTrue(answer.body().contains("\"error\":\"counter_unavailable\""));
    }

    @Test
    void refusesToChangeAnything() throws Exception {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/nl/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(405, post.statusCode());
    }
}
