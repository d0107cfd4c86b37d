package be.socialeinnovatiefabriek.radicale.site.serve;

import be.socialeinnovatiefabriek.radicale.site.content.EditorFiles;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Watches folders (and every folder below them) and calls back once per burst of changes: an editor
 * saving a file fires several events within a few milliseconds, and one rebuild covers them all.
 * Files whose name starts with a dot or ends with {@code ~} (editors' swap and backup files) are no change.
 */
final class SourceWatcher implements AutoCloseable {

    private static final long QUIET_MILLIS = 5;

    private final WatchService service;
    private final Thread thread;

    SourceWatcher(List<Path> roots, Runnable onChange) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        for (Path root : roots) {
            registerTree(root);
        }
        this.thread = new Thread(() -> loop(onChange), "site-source-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop(Runnable onChange) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = service.take();
                boolean changed = drain(key);
                WatchKey more;
                while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    changed |= drain(more);
                }
                if (changed) {
                    onChange.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes the key's events and says whether any of them concerns a source file. */
    private boolean drain(WatchKey key) {
        Path dir = (Path) key.watchable();
        boolean changed = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed = true; // events were lost: rebuild to be sure
                continue;
            }
            if (EditorFiles.isLeftover((Path) event.context())) {
                continue;
            }
            changed = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                Path created = dir.resolve((Path) event.context());
                if (Files.isDirectory(created)) {
                    try {
                        registerTree(created);
                    } catch (IOException e) {
                        // a folder removed right after creation: nothing to watch
                    }
                }
            }
        }
        key.reset();
        return changed;
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(root)) {
            dirs = walk.filter(Files::isDirectory).collect(Collectors.toList());
        }
        for (Path dir : dirs) {
            dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        service.close();
    }
}
