package be.socialeinnovatiefabriek.radicale.site.editor;

import static be.socialeinnovatiefabriek.radicale.site.serve.PreviewReloadBenchmark.copy;
import static be.socialeinnovatiefabriek.radicale.site.serve.PreviewReloadBenchmark.listen;
import static be.socialeinnovatiefabriek.radicale.site.serve.PreviewReloadBenchmark.report;

import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.serve.PreviewServer;
import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * How long staff wait when they save in the browser editor, on a warm preview of the real sample site:
 * until the save is answered (merged into the file, checked with the build's rules on the would-be
 * files, written), and until the page open beside it reloads. Also an unchanged save, which writes
 * nothing. Run: {@code bash bench/editor-benchmark.sh [saves]}.
 */
public final class EditorSaveBenchmark {

    private EditorSaveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int saves = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path project = Path.of(args[0]).toAbsolutePath();
        Path work = Files.createTempDirectory("editor-bench");
        copy(project.resolve("content"), work.resolve("content"));
        copy(project.resolve("site-template"), work.resolve("site-template"));
        SiteConfig config = new SiteConfig(work, work.resolve("content"), work.resolve("site-template"), work.resolve("target/site"),
                List.of("nl", "fr", "en"), "http://localhost:0", ZoneId.of("Europe/Brussels"), OffsetDateTime.parse("2026-11-20T12:00+01:00"), true, "");
        try (PreviewServer server = new PreviewServer(new SiteBuilder(config), line -> { }, System.err::println)) {
            server.useEditor(new BrowserEditor(config, EditorAccess.forPreview("127.0.0.1", true, null), work.resolve("target/editor-check"),
                    Clock.systemUTC(), line -> { }));
            server.start("127.0.0.1", 0);
            BlockingQueue<String> events = listen(server.port());
            Path file = work.resolve("content/innovators/papillon/index.fr.md");
            String original = Files.readString(file);
            List<Long> answered = new ArrayList<>();
            List<Long> reloaded = new ArrayList<>();
            List<Long> unchanged = new ArrayList<>();
            for (int i = 0; i < saves; i++) {
                Thread.sleep(200); // let the watcher settle between saves
                events.clear();
                long start = System.nanoTime();
                save(server.port(), original.replaceFirst("tagline: ", "tagline: (" + i + ") "));
                answered.add((System.nanoTime() - start) / 1_000_000);
                while (true) {
                    String event = events.poll(10, TimeUnit.SECONDS);
                    if (event == null) {
                        throw new IllegalStateException("no reload within 10 s");
                    }
                    if (event.startsWith("event: reload")) {
                        reloaded.add((System.nanoTime() - start) / 1_000_000);
                        break;
                    }
                }
                long still = System.nanoTime();
                save(server.port(), Files.readString(file));
                unchanged.add((System.nanoTime() - still) / 1_000_000);
            }
            report("save answered (merge, check, write)", answered, "saves");
            report("save to reload of the open page", reloaded, "saves");
            report("unchanged save answered (nothing written)", unchanged, "saves");
        }
    }

    private static void save(int port, String raw) throws Exception {
        String body = new ObjectMapper().writeValueAsString(Map.of("action", "persistEntry", "params", Map.of("branch", "main",
                "dataFiles", List.of(Map.of("slug", "papillon/index", "path", "content/innovators/papillon/index.fr.md", "raw", raw)),
                "assets", List.of(), "options", Map.of("commitMessage", "x", "useWorkflow", false, "status", "draft"))));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/api/v1"))
                .header("Origin", "http://127.0.0.1:" + port).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the save answered " + response.statusCode() + ": " + response.body());
        }
    }
}
