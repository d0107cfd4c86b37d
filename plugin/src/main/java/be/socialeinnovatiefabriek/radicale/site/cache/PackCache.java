package be.socialeinnovatiefabriek.radicale.site.cache;

import be.socialeinnovatiefabriek.radicale.site.WholeFile;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Entries a build made, by key, in one file that the next build reads whole: one file and not one per entry, as making
 * thousands of small files costs a large site more than what they save. A key names everything its entry depends on,
 * so an entry is never stale, only unused. {@link #save} keeps the entries this run asked for or made, and drops the
 * others; it writes once, after a run's first build, which asks for every entry. From then on the pack still answers
 * from what it read but keeps nothing new, so that a preview does not hold every page its saves render. The file is written beside its place and moved, and ends in a checksum: a file that is torn, tampered with
 * or from another version reads as empty, and the build then renders everything, as without a cache.
 */
public final class PackCache {

    private static final int MAGIC = 0x52565031; // "RVP1"

    private final Path file;
    private final Map<String, byte[]> stored;
    private final Map<String, byte[]> used = new ConcurrentHashMap<>();
    private volatile boolean added;
    /** Saved (or never to be): nothing more is kept. */
    private volatile boolean written;

    private PackCache(Path file, Map<String, byte[]> stored) {
        this.file = file;
        this.stored = stored;
        this.written = file == null;
    }

    /** The entries in {@code file}; none when it is missing or cannot be read as a whole pack. */
    public static PackCache open(Path file) {
        return new PackCache(file, read(file));
    }

    /** A pack that starts empty and is never written: for a run that keeps nothing for the next. */
    public static PackCache empty() {
        return new PackCache(null, new HashMap<>());
    }

    /** Whether the pack held no entry when it was opened (a first build, or one after a clean). */
    public boolean startedEmpty() {
        return stored.isEmpty();
    }

    /** The entry under {@code key}, or null; one asked for before {@link #save} is kept by it. */
    public byte[] get(String key) {
        byte[] value = stored.get(key);
        if (value != null && !written) {
            used.put(key, value);
        }
        return value;
    }

    /** Adds an entry made by this run, to be written by {@link #save}; after it, nothing is kept. */
    public void put(String key, byte[] value) {
        if (!written) {
            used.put(key, value);
            added = true;
        }
    }

    /**
     * Writes the entries asked for or added since opening, when they differ from what the file holds. A pack that
     * cannot be written costs the next build time, never its output: the failure is returned, not thrown.
     */
    public IOException save() {
        if (written) {
            return null;
        }
        written = true;
        if (!added && used.size() == stored.size()) {
            used.clear();
            return null; // every stored entry was used, and none added: the file already says this
        }
        try {
            WholeFile.write(file, temporary -> {
                CRC32 crc = new CRC32();
                try (OutputStream out = Files.newOutputStream(temporary);
                     CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(out, 1 << 16), crc);
                     DataOutputStream data = new DataOutputStream(checked)) {
                    data.writeInt(MAGIC);
                    data.writeInt(used.size());
                    for (Map.Entry<String, byte[]> entry : used.entrySet()) {
                        data.writeUTF(entry.getKey());
                        data.writeInt(entry.getValue().length);
                        data.write(entry.getValue());
                    }
                    data.flush();
                    long sum = crc.getValue();
                    data.writeLong(sum);
                }
            });
            return null;
        } catch (IOException e) {
            return e;
        } finally {
            used.clear();
        }
    }

    /**
     * A hash of the code that makes a cache's entries, for its keys: of each class file named (its bytes, and where it
     * was loaded from, whose jar name carries a library's version). Read as resources: no class is loaded for it.
     */
    public static byte[] codeFingerprint(String... classFiles) {
        CacheKey key = new CacheKey("code");
        ClassLoader loader = PackCache.class.getClassLoader();
        for (String classFile : classFiles) {
            key.add(String.valueOf(loader.getResource(classFile)));
            try (InputStream in = loader.getResourceAsStream(classFile)) {
                key.add(in == null ? new byte[0] : in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return key.bytes();
    }

    private static Map<String, byte[]> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new HashMap<>(); // none yet (or unreadable): everything is rendered, and the pack written anew
        }
        if (bytes.length < 16) {
            return new HashMap<>();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes))) {
            data.skipNBytes(bytes.length - 8);
            if (data.readLong() != crc.getValue()) {
                return new HashMap<>();
            }
        } catch (IOException e) {
            return new HashMap<>();
        }
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 8))) {
            if (data.readInt() != MAGIC) {
                return new HashMap<>();
            }
            int count = data.readInt();
            if (count < 0) {
                return new HashMap<>();
            }
            Map<String, byte[]> entries = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String key = data.readUTF();
                int length = data.readInt();
                if (length < 0 || length > data.available()) {
                    return new HashMap<>();
                }
                entries.put(key, data.readNBytes(length));
            }
            return data.available() == 0 ? entries : new HashMap<>();
        } catch (IOException e) {
            return new HashMap<>();
        }
    }
}
