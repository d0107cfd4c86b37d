import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One start of the preview as {@code mvn site:run} runs it (the classes behind RunMojo, in a fresh JVM): builds the
 * sample site into an empty folder with an empty media cache, starts the local vote counter, and prints, in ms from
 * this JVM's start, when the first page answered 200, when /api/ first gave a real answer (200, not
 * counter_unavailable), and when the last image and poster were drawn. Works with the classes of any commit: what is
 * not there (the counter started beside the first build, media drawn after the pages) is called as RunMojo then did.
 *
 * <p>{@code java -cp <plugin classes and dependencies>:<this compiled> PreviewStart <project> <work dir> <counter class path file> [port]}
 */
public final class PreviewStart {

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path project = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        List<Path> counterClasspath = Arrays.stream(Files.readString(Path.of(args[2])).strip().split(":")).map(Path::of).toList();
        int port;
        if (args.length > 3) {
            port = Integer.parseInt(args[3]); // the same for every run, so that their sites can be compared byte for byte
        } else {
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
        }
        String origin = "http://localhost:" + port;
        OffsetDateTime now = OffsetDateTime.parse("2026-11-20T12:00+01:00");
        Class<?> configClass = Class.forName("be.socialeinnovatiefabriek.radicale.site.SiteConfig");
        Object config = configClass.getMethod("validated", Path.class, Path.class, Path.class, Path.class, List.class, String.class,
                        ZoneId.class, OffsetDateTime.class, boolean.class, String.class)
                .invoke(null, project, project.resolve("content"), project.resolve("site-template"), work.resolve("site-preview"),
                        List.of("nl", "fr", "en"), "https://radicalevernieuwers.be", ZoneId.of("Europe/Brussels"), now, true, "");
        config = configClass.getMethod("with", Path.class, String.class, OffsetDateTime.class, boolean.class)
                .invoke(config, work.resolve("site-preview"), origin, now, true);
        config = configClass.getMethod("withVoteEndpoint", String.class).invoke(config, "");

        CompletableFuture<Long> mediaDrawn = new CompletableFuture<>();
        boolean[] drawing = new boolean[1];
        Consumer<String> log = line -> {
            if (line.startsWith("Built ") && line.contains(" to draw next")) {
                drawing[0] = true;
            }
            if (line.startsWith("Drew media:")) {
                mediaDrawn.complete(System.currentTimeMillis());
            }
            if (line.startsWith("Drawing media") || line.startsWith("Drew media") || line.startsWith("Built ")) {
                System.err.println("  [" + (System.currentTimeMillis() - jvmStart) + " ms] " + line);
            }
        };
        Consumer<String> error = line -> System.err.println("  [error] " + line);
        Class<?> previewClass = Class.forName("be.socialeinnovatiefabriek.radicale.site.serve.Preview");
        Path votes = work.resolve("votes");
        Object[] preview = new Object[1];
        Object configured = config;
        int bound = port;
        Thread starter = new Thread(() -> {
            try {
                Class<?> counterClass = Class.forName("be.socialeinnovatiefabriek.radicale.site.serve.Preview$Counter");
                Constructor<?> counter = counterClass.getConstructor(Callable.class, Path.class, OffsetDateTime.class);
                Callable<List<Path>> classpath = () -> counterClasspath;
                preview[0] = previewClass.getMethod("start", configClass, String.class, int.class, boolean.class, counterClass,
                        Consumer.class, Consumer.class).invoke(null, configured, "127.0.0.1", bound, true,
                        counter.newInstance(classpath, votes, now), log, error);
            } catch (ClassNotFoundException before) {
                // As RunMojo did before: build and serve, then start the counter.
                try {
                    preview[0] = previewClass.getMethod("start", configClass, String.class, int.class, boolean.class, Consumer.class,
                            Consumer.class).invoke(null, configured, "127.0.0.1", bound, true, log, error);
                    mediaDrawn.complete(System.currentTimeMillis()); // drawn before the first page
                    previewClass.getMethod("startCounter", List.class, Path.class, OffsetDateTime.class)
                            .invoke(preview[0], counterClasspath, votes, now);
                } catch (ReflectiveOperationException e) {
                    e.printStackTrace();
                }
            } catch (ReflectiveOperationException e) {
                e.printStackTrace();
            }
        }, "preview-start");
        starter.start();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long page = waitFor(http, origin + "/nl/", 200);
        long api = waitFor(http, origin + "/api/campaigns/2026", 200);
        starter.join();
        if (!drawing[0]) {
            // Nothing is drawn after the pages: everything came from the cache (or was drawn before the first page).
            mediaDrawn.complete(System.currentTimeMillis());
        }
        long media = mediaDrawn.get(10, TimeUnit.MINUTES);
        System.out.println("first page " + (page - jvmStart) + " ms, /api/ " + (api - jvmStart) + " ms, media " + (media - jvmStart) + " ms");
        previewClass.getMethod("close").invoke(preview[0]);
        System.exit(0);
    }

    /** When {@code url} first answered {@code status}, asking every 20 ms. */
    private static long waitFor(HttpClient http, String url, int status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            try {
                int answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (answer == status) {
                    return System.currentTimeMillis();
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(url + " never answered " + status);
    }
}
