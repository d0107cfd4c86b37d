package be.socialeinnovatiefabriek.radicale.site.media;

import be.socialeinnovatiefabriek.radicale.site.WholeFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The folder of generated files, named by their cache key. A file appears whole or not at all (written
 * beside its place, then moved), so an interrupted build leaves no half-written image to be reused.
 */
final class MediaCache {

    private final Path folder;
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    MediaCache(Path folder) throws IOException {
        this.folder = folder;
        Files.createDirectories(folder);
    }

    /** Where the file {@code name} (e.g. "cards/ab12….png") lives, whether or not it exists yet. */
    Path file(String name) {
        return folder.resolve(name);
    }

    /**
     * The lock of one cache key: two threads asking for the same file wait for each other, so it is drawn
     * once; threads on different keys do not wait.
     */
    Object lock(String key) {
        return locks.computeIfAbsent(key, k -> new Object());
    }

    /** Writes {@code file} whole or not at all ({@link WholeFile}). */
    void write(Path file, WholeFile.Content content) throws IOException {
        WholeFile.write(file, content);
    }
}
