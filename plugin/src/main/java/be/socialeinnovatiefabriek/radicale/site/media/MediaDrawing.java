package be.socialeinnovatiefabriek.radicale.site.media;

import be.socialeinnovatiefabriek.radicale.site.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The media of a preview drawn after its pages are served: every job on a pool of threads, photos first, each
 * file handed to {@code publish} as soon as it is drawn. A visitor's request for a file not drawn yet draws
 * that one at once ({@link #await}), so the browser receives the real image, a little later, rather than a
 * placeholder it might keep. The console gets a progress line every two seconds and a last line.
 */
public final class MediaDrawing {

    /** Copies a drawn file from the cache to its place in the site. */
    public interface Publisher {
        void publish(String sitePath, Path cached) throws IOException;
    }

    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final List<MediaJob> jobs;
    private final Map<String, MediaJob> byOutput = new HashMap<>();
    private final Publisher publisher;
    private final Consumer<String> log;
    private final Consumer<Problem> problems;
    private final int images;
    private final int posters;
    private final AtomicInteger imagesDone = new AtomicInteger();
    private final AtomicInteger postersDone = new AtomicInteger();
    private final AtomicInteger jobsDone = new AtomicInteger();
    private final AtomicLong lastProgress;
    private final long start = System.nanoTime();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile boolean cancelled;

    /**
     * @param jobs      what is to draw, in the order to draw it
     * @param publisher where each drawn file goes
     * @param log       progress lines
     * @param problems  a photo that cannot be drawn after all (the pages were planned from its header)
     */
    public MediaDrawing(List<MediaJob> jobs, Publisher publisher, Consumer<String> log, Consumer<Problem> problems) {
        this.jobs = List.copyOf(jobs);
        this.publisher = publisher;
        this.log = log;
        this.problems = problems;
        this.images = jobs.stream().mapToInt(MediaJob::images).sum();
        this.posters = jobs.stream().mapToInt(MediaJob::posters).sum();
        for (MediaJob job : jobs) {
            job.outputs().keySet().forEach(path -> byOutput.put(path, job));
        }
        this.lastProgress = new AtomicLong(start);
        if (jobs.isEmpty()) {
            finished.complete(null);
        }
    }

    /** Starts drawing every job on {@code pool}, in order (the build's summary has said how many there are). */
    public void start(Executor pool) {
        for (MediaJob job : jobs) {
            pool.execute(() -> run(job));
        }
    }

    /** The files (paths in the site) not drawn yet: the build leaves them to this drawing. */
    public Set<String> late() {
        Set<String> late = new HashSet<>();
        byOutput.forEach((path, job) -> {
            if (!job.done().isDone()) {
                late.add(path);
            }
        });
        return late;
    }

    /** Whether the file at {@code sitePath} (as in the site, "media/...") is still to be drawn. */
    public boolean pending(String sitePath) {
        MediaJob job = byOutput.get(sitePath);
        return job != null && !job.done().isDone();
    }

    /**
     * Waits until the file at {@code sitePath} is drawn and published, drawing it in this thread if no one has
     * started it yet; at most {@code seconds}. False when it could not be drawn in that time.
     */
    public boolean await(String sitePath, long seconds) {
        MediaJob job = byOutput.get(sitePath);
        if (job == null) {
            return true;
        }
        run(job);
        try {
            job.done().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Completes when every job is drawn (or the drawing was cancelled). */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    /** Stops drawing what is not started: a newer build has its own drawing, and the pool is free for it. */
    public void cancel() {
        cancelled = true;
        for (MediaJob job : jobs) {
            if (job.claim()) {
                job.done().complete(null);
            }
        }
        finished.complete(null);
    }

    /** Whether {@link #cancel} was called: a cancelled drawing publishes nothing more. */
    public boolean cancelled() {
        return cancelled;
    }

    private void run(MediaJob job) {
        if (cancelled || !job.claim()) {
            return;
        }
        try {
            Problem problem = job.draw();
            if (problem != null) {
                problems.accept(problem);
            } else if (!cancelled) {
                for (Map.Entry<String, Path> output : job.outputs().entrySet()) {
                    publisher.publish(output.getKey(), output.getValue());
                }
            }
        } catch (IOException | RuntimeException e) {
            log.accept("Drawing media: could not make " + String.join(", ", job.outputs().keySet()) + ": " + e.getMessage());
        } finally {
            job.done().complete(null);
            imagesDone.addAndGet(job.images());
            postersDone.addAndGet(job.posters());
            reportProgress(jobsDone.incrementAndGet() == jobs.size());
        }
    }

    private void reportProgress(boolean last) {
        if (cancelled) {
            return;
        }
        if (last) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            log.accept("Drew media: " + (images + posters) + " files (" + images + " images, " + posters + " posters) in "
                    + String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0));
            finished.complete(null);
            return;
        }
        long now = System.nanoTime();
        long before = lastProgress.get();
        if (now - before >= PROGRESS_NANOS && lastProgress.compareAndSet(before, now)) {
            log.accept(progress("Drawing media"));
        }
    }

    private String progress(String label) {
        int imagesNow = imagesDone.get();
        int postersNow = postersDone.get();
        return label + ": " + (imagesNow + postersNow) + "/" + (images + posters) + " (images " + imagesNow + "/" + images
                + ", posters " + postersNow + "/" + posters + ")";
    }
}
