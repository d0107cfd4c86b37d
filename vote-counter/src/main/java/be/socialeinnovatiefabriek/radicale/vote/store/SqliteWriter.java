package be.socialeinnovatiefabriek.radicale.vote.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The one thread that writes, with group commit: it takes every queued write (up to {@link #MAX_BATCH}),
 * runs them in one transaction, commits (an fsync), and only then tells each caller its result. A caller
 * that has its answer has its write on disk; one fsync serves the whole batch.
 */
final class SqliteWriter implements AutoCloseable {

    static final int MAX_BATCH = 1024;

    /** A write: runs on the writer's statements inside the open transaction. */
    interface Write<T> {
        T apply(SqliteWrites writes) throws SQLException;
    }

    private record Queued<T>(Write<T> write, CompletableFuture<T> result) {
    }

    private static final Queued<Void> STOP = new Queued<>(writes -> null, new CompletableFuture<>());

    private final BlockingQueue<Queued<?>> queue = new LinkedBlockingQueue<>();
    private final Connection connection;
    private final SqliteWrites writes;
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;
    private final Thread thread;
    // Held shared to queue a write, exclusively to queue STOP: nothing is queued behind STOP.
    private final ReadWriteLock queueing = new ReentrantReadWriteLock();
    private boolean stopping;

    SqliteWriter(Connection connection, String name) throws SQLException {
        this.connection = connection;
        this.writes = new SqliteWrites(connection);
        begin = connection.prepareStatement("BEGIN IMMEDIATE");
        commit = connection.prepareStatement("COMMIT");
        rollback = connection.prepareStatement("ROLLBACK");
        thread = new Thread(this::run, name);
        thread.start();
    }

    /** Queues {@code write} and returns its result once the transaction holding it has committed. */
    <T> T submit(Write<T> write) {
        CompletableFuture<T> result = new CompletableFuture<>();
        queueing.readLock().lock();
        try {
            if (stopping) {
                throw new IllegalStateException("the vote store is closed");
            }
            queue.add(new Queued<>(write, result));
        } finally {
            queueing.readLock().unlock();
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SqliteFailure failure) {
                throw new SqliteFailure(failure.getMessage(), failure);
            }
            if (e.getCause() instanceof SQLException cause) {
                throw new SqliteFailure("could not write a vote: " + cause.getMessage(), cause);
            }
            throw e;
        }
    }

    private void run() {
        List<Queued<?>> batch = new ArrayList<>(MAX_BATCH);
        boolean running = true;
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            running = !batch.remove(STOP);
            if (!batch.isEmpty()) {
                commit(batch);
            }
            batch.clear();
        }
    }

    /**
     * One transaction for the whole batch. Writes do not fail on valid input; if one does, the batch is
     * rolled back and every write of it runs again in a transaction of its own, so only that one fails.
     */
    private void commit(List<Queued<?>> batch) {
        Object[] results = new Object[batch.size()];
        try {
            begin.execute();
            for (int i = 0; i < batch.size(); i++) {
                results[i] = batch.get(i).write().apply(writes);
            }
            writes.writeTallies();
            commit.execute();
        } catch (SQLException | RuntimeException e) {
            rollBack();
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(e);
            } else {
                batch.forEach(queued -> commit(List.of(queued)));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results[i]);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Queued<T> queued, Object result) {
        queued.result().complete((T) result);
    }

    private void rollBack() {
        writes.forgetTallies();
        try {
            rollback.execute();
        } catch (SQLException e) {
            // No transaction was open (BEGIN failed): nothing to undo.
        }
    }

    /** Finishes every write queued so far, then stops the thread and closes the connection. */
    @Override
    public void close() {
        queueing.writeLock().lock();
        try {
            if (stopping) {
                return;
            }
            stopping = true;
            queue.add(STOP);
        } finally {
            queueing.writeLock().unlock();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            writes.close();
            connection.close();
        } catch (SQLException e) {
            throw new SqliteFailure("could not close the vote file: " + e.getMessage(), e);
        }
    }
}
