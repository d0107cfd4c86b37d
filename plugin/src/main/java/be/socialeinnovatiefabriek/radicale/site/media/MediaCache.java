package be.socialeinnovatiefabriek.radicale.site.media;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The folder of generated files, named by their cache key. A file appears whole or not at all (written
 * beside its place, then moved), so an interrupted build leaves no half-written image to be reused.
 */
final class MediaCache {

    /** Writes a file's content to the path it is given. */
    interface Content {
        void writeTo(Path file) throws IOException;
    }

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

    /** Writes {@code file} through a temporary file in the same folder and an atomic move. */
    void write(Path file, Content content) throws IOException {
        Files.createDirectories(file.getParent());
        String name = file.getFileName().toString();
        // Not Files.createTempFile: its files are private (0600), and copies of them would be too.
        Path temporary = file.resolveSibling("." + name + "." + UUID.randomUUID() + ".tmp");
        try {
            content.writeTo(temporary);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
