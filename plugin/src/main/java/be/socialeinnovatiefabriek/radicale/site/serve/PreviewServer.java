package be.socialeinnovatiefabriek.radicale.site.serve;

import be.socialeinnovatiefabriek.radicale.site.ContentException;
import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.build.BuildReport;
import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import be.socialeinnovatiefabriek.radicale.site.deploy.ContentTypes;
import be.socialeinnovatiefabriek.radicale.site.editor.BrowserEditor;
import be.socialeinnovatiefabriek.radicale.site.media.MediaDrawing;
import be.socialeinnovatiefabriek.radicale.site.plan.ContentSecurityPolicy;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The preview of {@code mvn site:run}: serves the built site, rebuilds when content or templates
 * change, and tells open pages to reload (or to show the content problem) over Server-Sent Events.
 * Without live reload the pages are served as published: no injected script, no event stream.
 */
public final class PreviewServer implements AutoCloseable {

    /** How long a request to /api/ waits for the counter that is starting beside the first build. */
    static final int COUNTER_WAIT_SECONDS = 60;
    /** How long a request for an image waits for it to be drawn. */
    static final int MEDIA_WAIT_SECONDS = 60;
    private static final String PREVIEW = "/_preview/";
    private static final String RELOAD_TAG = "<script src=\"/_preview/livereload.js\" defer></script>";
    private final SiteBuilder builder;
    private final boolean liveReload;
    private final Consumer<String> log;
    private final Consumer<String> error;
    private final Path root;
    /** The pages' own policy, as a header: the same as their meta element says, and no framing. */
    private final String contentSecurityPolicy;
    private final Set<BlockingQueue<String>> listeners = new CopyOnWriteArraySet<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "site-preview-http");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String problem = null;
    private volatile CompletableFuture<CounterProxy> counter = null;
    private volatile BrowserEditor editor = null;
    private HttpServer server;
    private SourceWatcher watcher;

    /** A server for the site {@code builder} makes, with live reload; {@code log} receives build summaries, {@code error} problems. */
    public PreviewServer(SiteBuilder builder, Consumer<String> log, Consumer<String> error) {
        this(builder, true, log, error);
    }

    /** A server for the site {@code builder} makes, telling open pages to reload after a rebuild if {@code liveReload}. */
    public PreviewServer(SiteBuilder builder, boolean liveReload, Consumer<String> log, Consumer<String> error) {
        this.builder = builder;
        this.liveReload = liveReload;
        this.log = log;
        this.error = error;
        this.root = builder.config().outputDir().toAbsolutePath().normalize();
        this.contentSecurityPolicy = ContentSecurityPolicy.forHeader(new Routes(builder.config()).voteOrigin());
        builder.drawMediaInBackground(log, error);
    }

    /** Builds, then serves on {@code host}:{@code port} (0 picks a free port) and starts watching. */
    public void start(String host, int port) throws IOException {
        rebuild();
        server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        watcher = new SourceWatcher(List.of(builder.config().contentDir(), builder.config().templateDir()), this::rebuildQuietly);
    }

    /** Sends /api/ and /_outbox/ to the local vote counter listening on {@code port}. */
    public void useCounter(int port) {
        useCounter(CompletableFuture.completedFuture(port));
    }

    /**
     * Sends /api/ and /_outbox/ to the local vote counter once it listens on the port {@code starting} gives: a
     * request that comes while it starts waits for it (at most {@link #COUNTER_WAIT_SECONDS}), so that voting works
     * from the first page served. A counter that fails to start answers 503 counter_unavailable.
     */
    public void useCounter(CompletableFuture<Integer> starting) {
        this.counter = starting.thenApply(CounterProxy::new);
    }

    /** The drawing of media still under way, or null: the file-serving thread waits for what a page asks. */
    private MediaDrawing drawing() {
        return builder.mediaDrawing();
    }

    /** Serves the browser editor under /admin/. */
    public void useEditor(BrowserEditor browserEditor) {
        this.editor = browserEditor;
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Rebuilds now and tells open pages to reload if a file changed or a problem cleared; content problems are shown, not thrown. */
    public synchronized BuildReport rebuild() throws IOException {
        try {
            BuildReport report = builder.build();
            boolean cleared = problem != null;
            problem = null;
            // A save that changes no page (or an editor touching a file) leaves open pages as they are.
            if (report.filesWritten() > 0 || cleared) {
                broadcast("event: reload\ndata: " + report.millis() + "\n\n");
            }
            log.accept(report.summary()); // after the reload: a console line need not delay the page
            return report;
        } catch (ContentException e) {
            problem = String.join("\n", e.lines());
            error.accept(e.getMessage());
            broadcast(problemEvent());
            return null;
        }
    }

    private synchronized void rebuildQuietly() {
        if (server == null) {
            return; // closed while the change was coming in
        }
        try {
            rebuild();
        } catch (IOException e) {
            problem = "The site could not be written: " + e.getMessage();
            error.accept(problem);
            broadcast(problemEvent());
        }
    }

    private String problemEvent() {
        StringBuilder event = new StringBuilder("event: problem\n");
        problem.lines().forEach(line -> event.append("data: ").append(line).append('\n'));
        return event.append('\n').toString();
    }

    private void broadcast(String event) {
        for (BlockingQueue<String> listener : listeners) {
            listener.offer(event);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            if (editor != null && BrowserEditor.claims(rawPath)) {
                editor.handle(exchange);
                return;
            }
            if (rawPath.startsWith("/api/") || rawPath.startsWith("/_outbox/") || rawPath.equals("/_outbox")) {
                CounterProxy proxy = counter();
                if (proxy != null) {
                    proxy.forward(exchange);
                } else {
                    send(exchange, 503, "application/json; charset=utf-8",
                            "{\"error\":\"counter_unavailable\",\"message\":\"No vote counter runs in this preview.\"}".getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "Only GET and HEAD are served here.".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
            if (path == null) {
                send(exchange, 400, "text/plain; charset=utf-8", "Bad path.".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.startsWith(PREVIEW) && !liveReload) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found.".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals(PREVIEW + "events")) {
                stream(exchange);
            } else if (path.startsWith(PREVIEW)) {
                resource(exchange, path.substring(PREVIEW.length()));
            } else {
                file(exchange, path);
            }
        }
    }

    /** The counter, once started (waiting while it starts); null when none runs or it could not start. */
    private CounterProxy counter() {
        CompletableFuture<CounterProxy> starting = counter;
        if (starting == null) {
            return null;
        }
        try {
            return starting.get(COUNTER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void file(HttpExchange exchange, String path) throws IOException {
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root)) {
            send(exchange, 404, "text/plain; charset=utf-8", "Not found.".getBytes(StandardCharsets.UTF_8));
            return;
        }
        MediaDrawing drawing = drawing();
        String sitePath = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        if (drawing != null && drawing.pending(sitePath)) {
            // Drawn now, for this visitor: the browser gets the real image a moment later, never a placeholder it could keep.
            if (!drawing.await(sitePath, MEDIA_WAIT_SECONDS)) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, 503, "text/plain; charset=utf-8", "Still being drawn; reload in a moment.".getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        if (Files.isDirectory(file)) {
            if (!path.endsWith("/")) {
                exchange.getResponseHeaders().set("Location", path + "/");
                send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
                return;
            }
            file = file.resolve("index.html");
        }
        int status = 200;
        if (!Files.isRegularFile(file)) {
            status = 404;
            String[] parts = path.split("/");
            Path localized = parts.length > 1 ? root.resolve(parts[1]).resolve("404.html").normalize() : null;
            file = localized != null && localized.startsWith(root) && Files.isRegularFile(localized) ? localized : root.resolve("404.html");
        }
        String name = file.getFileName().toString();
        String type = ContentTypes.of(name);
        byte[] body;
        if (Files.isRegularFile(file)) {
            body = Files.readAllBytes(file);
        } else {
            type = ContentTypes.of("index.html");
            body = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>No site yet</title>"
                    + "</head><body><h1>The site has not been built yet</h1><p>Fix the problem shown in the console"
                    + (liveReload ? "; this page reloads by itself." : ", then reload this page.") + "</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (liveReload && type.startsWith("text/html")) {
            body = injectReload(body);
        }
        send(exchange, status, type, body);
    }

    private static byte[] injectReload(byte[] html) {
        String text = new String(html, StandardCharsets.UTF_8);
        int head = text.indexOf("</head>");
        if (head < 0) {
            return html;
        }
        return (text.substring(0, head) + RELOAD_TAG + text.substring(head)).getBytes(StandardCharsets.UTF_8);
    }

    private void resource(HttpExchange exchange, String name) throws IOException {
        if (!name.matches("[a-z]+\\.(js|css)")) {
            send(exchange, 404, "text/plain; charset=utf-8", "Not found.".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (InputStream in = PreviewServer.class.getResourceAsStream("/preview/" + name)) {
            if (in == null) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found.".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, ContentTypes.of(name), in.readAllBytes());
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        listeners.add(queue);
        try {
            out.write(("retry: 500\n\n" + (problem != null ? problemEvent() : "event: ok\ndata: \n\n")).getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (server != null) {
                String event = queue.poll(15, TimeUnit.SECONDS);
                out.write((event == null ? ": keep-alive\n\n" : event).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the page was closed or reloaded
        } finally {
            listeners.remove(queue);
        }
    }

    private void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Content-Security-Policy", contentSecurityPolicy);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** Stops watching and serving; a rebuild under way (after an editor's save) finishes first, so the output is never left half written. */
    @Override
    public synchronized void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
        builder.stopDrawing();
        HttpServer running = server;
        server = null;
        if (running != null) {
            running.stop(0);
        }
        executor.shutdownNow();
    }
}
