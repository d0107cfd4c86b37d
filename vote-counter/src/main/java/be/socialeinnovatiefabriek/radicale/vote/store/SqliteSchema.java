package be.socialeinnovatiefabriek.radicale.vote.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * The vote file's tables and how connections to it are opened. The keys make dedup exact: a token is
 * pending once and counted once ({@code counted_at}), and a voter counts once per nominee. A voter's count
 * is read from that unique key (the writer is alone, so the read and the insert that follows are exact);
 * a table of counts per voter would cost a third more page writes per vote, measured. The facts of the admin
 * export's anomaly sections ({@code submissions}, {@code confirmation_delays}) are kept in tables of their own,
 * with nothing that joins them to a vote; spent proof-of-work challenges are kept until they expire.
 */
final class SqliteSchema {

    private static final String[] TABLES = { // and their indexes
        """
        CREATE TABLE IF NOT EXISTS pending (
          token_hash TEXT PRIMARY KEY,
          campaign   TEXT NOT NULL,
          nominee    TEXT NOT NULL,
          voter_hash TEXT NOT NULL,
          lang       TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL,
          counted_at INTEGER
        ) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS votes (
          id         INTEGER PRIMARY KEY,
          campaign   TEXT NOT NULL,
          nominee    TEXT NOT NULL,
          voter_hash TEXT NOT NULL,
          counted_at INTEGER NOT NULL,
          UNIQUE (campaign, voter_hash, nominee)
        )""",
        """
        CREATE TABLE IF NOT EXISTS tallies (
          campaign TEXT NOT NULL,
          nominee  TEXT NOT NULL,
          votes    INTEGER NOT NULL CHECK (votes >= 0),
          PRIMARY KEY (campaign, nominee)
        ) WITHOUT ROWID""",
        // Counted votes per minute (its first millisecond) and nominee, for the studio view.
        """
        CREATE TABLE IF NOT EXISTS minute_tallies (
          campaign TEXT NOT NULL,
          minute   INTEGER NOT NULL,
          nominee  TEXT NOT NULL,
          votes    INTEGER NOT NULL CHECK (votes >= 0),
          PRIMARY KEY (campaign, minute, nominee)
        ) WITHOUT ROWID""",
        // A vote file from before minute_tallies existed gets its buckets from its votes, once.
        """
        INSERT INTO minute_tallies (campaign, minute, nominee, votes)
        SELECT campaign, counted_at / 60000 * 60000, nominee, count(*) FROM votes
        WHERE NOT EXISTS (SELECT 1 FROM minute_tallies) GROUP BY 1, 2, 3""",
        """
        CREATE TABLE IF NOT EXISTS submissions (
          id          INTEGER PRIMARY KEY,
          campaign    TEXT NOT NULL,
          hour        INTEGER NOT NULL,
          mail_domain TEXT,
          client_hash TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS submissions_by_campaign ON submissions (campaign)",
        """
        CREATE TABLE IF NOT EXISTS confirmation_delays (
          id       INTEGER PRIMARY KEY,
          campaign TEXT NOT NULL,
          delay_ms INTEGER NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS confirmation_delays_by_campaign ON confirmation_delays (campaign)",
        """
        CREATE TABLE IF NOT EXISTS spent_challenges (
          id         TEXT PRIMARY KEY,
          expires_at INTEGER NOT NULL
        ) WITHOUT ROWID""",
        "CREATE INDEX IF NOT EXISTS spent_challenges_by_expiry ON spent_challenges (expires_at)",
        // The mail queue: a job is queued in the transaction of its pending vote. "mail" (JSON with the address
        // and the link) is kept only while the job waits: a sent job is deleted, a dead letter keeps neither.
        """
        CREATE TABLE IF NOT EXISTS mail_jobs (
          id              INTEGER PRIMARY KEY,
          kind            TEXT NOT NULL,
          lang            TEXT NOT NULL,
          mail            TEXT,
          attempts        INTEGER NOT NULL DEFAULT 0,
          queued_at       INTEGER NOT NULL,
          next_attempt_at INTEGER NOT NULL,
          dead_at         INTEGER,
          reason          TEXT,
          CHECK ((dead_at IS NULL) = (mail IS NOT NULL))
        )""",
        "CREATE INDEX IF NOT EXISTS mail_jobs_due ON mail_jobs (next_attempt_at) WHERE dead_at IS NULL",
    };

    private SqliteSchema() {
    }

    /** A connection in WAL mode that fsyncs every commit (synchronous=FULL). */
    static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        // Else the driver runs "SELECT last_insert_rowid()", freshly prepared, after every INSERT: measured a
        // sixth of the writer's time, for keys nobody reads.
        config.setGetGeneratedKeys(false);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Creates what is missing, on the writer's connection, and sets it to overwrite what it deletes. */
    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute(table);
            }
            // A sent mail's address and link are deleted with its job: zeroed in the file, not left in free space.
            statement.execute("PRAGMA secure_delete = ON");
        }
    }
}
