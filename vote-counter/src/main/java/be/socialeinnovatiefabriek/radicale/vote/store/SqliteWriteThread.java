package be.socialeinnovatiefabriek.radicale.vote.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The one thread that writes, with group commit: it takes every queued write (up to {@link #MAX_BATCH}),
 * runs them in one transaction, commits (an fsync), and only then tells each caller its result. A caller
 * that has its answer has its write on disk; one fsync serves the whole batch.
 *
 * <p>A caller either waits for its answer ({@link #submit}), or gets it later ({@link #submitLater}) on the answering
 * thread, which takes each batch's answers in one hand-over: no thread waits for the commit, and the writer goes on
 * with the next batch while the answers of the last one go out.
 */
final class SqliteWriteThread implements AutoCloseable {

    static final int MAX_BATCH = 1024;

    private static final System.Logger LOG = System.getLogger(SqliteWriteThread.class.getName());

    /** A write: runs on the writer's statements inside the open transaction. */
    interface Write<T> {
        T apply(SqliteWriteStatements writes) throws SQLException;
    }

    /** A queued write; with {@code later}, its result is given on the answering thread. */
    private record Queued<T>(Write<T> write, CompletableFuture<T> result, boolean later) {
    }

    private static final Queued<Void> STOP = new Queued<>(writes -> null, new CompletableFuture<>(), false);

    private final BlockingQueue<Queued<?>> queue = new LinkedBlockingQueue<>();
    private final Connection connection;
    private final SqliteWriteStatements writes;
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;
    private final Thread thread;
    private final ExecutorService answers;
    // Held shared to queue a write, exclusively to queue STOP: nothing is queued behind STOP.
    private final ReadWriteLock queueing = new ReentrantReadWriteLock();
    private boolean stopping;
    // Set once, when the thread can no longer write: later writes fail at once instead of waiting in the queue.
    private volatile Throwable stopped;

    private final Runnable committed;

    /** @param committed told after each commit (on the writer thread; it must not wait) */
    SqliteWriteThread(Connection connection, String name, Runnable committed) throws SQLException {
        this.connection = connection;
        this.committed = committed;
        this.writes = new SqliteWriteStatements(connection);
        begin = connection.prepareStatement("BEGIN IMMEDIATE");
        commit = connection.prepareStatement("COMMIT");
        rollback = connection.prepareStatement("ROLLBACK");
        answers = Executors.newSingleThreadExecutor(task -> {
            Thread answering = new Thread(task, name + " answers");
            answering.setDaemon(true);
            return answering;
        });
        thread = new Thread(this::run, name);
        thread.start();
    }

    /**
     * Queues {@code write} and returns its result once the transaction holding it has committed. Any failure
     * of the write, whatever it is, comes back as a {@link SqliteFailure}: the caller never waits for ever.
     */
    <T> T submit(Write<T> write) {
        try {
            return queue(write, false).join();
        } catch (CompletionException e) {
            throw failure(e.getCause());
        }
    }

    /**
     * Queues {@code write}; its result, or its failure as a {@link SqliteFailure}, completes the stage once the
     * transaction holding it has committed, on the answering thread.
     */
    <T> CompletionStage<T> submitLater(Write<T> write) {
        return queue(write, true);
    }

    private <T> CompletableFuture<T> queue(Write<T> write, boolean later) {
        CompletableFuture<T> result = new CompletableFuture<>();
        queueing.readLock().lock();
        try {
            if (stopping) {
                throw new IllegalStateException("the vote store is closed");
            }
            if (stopped != null) {
                throw new SqliteFailure("the vote file's writer has stopped (" + stopped + "); restart the counter", stopped);
            }
            queue.add(new Queued<>(write, result, later));
        } finally {
            queueing.readLock().unlock();
        }
        return result;
    }

    private static SqliteFailure failure(Throwable cause) {
        if (cause instanceof SqliteFailure failure) {
            return new SqliteFailure(failure.getMessage(), failure);
        }
        if (cause instanceof SQLException sql) {
            return new SqliteFailure("could not write a vote: " + sql.getMessage(), sql);
        }
        return new SqliteFailure("could not write a vote: " + cause, cause);
    }

    /** Whether the writer still takes writes; if not, the failure that stopped it. */
    void check() {
        Throwable failure = stopped;
        if (failure != null) {
            throw new SqliteFailure("the vote file's writer has stopped (" + failure + "); restart the counter", failure);
        }
        submit(writes -> null); // a round trip through the writer thread, in the next batch; writes nothing
    }

    private void run() {
        List<Queued<?>> batch = new ArrayList<>(MAX_BATCH);
        boolean running = true;
        try {
            while (running) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                running = !batch.remove(STOP);
                if (!batch.isEmpty()) {
                    commit(batch);
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(batch, e);
        } catch (Throwable e) {
            // commit() answers every failure of a write; this is a failure of the writer itself (in ROLLBACK).
            LOG.log(System.Logger.Level.ERROR, "the vote file's writer stopped", e);
            stop(batch, e);
        }
    }

    /** The writer cannot go on: every write it was given or is still queued fails, and so will every later one. */
    private void stop(List<Queued<?>> batch, Throwable cause) {
        queueing.writeLock().lock();
        try {
            stopped = cause;
        } finally {
            queueing.writeLock().unlock();
        }
        queue.drainTo(batch);
        for (Queued<?> queued : batch) {
            fail(queued, cause);
        }
    }

    /**
     * One transaction for the whole batch. Writes do not fail on valid input; if one does, the batch is
     * rolled back and every write of it runs again in a transaction of its own, so only that one fails.
     * Whatever the failure (an SQLException, a bug, an Error), its callers get it and the writer goes on.
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
            committed.run();
        } catch (Throwable e) {
            rollBack();
            if (batch.size() == 1) {
                fail(batch.get(0), e);
            } else {
                batch.forEach(queued -> commit(List.of(queued)));
            }
            return;
        }
        List<Runnable> later = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Queued<?> queued = batch.get(i);
            Object result = results[i];
            if (queued.later()) {
                later.add(() -> complete(queued, result));
            } else {
                complete(queued, result);
            }
        }
        if (!later.isEmpty()) {
            answers.execute(() -> later.forEach(Runnable::run));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Queued<T> queued, Object result) {
        queued.result().complete((T) result);
    }

    private void fail(Queued<?> queued, Throwable cause) {
        if (queued.later()) {
            SqliteFailure failure = failure(cause);
            answers.execute(() -> queued.result().completeExceptionally(failure));
        } else {
            queued.result().completeExceptionally(cause);
        }
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
            answers.shutdown(); // after the answers of the last batch
            answers.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
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
