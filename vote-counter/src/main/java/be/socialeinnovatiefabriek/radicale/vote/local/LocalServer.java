package be.socialeinnovatiefabriek.radicale.vote.local;

import be.socialeinnovatiefabriek.radicale.vote.core.BallotDirectory;
import be.socialeinnovatiefabriek.radicale.vote.core.CounterApi;
import be.socialeinnovatiefabriek.radicale.vote.core.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.core.InvalidSettings;
import be.socialeinnovatiefabriek.radicale.vote.core.Mailer;
import be.socialeinnovatiefabriek.radicale.vote.mail.OutboxMailer;
import be.socialeinnovatiefabriek.radicale.vote.mail.SmtpMailer;
import be.socialeinnovatiefabriek.radicale.vote.store.SqliteFailure;
import be.socialeinnovatiefabriek.radicale.vote.store.SqliteVoteStore;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The vote counter as a small HTTP server, for {@code mvn site:run} (started as a child process) and for
 * self-hosting: the JDK's HttpServer, a SQLite file, SMTP or the local outbox. Prints {@code LISTENING <port>}
 * once it accepts requests, and exits when its stdin closes (its parent is gone).
 */
public final class LocalServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final SqliteVoteStore store;

    private LocalServer(HttpServer server, ExecutorService threads, SqliteVoteStore store) {
        this.server = server;
        this.threads = threads;
        this.store = store;
    }

    /** Opens the vote file and starts listening; {@link #port()} says where. */
    static LocalServer start(ServerOptions options, Clock clock, CounterSettings settings, Mailer mailer)
            throws IOException, ServerOptions.Invalid {
        // Without it the JDK server delays each small response by the Nagle/delayed-ACK dance (~40 ms a POST).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path folder = options.db().toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ServerOptions.Invalid("--db " + options.db() + ": its folder cannot be made (" + e.getMessage()
                    + "); choose a writable place for the vote file");
        }
        SqliteVoteStore store = new SqliteVoteStore(options.db());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 1024);
        } catch (IOException e) {
            store.close();
            throw e;
        }
        CounterApi api = new CounterApi(settings, new BallotDirectory(options.ballots()), store, mailer, clock);
        server.createContext("/", new CounterHandler(api, mailer instanceof OutboxMailer outbox ? outbox : null));
        ExecutorService threads = Executors.newFixedThreadPool(options.threads());
        server.setExecutor(threads);
        server.start();
        return new LocalServer(server, threads, store);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening, lets running requests finish, then writes what is queued and closes the vote file. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdown();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }

    public static void main(String[] args) {
        LocalServer server;
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
            CounterSettings settings = CounterSettings.fromEnvironment(System.getenv());
            Clock clock = options.clock();
            server = start(options, clock, settings, mailer(options, clock));
        } catch (ServerOptions.Invalid | InvalidSettings | SqliteFailure e) {
            exit(e.getMessage());
            return;
        } catch (IOException | java.nio.channels.UnresolvedAddressException e) {
            exit("cannot listen (" + e + "); choose another --host or --port");
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "vote-counter shutdown"));
        System.out.println("LISTENING " + server.port());
        System.out.flush();
        if (!options.ignoreStdin()) {
            Thread watcher = new Thread(LocalServer::exitWhenStdinCloses, "vote-counter stdin watch");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    private static Mailer mailer(ServerOptions options, Clock clock) throws ServerOptions.Invalid {
        if (options.outbox()) {
            return new OutboxMailer(options.outboxSize(), clock);
        }
        try {
            return SmtpMailer.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            throw new ServerOptions.Invalid(e.getMessage() + " (or run with --outbox to keep mails in a local outbox)");
        }
    }

    private static void exitWhenStdinCloses() {
        try {
            while (System.in.read() != -1) {
                // The parent writes nothing; any input is ignored.
            }
        } catch (IOException e) {
            // A broken stdin means the parent is gone as well.
        }
        System.exit(0);
    }

    private static void exit(String message) {
        System.err.println("vote-counter: " + message);
        System.exit(2);
    }
}
