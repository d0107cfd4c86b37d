package be.socialeinnovatiefabriek.radicale.site.serve;

import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import be.socialeinnovatiefabriek.radicale.site.editor.BrowserEditor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
    private CompletableFuture<Integer> counterStarting;
    private boolean closed;

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
        return start(config, host, port, liveReload, null, log, error);
    }

    /**
     * The local vote counter of a preview: its class path (resolved when it starts), where it keeps its votes,
     * and its clock at {@code now} unless that is null.
     */
    public record Counter(Callable<List<Path>> classpath, Path votesDir, OffsetDateTime now) {
    }

    /**
     * As {@link #start(SiteConfig, String, int, boolean, Consumer, Consumer)}, with the vote counter started beside
     * the first build (unless {@code counter} is null): /api/ waits for it, so voting works from the first page.
     * A counter that cannot start is an {@code error}; the pages are previewed without voting.
     */
    public static Preview start(SiteConfig config, String host, int port, boolean liveReload, Counter counter, Consumer<String> log,
                                Consumer<String> error) throws IOException {
        PreviewServer server = new PreviewServer(new SiteBuilder(config), liveReload, log, error);
        Preview preview = new Preview(server, config, log);
        if (counter != null) {
            CompletableFuture<Integer> listening = new CompletableFuture<>();
            server.useCounter(listening);
            Thread starter = new Thread(() -> {
                try {
                    listening.complete(preview.launchCounter(counter.classpath().call(), counter.votesDir(), counter.now()));
                } catch (Exception e) {
                    error.accept("The local vote counter could not start: " + e.getMessage() + "; the pages are previewed without voting");
                    listening.completeExceptionally(e);
                }
            }, "vote-counter-start");
            starter.setDaemon(true);
            starter.start();
            preview.counterStarting = listening;
        }
        try {
            server.start(host, port);
        } catch (IOException e) {
            preview.close();
            throw e;
        }
        return preview;
    }

    /**
     * Starts the vote counter from {@code classpath}: votes in {@code votesDir}, ballots from the preview,
     * its clock at {@code now} unless that is null; /api/ and /_outbox/ of the preview go to it.
     */
    public void startCounter(List<Path> classpath, Path votesDir, OffsetDateTime now) throws IOException {
        server.useCounter(launchCounter(classpath, votesDir, now));
    }

    private synchronized int launchCounter(List<Path> classpath, Path votesDir, OffsetDateTime now) throws IOException {
        if (closed) {
            throw new IOException("the preview stopped");
        }
        Files.createDirectories(votesDir);
        counter = CounterProcess.startForPreview(classpath, config.outputDir().resolve("ballots"), votesDir, config.baseUrl(), now,
                PreviewSecrets.in(votesDir), log);
        log.accept("Local vote counter: votes in " + votesDir.resolve("votes.db") + "; admin export token "
                + PreviewSecrets.adminTokenSource(votesDir));
        return counter.port();
    }

    /** Whether the vote counter runs, waiting for it while it starts. */
    public boolean counting() {
        if (counterStarting != null) {
            try {
                counterStarting.get();
            } catch (ExecutionException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return counter != null;
    }

    /** Serves the browser editor under /admin/ of the preview. */
    public void useEditor(BrowserEditor editor) {
        server.useEditor(editor);
    }

    @Override
    public void close() {
        CounterProcess running;
        synchronized (this) {
            closed = true;
            running = counter;
        }
        try {
            server.close();
        } catch (IOException e) {
            // stopping anyway
        }
        if (running != null) {
            running.close();
        }
    }
}
