package be.socialeinnovatiefabriek.radicale.site.serve;

import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How long a member of staff waits between saving a page and the browser reloading it, in a warm
 * preview of the real sample site: from the file write to the "reload" event an open page receives.
 * Run: {@code bash bench/reload-benchmark.sh [edits]}.
 */
public final class PreviewReloadBenchmark {

    private PreviewReloadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path project = Path.of(args[0]).toAbsolutePath();
        Path work = Files.createTempDirectory("reload-bench");
        copy(project.resolve("content"), work.resolve("content"));
        copy(project.resolve("site-template"), work.resolve("site-template"));
        SiteConfig config = new SiteConfig(work, work.resolve("content"), work.resolve("site-template"), work.resolve("target/site"),
                List.of("nl", "fr", "en"), "http://localhost:0", ZoneId.of("Europe/Brussels"), OffsetDateTime.parse("2026-11-20T12:00+01:00"), true, "");
        SiteBuilder builder = new SiteBuilder(config);
        try (PreviewServer server = new PreviewServer(builder, line -> {
            if (System.getenv("BENCH_LOG") != null) {
                System.err.println(line);
            }
        }, System.err::println)) {
            long start = System.nanoTime();
            server.start("127.0.0.1", 0);
            System.out.printf("first build and start: %d ms%n", (System.nanoTime() - start) / 1_000_000);
            mediaDrawn(builder);
            System.out.printf("media drawn: %d ms%n", (System.nanoTime() - start) / 1_000_000);
            BlockingQueue<String> events = listen(server.port());
            Path page = work.resolve("content/innovators/papillon/index.en.md");
            String current = Files.readString(page);
            List<Long> text = new ArrayList<>();
            List<Long> frontMatter = new ArrayList<>();
            for (int i = 0; i < edits; i++) {
                // Each edit changes one part of the file as it is: the text below the front matter, or a field of it.
                current = current + "\nEdit number " + i + ".\n";
                text.add(measure(builder, events, page, current));
                current = current.replaceFirst("tagline: (\\(\\d+\\) )?", "tagline: (" + i + ") ");
                frontMatter.add(measure(builder, events, page, current));
            }
            report("text edit (body only), save to reload", text, "edits");
            report("front matter edit (all pages re-rendered), save to reload", frontMatter, "edits");
        }
    }

    /**
     * Waits until the media drawn after a build (a new share card after a tagline edit) are done, so that each edit
     * is timed on an idle preview. Through reflection: the same benchmark also runs on the classes of a commit that
     * drew every medium inside the build.
     */
    private static void mediaDrawn(SiteBuilder builder) throws Exception {
        java.lang.reflect.Method drawing;
        try {
            drawing = SiteBuilder.class.getMethod("mediaDrawing");
        } catch (NoSuchMethodException before) {
            return;
        }
        Object current = drawing.invoke(builder);
        if (current != null) {
            ((java.util.concurrent.CompletableFuture<?>) current.getClass().getMethod("finished").invoke(current)).get(10, TimeUnit.MINUTES);
        }
    }

    private static long measure(SiteBuilder builder, BlockingQueue<String> events, Path page, String content) throws Exception {
        mediaDrawn(builder);
        Thread.sleep(150); // let the watcher settle between edits
        events.clear();
        long start = System.nanoTime();
        Files.writeString(page, content);
        while (true) {
            String event = events.poll(10, TimeUnit.SECONDS);
            if (event == null) {
                throw new IllegalStateException("no reload within 10 s");
            }
            if (event.startsWith("event: reload")) {
                return (System.nanoTime() - start) / 1_000_000;
            }
        }
    }

    /** Prints the median and maximum of {@code millis}, over that many {@code unit} (edits, saves). */
    public static void report(String what, List<Long> millis, String unit) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("%s: median %d ms, max %d ms over %d %s%n", what, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
                sorted.size(), unit);
    }

    /** The preview's live-reload stream read as a browser tab reads it: each "event: ..." line, as it comes. */
    public static BlockingQueue<String> listen(int port) throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_preview/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("event: ")) {
                        events.add(line);
                    }
                }
            } catch (java.io.IOException e) {
                // closed at the end
            }
        });
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    /** Copies the folder {@code from} to {@code to}, so that a benchmark never edits the project's own files. */
    public static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
