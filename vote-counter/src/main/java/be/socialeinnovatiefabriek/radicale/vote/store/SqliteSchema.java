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
 * a table of counts per voter would cost a third more page writes per vote, measured.
 */
final class SqliteSchema {

    private static final String[] TABLES = {
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
