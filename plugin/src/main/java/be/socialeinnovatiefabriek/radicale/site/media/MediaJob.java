package be.socialeinnovatiefabriek.radicale.site.media;

import be.socialeinnovatiefabriek.radicale.site.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One thing to draw for the site (a photo in all its widths, a share card, a poster) and the files of the
 * output it makes, each taken from the media cache. Drawn once: the first thread to {@link #claim} it draws,
 * others {@link #done wait} for it.
 */
public final class MediaJob {

    /** Draws the job's files into the cache. */
    interface Drawer {
        void draw() throws MediaProblem, IOException;
    }

    private final Map<String, Path> outputs;
    private final int images;
    private final int posters;
    private final Drawer drawer;
    private final Function<MediaProblem, Problem> where;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    MediaJob(Map<String, Path> outputs, int images, int posters, Drawer drawer, Function<MediaProblem, Problem> where) {
        this.outputs = Map.copyOf(outputs);
        this.images = images;
        this.posters = posters;
        this.drawer = drawer;
        this.where = where;
    }

    /** The files of the output this job makes (path in the site to file in the cache). */
    public Map<String, Path> outputs() {
        return outputs;
    }

    /** How many images (resized photos, share cards) it draws. */
    public int images() {
        return images;
    }

    /** How many posters it draws. */
    public int posters() {
        return posters;
    }

    /** Whether every file it makes is in the cache already. */
    public boolean inCache() {
        return outputs.values().stream().allMatch(Files::isRegularFile);
    }

    /** True for the one caller that is to draw it; everyone else waits for {@link #done}. */
    public boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    /** Draws it (after a successful {@link #claim}); a mistake in the photo is returned as the problem to show, else null. */
    public Problem draw() throws IOException {
        try {
            drawer.draw();
            return null;
        } catch (MediaProblem problem) {
            return where.apply(problem);
        }
    }

    /** Completes when the job is drawn, failed, or given up. */
    public CompletableFuture<Void> done() {
        return done;
    }
}
