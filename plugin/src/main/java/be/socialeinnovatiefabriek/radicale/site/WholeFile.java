package be.socialeinnovatiefabriek.radicale.site;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * A file written whole or not at all: written beside its place under a hidden name of its own (a leading dot, which
 * the preview's watcher and the content loader skip), then moved over it. A reader sees the old file or the new one,
 * never half of one; an interrupted write leaves no half file under the real name.
 */
public final class WholeFile {

    /** Writes a file's content to the path it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    private WholeFile() {
    }

    /** Writes {@code file} (and the folders above it) with what {@code content} writes. */
    public static void write(Path file, Content content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // Not Files.createTempFile: its files are private (0600), and copies of them would be too.
        Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
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

    /** Writes {@code file} with {@code bytes}. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, temporary -> Files.write(temporary, bytes));
    }
}
