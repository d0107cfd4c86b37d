package be.socialeinnovatiefabriek.radicale.site.output;

import be.socialeinnovatiefabriek.radicale.site.WholeFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes the site. A full build goes to a folder beside the output and replaces it only once complete,
 * so a failed build leaves the previous site as it was (a page it did not change keeps the last site's file); a
 * preview rebuild writes only what changed.
 */
public final class OutputFolder {

    private final Path output;
    /** What is on disk from the last build: for each file, its bytes' hash or the copied file's stamp. */
    private Map<String, Object> written = null;
    /** Files of the last build not on disk yet (a preview's media still being drawn), by path in the site. */
    private Map<String, Object> pending = new HashMap<>();

    public OutputFolder(Path output) {
        this.output = output;
    }

    /** Writes {@code files} (path to byte[] content or Path to copy), returning how many files changed on disk. */
    public int write(Map<String, Object> files, boolean incremental) throws IOException {
        return write(files, incremental, Set.of());
    }

    /**
     * As {@link #write(Map, boolean)}, leaving out the files at {@code late} (a preview's media still being drawn):
     * {@link #publish} writes each once it is drawn.
     */
    public synchronized int write(Map<String, Object> files, boolean incremental, Set<String> late) throws IOException {
        pending = new HashMap<>();
        if (!late.isEmpty()) {
            Map<String, Object> now = new HashMap<>(files);
            for (String path : late) {
                Object content = now.remove(path);
                if (content != null) {
                    pending.put(path, content);
                }
            }
            files = now;
        }
        if (!incremental || written == null || !Files.isDirectory(output)) {
            return replaceWhole(files);
        }
        int changed = 0;
        Map<String, Object> now = new HashMap<>();
        for (String drawing : pending.keySet()) {
            // Drawn by an earlier build's media: kept until this one's is published over it.
            Object before = written.get(drawing);
            if (before != null) {
                now.put(drawing, before);
            }
        }
        for (Map.Entry<String, Object> file : files.entrySet()) {
            Object stamp = stamp(file.getValue());
            now.put(file.getKey(), stamp);
            if (!stamp.equals(written.get(file.getKey()))) {
                writeChanged(output.resolve(file.getKey()), file.getValue());
                changed++;
            }
        }
        for (String gone : written.keySet()) {
            if (!now.containsKey(gone)) {
                Files.deleteIfExists(output.resolve(gone));
                changed++;
            }
        }
        written = now;
        return changed;
    }

    /** Writes one file drawn after the build that named it (a preview's media), if that build still names it so. */
    public synchronized void publish(String path, Path content) throws IOException {
        if (!content.equals(pending.get(path)) || written == null) {
            return; // a newer build replaced it
        }
        writeAtomically(output.resolve(path), content);
        written.put(path, stamp(content));
        pending.remove(path);
    }

    private int replaceWhole(Map<String, Object> files) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = parent.resolve("." + output.getFileName() + ".building");
        Path old = parent.resolve("." + output.getFileName() + ".previous");
        deleteTree(staging);
        deleteTree(old);
        Map<String, Object> now = new HashMap<>();
        // Each folder is made once: Files.createDirectories on a folder that exists costs an exception.
        Map<Path, Boolean> folders = new ConcurrentHashMap<>();
        Files.createDirectories(staging);
        folders.put(staging, Boolean.TRUE);
        Path last = Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS) ? output : null;
        AtomicInteger kept = new AtomicInteger();
        files.entrySet().parallelStream().forEach(file -> {
            try {
                Path target = staging.resolve(file.getKey());
                makeFolder(target.getParent(), folders);
                if (file.getValue() instanceof byte[] bytes) {
                    if (last != null && reused(last.resolve(file.getKey()), target, bytes)) {
                        kept.incrementAndGet();
                    } else {
                        writeNew(target, bytes);
                    }
                } else {
                    linkOrCopy((Path) file.getValue(), target);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        files.forEach((path, content) -> now.put(path, stamp(content)));
        if (Files.exists(output)) {
            Files.move(output, old);
        }
        Files.move(staging, output);
        deleteTree(old);
        written = now;
        return files.size() - kept.get();
    }

    /**
     * Gives {@code target} the last site's file {@code last} when that holds exactly {@code bytes}: a second name for
     * the same file, so that a build that changed little makes few new files (linking allocates nothing on the disk,
     * and deleting the last site afterwards frees nothing for that file). Only a regular file with no other name is
     * taken: never a symbolic link, never a file the media cache shares (a preview's rebuild writes a page in place).
     * Where the system cannot tell, nothing is reused.
     */
    private static boolean reused(Path last, Path target, byte[] bytes) {
        try {
            Map<String, Object> attributes = Files.readAttributes(last, "unix:isRegularFile,size,nlink", LinkOption.NOFOLLOW_LINKS);
            if (!Boolean.TRUE.equals(attributes.get("isRegularFile")) || !Long.valueOf(bytes.length).equals(attributes.get("size"))
                    || !Integer.valueOf(1).equals(attributes.get("nlink")) || !Arrays.equals(Files.readAllBytes(last), bytes)) {
                return false;
            }
            Files.createLink(target, last);
            return true;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false; // gone, unreadable, or no such attributes here: the file is written anew
        }
    }

    /**
     * A file of the media cache into the new output: linked, not copied, where the file system allows it (the same
     * bytes, nothing written). Safe, as neither side is ever written in place: the cache and this folder both replace
     * a file by moving a new one over it.
     */
    private static void linkOrCopy(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes {@code folder} and its missing parents under the staging folder, each once; {@code made} holds those that exist. */
    private static void makeFolder(Path folder, Map<Path, Boolean> made) {
        if (made.containsKey(folder)) {
            return;
        }
        makeFolder(folder.getParent(), made);
        // Two threads asking for the same new folder: one makes it, the other waits for it (other folders go on).
        made.computeIfAbsent(folder, f -> {
            try {
                Files.createDirectory(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Boolean.TRUE;
        });
    }

    /** A new file with {@code bytes}, in one write where the system allows it (Files.write goes in 8 KiB pieces). */
    private static void writeNew(Path target, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private static Object stamp(Object content) {
        if (content instanceof byte[] bytes) {
            return java.nio.ByteBuffer.wrap(bytes); // compared by content
        }
        Path file = (Path) content;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class); // one look at the disk, not two
            return file + "@" + attributes.lastModifiedTime().toMillis() + ":" + attributes.size();
        } catch (IOException e) {
            return file + "@missing";
        }
    }

    /**
     * A changed file of a preview rebuild: a page is overwritten where it is, not written beside it and renamed over it,
     * as the file system makes a rename over an existing file (or a truncation to nothing) wait for the data to be
     * allocated on disk, which costs milliseconds a save. A page asked for in the moment it is written may come
     * half old, half new; the reload that follows the write gets it whole. Copied files are still replaced at once.
     */
    private static void writeChanged(Path target, Object content) throws IOException {
        if (!(content instanceof byte[] bytes)) {
            writeAtomically(target, content);
            return;
        }
        if (!Files.isDirectory(target.getParent())) {
            Files.createDirectories(target.getParent());
        }
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.truncate(bytes.length);
        }
    }

    private static void writeAtomically(Path target, Object content) throws IOException {
        WholeFile.write(target, temporary -> {
            if (content instanceof byte[] bytes) {
                Files.write(temporary, bytes);
            } else {
                Files.copy((Path) content, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
        });
    }

    /** Deletes {@code root} and everything in it; a link is deleted, never followed. Nothing there is no error. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
