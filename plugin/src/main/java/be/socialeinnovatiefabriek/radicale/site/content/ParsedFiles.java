package be.socialeinnovatiefabriek.radicale.site.content;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The content files parsed so far, kept between builds: a file is read again only when it changed on disk. */
final class ParsedFiles {

    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();
    /** Files read from disk since {@link #forgetChanges} because they were new or changed, and files gone since. */
    private final Set<Path> changed = ConcurrentHashMap.newKeySet();
    /** Files asked for since {@link #forgetChanges}, read or not. */
    private final Set<Path> asked = ConcurrentHashMap.newKeySet();

    /** Starts a new load: what it reads from disk is what {@link #lastChanged} reports next. */
    void forgetChanges() {
        changed.clear();
        asked.clear();
    }

    /**
     * Ends a load: a kept file it did not ask for was deleted (or is no longer read) and counts as
     * changed, so that the pages that showed it are made again.
     */
    void forgetUnasked() {
        for (Path file : cache.keySet()) {
            if (!asked.contains(file)) {
                cache.remove(file);
                changed.add(file);
            }
        }
    }

    /** The files read from disk since the last {@link #forgetChanges} because they were new or had changed, and those gone since. */
    Set<Path> lastChanged() {
        return Set.copyOf(changed);
    }

    /** The parsed file as last read without problems, or null. */
    SourceFile cached(Path file) {
        Cached cached = cache.get(file);
        return cached == null ? null : cached.source();
    }

    /** Every file read without problems, by path. */
    Map<Path, SourceFile> all() {
        Map<Path, SourceFile> files = new HashMap<>();
        cache.forEach((path, cached) -> files.put(path, cached.source()));
        return files;
    }

    /** The parsed file, read again only when its time or size changed; a file with problems is not kept, so they are reported again. */
    SourceFile parse(Path file, Problems problems) throws IOException {
        asked.add(file);
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Cached cached = cache.get(file);
        if (cached != null && cached.modified() == attributes.lastModifiedTime().toMillis() && cached.size() == attributes.size()) {
            return cached.source();
        }
        Problems own = new Problems();
        SourceFile source = SourceFile.parse(file, Files.readAllBytes(file), own);
        changed.add(file);
        if (own.isEmpty()) {
            cache.put(file, new Cached(attributes.lastModifiedTime().toMillis(), attributes.size(), source));
        } else {
            cache.remove(file);
            problems.addAll(own.list());
        }
        return source;
    }

    private record Cached(long modified, long size, SourceFile source) {
    }
}
