package be.socialeinnovatiefabriek.radicale.vote.local;

import be.socialeinnovatiefabriek.radicale.vote.settings.InvalidSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The local server's command line:
 * {@code --ballots <dir> --db <file> [--host 127.0.0.1] [--port 0] [--now <ISO date-time with offset>]
 * [--outbox] [--outbox-size 500] [--threads 128] [--idle-timeout 10] [--max-connections 1000] [--ignore-stdin]}.
 *
 * @param now         when set, the counter's clock starts at this moment and runs on from it
 * @param outbox      keep mails in memory and show them at /_outbox/ instead of sending them by SMTP
 * @param outboxSize  how many of the newest mails the outbox keeps
 * @param threads     request threads; each waits for its vote's commit, so this bounds the group commit
 * @param idleTimeout how long a connection may send or take nothing, while its request is unfinished or
 *                    between requests; then it is closed (an unfinished body is answered 408 first)
 * @param maxConnections open connections at most; beyond it new ones wait to be accepted
 * @param ignoreStdin keep running when stdin closes (a service manager); by default the server exits then,
 *                    because its parent process (mvn site:run) has gone
 * @param parsedAt    the real moment the options were read: with --now, the clock's offset is fixed from it
 */
record ServerOptions(String host, int port, Path ballots, Path db, OffsetDateTime now, boolean outbox, int outboxSize,
                     int threads, Duration idleTimeout, int maxConnections, boolean ignoreStdin, Instant parsedAt) {

    static final String USAGE = "usage: vote-counter --ballots <dir> --db <file> [--host 127.0.0.1] [--port 0] "
            + "[--now 2026-12-01T10:00+01:00] [--outbox] [--outbox-size 500] [--threads 128] [--idle-timeout 10] "
            + "[--max-connections 1000] [--ignore-stdin]";

    /** The options of {@code args}; a mistake is an {@link InvalidSettings} that names the option and what to write. */
    static ServerOptions parse(String... args) {
        String host = "127.0.0.1";
        int port = 0;
        int threads = 128;
        int outboxSize = 500;
        int idleSeconds = 10;
        int maxConnections = 1000;
        Path ballots = null;
        Path db = null;
        OffsetDateTime now = null;
        boolean outbox = false;
        boolean ignoreStdin = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--outbox" -> outbox = true;
                case "--ignore-stdin" -> ignoreStdin = true;
                case "--host" -> host = value(args, ++i, option);
                case "--port" -> port = number(value(args, ++i, option), option, 0, 65535);
                case "--outbox-size" -> outboxSize = number(value(args, ++i, option), option, 1, 10_000_000);
                case "--threads" -> threads = number(value(args, ++i, option), option, 1, 4096);
                case "--idle-timeout" -> idleSeconds = number(value(args, ++i, option), option, 1, 3600);
                case "--max-connections" -> maxConnections = number(value(args, ++i, option), option, 1, 1_000_000);
                case "--ballots" -> ballots = Path.of(value(args, ++i, option));
                case "--db" -> db = Path.of(value(args, ++i, option));
                case "--now" -> now = time(value(args, ++i, option));
                default -> throw invalid(option, "is not an option", USAGE);
            }
        }
        if (ballots == null || db == null) {
            throw invalid(ballots == null ? "--ballots" : "--db", "is missing: --ballots and --db are required", USAGE);
        }
        if (!Files.isDirectory(ballots)) {
            throw invalid("--ballots", ballots + " is not a directory", "point it at the site build's ballots/ folder");
        }
        if (Files.isDirectory(db)) {
            throw invalid("--db", db + " is a directory", "give the vote file's path, for example votes.db");
        }
        return new ServerOptions(host, port, ballots, db, now, outbox, outboxSize, threads, Duration.ofSeconds(idleSeconds),
                maxConnections, ignoreStdin, Instant.now());
    }

    /** The system clock, or with --now one that starts at that moment and runs on from it. */
    Clock clock() {
        return now == null ? Clock.systemUTC()
                : Clock.offset(Clock.systemUTC(), Duration.between(parsedAt, now.toInstant()));
    }

    private static InvalidSettings invalid(String option, String what, String fix) {
        return new InvalidSettings(new Problem(option, what, fix));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw invalid(option, "needs a value", USAGE);
        }
        return args[index];
    }

    private static int number(String value, String option, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(option, "must be a whole number from " + min + " to " + max + " (got '" + value + "')",
                "write a number in that range");
    }

    private static OffsetDateTime time(String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid("--now", "is not a date and time with offset (got '" + value + "')",
                    "write it like 2026-12-01T10:00+01:00");
        }
    }
}
