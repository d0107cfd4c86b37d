package be.socialeinnovatiefabriek.radicale.vote.local;

import be.socialeinnovatiefabriek.radicale.vote.ballot.BallotDirectory;
import be.socialeinnovatiefabriek.radicale.vote.http.CounterApi;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer;
import be.socialeinnovatiefabriek.radicale.vote.mail.OutboxMailer;
import be.socialeinnovatiefabriek.radicale.vote.mail.SmtpMailer;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailSender;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.InvalidSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import be.socialeinnovatiefabriek.radicale.vote.store.SqliteFailure;
import be.socialeinnovatiefabriek.radicale.vote.store.SqliteVoteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The vote counter as a small HTTP server, for {@code mvn site:run} (started as a child process) and for
 * self-hosting: Jetty, a SQLite file that holds the votes and the mail queue, and a sender thread that delivers
 * the queued mails by SMTP or to the local outbox. Prints {@code LISTENING <port>} once it accepts requests, and
 * exits when its stdin closes (its parent is gone).
 *
 * <p>Jetty rather than the JDK's HttpServer, which gives each unfinished request a thread with no time limit:
 * here a connection that sends half a request holds no thread while it waits, and is closed after the idle
 * timeout; request threads only run requests that have fully arrived.
 */
public final class LocalServer implements AutoCloseable {

    /** Request headers larger than this are refused (431). */
    static final int MAX_HEADER_BYTES = 8 * 1024;

    /** How long the outbox page waits for the mails queued before it to be handed over. */
    private static final Duration OUTBOX_WAIT = Duration.ofSeconds(5);

    private final Server server;
    private final ServerConnector connector;
    private final SqliteVoteStore store;
    private final MailSender sender;

    private LocalServer(Server server, ServerConnector connector, SqliteVoteStore store, MailSender sender) {
        this.server = server;
        this.connector = connector;
        this.store = store;
        this.sender = sender;
    }

    /** Opens the vote file and starts listening, with the default mail settings; {@link #port()} says where. */
    static LocalServer start(ServerOptions options, Clock clock, CounterSettings settings, Mailer mailer)
            throws IOException {
        return start(options, clock, settings, MailSettings.DEFAULTS, mailer);
    }

    /** Opens the vote file, starts the mail sender and starts listening; {@link #port()} says where. */
    static LocalServer start(ServerOptions options, Clock clock, CounterSettings settings, MailSettings mailSettings,
                             Mailer mailer) throws IOException {
        Path folder = options.db().toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new InvalidSettings(new Problem("--db", options.db() + ": its folder cannot be made (" + e.getMessage()
                    + ")", "choose a writable place for the vote file"));
        }
        SqliteVoteStore store = new SqliteVoteStore(options.db());
        // Mails queued before a stop (or a crash) are in the file: the sender takes them up at once.
        MailSender sender = new MailSender(store.mailJobs(), mailer, mailSettings, clock).start();
        CounterApi api = new CounterApi(settings, new BallotDirectory(options.ballots()), store, sender, clock);

        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("vote-counter");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setIdleTimeout(-1); // the connector's idle timeout applies, below
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        // Jetty keeps a thread per acceptor and per selector, and a few reserved ones to hand work over without
        // a queue (its own rule of thumb): the request threads come on top of them.
        int reserved = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), options.threads() / 8));
        threads.setReservedThreads(reserved);
        threads.setMaxThreads(options.threads() + reserved + connector.getAcceptors()
                + connector.getSelectorManager().getSelectorCount());
        threads.setMinThreads(Math.min(8, threads.getMaxThreads()));
        // At the limit Jetty stops accepting, and gives the open connections a short idle timeout to free places.
        NetworkConnectionLimit limit = new NetworkConnectionLimit(options.maxConnections(), server);
        limit.setEndPointIdleTimeout(Math.min(1000, options.idleTimeout().toMillis()));
        server.addBean(limit);
        server.setHandler(new CounterHandler(api, mailer instanceof OutboxMailer outbox ? outbox : null,
                () -> sender.awaitIdle(OUTBOX_WAIT), threads));
        // A server whose handler may change is taken as blocking; this one's never changes, so Jetty runs the
        // handler on the thread that read the request (see CounterHandler).
        server.setDynamic(false);
        server.setErrorHandler(CounterHandler::refuse);
        server.setStopTimeout(5_000);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            sender.close();
            store.close();
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getMessage(), e);
        }
        return new LocalServer(server, connector, store, sender);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /**
     * Stops listening, lets running requests finish, stops the sender after its current batch, then writes what
     * is queued and closes the vote file. Mails not yet sent stay queued in the file for the next start.
     */
    @Override
    public void close() {
        stopQuietly(server);
        sender.close();
        store.close();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            System.err.println("vote-counter: stopping the HTTP server: " + e);
        }
    }

    public static void main(String[] args) {
        LocalServer server;
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
            List<Problem> problems = new ArrayList<>();
            CounterSettings settings = null;
            try {
                settings = CounterSettings.fromEnvironment(System.getenv());
            } catch (InvalidSettings e) {
                problems.addAll(e.problems());
            }
            MailSettings mailSettings = MailSettings.fromEnvironment(System.getenv(), problems);
            if (!problems.isEmpty()) {
                throw new InvalidSettings(problems);
            }
            Clock clock = options.clock();
            server = start(options, clock, settings, mailSettings, mailer(options, clock));
        } catch (InvalidSettings | SqliteFailure e) {
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

    private static Mailer mailer(ServerOptions options, Clock clock) {
        if (options.outbox()) {
            return new OutboxMailer(options.outboxSize(), clock);
        }
        try {
            return SmtpMailer.fromEnvironment(System.getenv());
        } catch (InvalidSettings e) {
            List<Problem> problems = new ArrayList<>(e.problems());
            problems.add(new Problem("--outbox", "is not given, so the counter sends its mails over SMTP",
                    "set the SMTP_* variables, or run with --outbox to keep mails in a local outbox"));
            throw new InvalidSettings(problems);
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
