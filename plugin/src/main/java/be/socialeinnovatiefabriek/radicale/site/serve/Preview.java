package be.socialeinnovatiefabriek.radicale.site.serve;

import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

/**
 * What site:run runs: the preview server, rebuilding on every save, and beside it the local vote counter
 * with its votes, secrets and outbox. Close it to stop both.
 */
public final class Preview implements AutoCloseable {

    private final PreviewServer server;
    private final SiteConfig config;
    private final Consumer<String> log;
    private CounterProcess counter;

    private Preview(PreviewServer server, SiteConfig config, Consumer<String> log) {
        this.server = server;
        this.config = config;
        this.log = log;
    }

    /** The address pages are previewed on: localhost for this machine's own addresses. */
    public static String origin(String host, int port) {
        String shown = "127.0.0.1".equals(host) || "0.0.0.0".equals(host) ? "localhost" : host;
        return "http://" + shown + ":" + port;
    }

    /**
     * Builds the site of {@code config} and serves it on {@code host}:{@code port}; build summaries go to
     * {@code log}, problems to {@code error}. A port in use is a {@link java.net.BindException}.
     */
    public static Preview start(SiteConfig config, String host, int port, boolean liveReload, Consumer<String> log,
                                Consumer<String> error) throws IOException {
        PreviewServer server = new PreviewServer(new SiteBuilder(config), liveReload, log, error);
        try {
            server.start(host, port);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return new Preview(server, config, log);
    }

    /**
     * Starts the vote counter from {@code classpath}: votes in {@code votesDir}, ballots from the preview,
     * its clock at {@code now} unless that is null; /api/ and /_outbox/ of the preview go to it.
     */
    public void startCounter(List<Path> classpath, Path votesDir, OffsetDateTime now) throws IOException {
        Files.createDirectories(votesDir);
        counter = CounterProcess.startForPreview(classpath, config.outputDir().resolve("ballots"), votesDir, config.baseUrl(), now,
                PreviewSecrets.in(votesDir), log);
        server.useCounter(counter.port());
        log.accept("Local vote counter: votes in " + votesDir.resolve("votes.db") + "; admin export token "
                + PreviewSecrets.adminTokenSource(votesDir));
    }

    /** Whether the vote counter runs. */
    public boolean counting() {
        return counter != null;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // stopping anyway
        }
        if (counter != null) {
            counter.close();
        }
    }
}
