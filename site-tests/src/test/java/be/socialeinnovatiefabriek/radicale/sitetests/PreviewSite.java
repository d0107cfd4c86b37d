package be.socialeinnovatiefabriek.radicale.sitetests;

import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import be.socialeinnovatiefabriek.radicale.site.serve.CounterProcess;
import be.socialeinnovatiefabriek.radicale.site.serve.PreviewServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sample site under the preview server of {@code mvn site:run}, on a free port of 127.0.0.1, with
 * the local vote counter as its own process (SQLite votes, mail to the outbox), as of
 * {@link SampleSite#NOW}. Started once per test run and stopped when the JVM exits.
 */
public final class PreviewSite {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The local counter's admin token (VOTE_ADMIN_TOKEN), as staff would paste it into the studio view. */
    static final String ADMIN_TOKEN = "site-tests-admin-token-0123456789";
    private static PreviewSite running;
    private static PreviewSite withoutEmail;

    private final PreviewServer server;
    private final CounterProcess counter;
    private final String origin;

    private PreviewSite(PreviewServer server, CounterProcess counter, String origin) {
        this.server = server;
        this.counter = counter;
        this.origin = origin;
    }

    /** The running preview, started on first use. */
    public static synchronized PreviewSite get() {
        if (running == null) {
            running = started(SampleSite.projectDir().resolve("content"), "preview-site");
        }
        return running;
    }

    /**
     * The sample site with its 2026 edition asking no e-mail address ({@code verification: none}): a copy of
     * the content with that one line changed, under a preview and a counter of its own, started on first use.
     */
    public static synchronized PreviewSite withoutEmail() {
        if (withoutEmail == null) {
            Path content = SampleSite.targetDir().resolve("content-without-email");
            try {
                FileTrees.deleteTree(content);
                FileTrees.copyTree(SampleSite.projectDir().resolve("content"), content);
                // The Dutch file sets the policy; a translation that repeats it must agree.
                for (String lang : SampleSite.LANGUAGES) {
                    Path edition = content.resolve("campaigns/2026/index." + lang + ".md");
                    String text = Files.readString(edition);
                    if (lang.equals(SampleSite.LANGUAGES.get(0)) && !text.contains("\nverification: email\n")) {
                        throw new IllegalStateException(edition + " no longer says 'verification: email'; update this copy");
                    }
                    Files.writeString(edition, text.replace("\nverification: email\n", "\nverification: none\n"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            withoutEmail = started(content, "preview-without-email");
        }
        return withoutEmail;
    }

    private static PreviewSite started(Path content, String name) {
        PreviewSite site;
        try {
            site = start(content, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(site::stop, name + "-stop"));
        return site;
    }

    private static PreviewSite start(Path content, String name) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String origin = "http://127.0.0.1:" + port;
        Path target = SampleSite.targetDir();
        Path output = target.resolve(name);
        PreviewServer server = new PreviewServer(new SiteBuilder(SampleSite.config(content, output, origin, true)),
                line -> { }, line -> System.err.println("[preview] " + line));
        server.start("127.0.0.1", port);
        Path votes = target.resolve(name + "-votes");
        FileTrees.deleteTree(votes);
        List<Path> classpath = counterClasspath();
        CounterProcess counter = CounterProcess.startForPreview(classpath, output.resolve("ballots"), votes, origin, SampleSite.NOW,
                new CounterProcess.Secrets("site-tests-hmac-key-0123456789abcdef", ADMIN_TOKEN), line -> System.err.println(line));
        server.useCounter(counter.port());
        return new PreviewSite(server, counter, origin);
    }

    /** The preview's address, such as {@code http://127.0.0.1:40123}. */
    public String origin() {
        return origin;
    }

    /** The full address of a site path such as {@code /nl/}. */
    public String url(String path) {
        return origin + path;
    }

    /** The HTTP status the preview answers a GET of {@code path} with. */
    public int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The counted votes per nominee of an edition (and "total"), from the counter's admin export as staff download it. */
    public Map<String, Long> tallies(String campaign) {
        HttpRequest export = HttpRequest.newBuilder(URI.create(url("/api/admin/campaigns/" + campaign + "/export.csv")))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build();
        try {
            HttpResponse<String> csv = HTTP.send(export, HttpResponse.BodyHandlers.ofString());
            if (csv.statusCode() != 200) {
                throw new IllegalStateException("the export answered " + csv.statusCode() + ": " + csv.body());
            }
            // "nominee,votes", one line per nominee, "total,n", then a blank line before the audit trail.
            return csv.body().lines().skip(1).takeWhile(line -> !line.isBlank()).map(line -> line.split(","))
                    .collect(Collectors.toMap(cells -> cells[0], cells -> Long.parseLong(cells[1])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        counter.close();
        try {
            server.close();
        } catch (IOException e) {
            // the JVM is exiting
        }
    }

    // The counter as self-hosters run it: its jar and the target/lib/ folder the build copies beside it.
    static List<Path> counterClasspath() throws IOException {
        Path jar = Path.of(System.getProperty("sitetests.counterJar"));
        Path lib = jar.resolveSibling("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("No vote counter at " + jar + " with lib/ beside it; build it first: mvn install");
        }
        try (Stream<Path> libraries = Files.list(lib)) {
            return Stream.concat(Stream.of(jar), libraries.filter(p -> p.toString().endsWith(".jar")).sorted()).toList();
        }
    }
}
