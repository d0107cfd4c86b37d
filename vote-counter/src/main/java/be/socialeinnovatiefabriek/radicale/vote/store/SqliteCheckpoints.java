package be.socialeinnovatiefabriek.radicale.vote.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Copies the write-ahead log back into the vote file on a thread and connection of its own, every
 * {@link #COMMITS} commits of the writer. SQLite's own checkpoint runs inside the commit that passes 1,000 pages of
 * log, on the writer's thread, which then counts no vote while it reads the log and writes and syncs the file. A
 * checkpoint changes nothing that was committed: the log is synced at every commit, and the file before the log
 * is reused. The writer keeps SQLite's own checkpoint, at {@link #WRITER_PAGES} pages, in case this one falls behind.
 */
final class SqliteCheckpoints implements AutoCloseable {

    static final int COMMITS = 16;
    static final int WRITER_PAGES = 10_000;

    private static final System.Logger LOG = System.getLogger(SqliteCheckpoints.class.getName());

    private final Connection connection;
    private final Thread thread;
    private int commits; // guarded by this
    private boolean closed; // guarded by this

    SqliteCheckpoints(Connection connection, String name) {
        this.connection = connection;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The writer has committed: every {@link #COMMITS} commits, a checkpoint. */
    synchronized void committed() {
        if (++commits >= COMMITS) {
            notifyAll();
        }
    }

    private void run() {
        try (Statement checkpoint = connection.createStatement()) {
            while (true) {
                synchronized (this) {
                    while (commits < COMMITS && !closed) {
                        wait();
                    }
                    if (closed) {
                        return;
                    }
                    commits = 0;
                }
                try {
                    // PASSIVE: copies what no reader still needs, and never makes the writer wait. Its one row is
                    // read and closed, so that no statement stays open on this connection between checkpoints.
                    try (ResultSet row = checkpoint.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                        row.next();
                    }
                } catch (SQLException e) {
                    LOG.log(System.Logger.Level.WARNING, "a checkpoint of the vote file failed; the writer's own will "
                            + "run: " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "the vote file's checkpoints stopped; the writer's own will run: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops after the checkpoint under way, and closes the connection (closing the file checkpoints it). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new SqliteFailure("could not close the vote file: " + e.getMessage(), e);
        }
    }
}
