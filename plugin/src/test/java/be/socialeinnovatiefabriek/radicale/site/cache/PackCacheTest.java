package be.socialeinnovatiefabriek.radicale.site.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pack file on disk: what a run keeps, what it drops, and a damaged or forged file read as no cache at all. */
class PackCacheTest {

    @TempDir
    Path folder;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRunKeepsWhatItUsedOrMadeAndDropsTheRest() throws Exception {
        Path file = folder.resolve("cache/pages.pack");
        PackCache first = PackCache.open(file);
        assertTrue(first.startedEmpty());
        first.put("a", utf8("<p>a</p>"));
        first.put("b", utf8("<p>b</p>"));
        assertNull(first.save());
        assertTrue(Files.isRegularFile(file));

        PackCache second = PackCache.open(file);
        assertFalse(second.startedEmpty());
        assertArrayEquals(utf8("<p>a</p>"), second.get("a"));
        assertNull(second.get("c"));
        second.put("c", utf8("<p>c</p>"));
        assertNull(second.save());

        PackCache third = PackCache.open(file);
        assertArrayEquals(utf8("<p>a</p>"), third.get("a"));
        assertArrayEquals(utf8("<p>c</p>"), third.get("c"));
        assertNull(third.get("b"), "an entry the last run did not ask for is gone");
        try (var left = Files.list(file.getParent())) {
            assertEquals(List.of("pages.pack"), left.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    @Test
    void aPackIsWrittenOnceAndKeepsNothingMadeAfter() throws Exception {
        Path file = folder.resolve("pages.pack");
        PackCache first = PackCache.open(file);
        first.put("a", utf8("<p>a</p>"));
        first.save();
        PackCache preview = PackCache.open(file);
        assertArrayEquals(utf8("<p>a</p>"), preview.get("a"));
        preview.put("b", utf8("<p>b</p>"));
        assertNull(preview.save());
        // The preview's later builds: still answered from the file, and nothing they make is kept.
        assertArrayEquals(utf8("<p>a</p>"), preview.get("a"));
        preview.put("c", utf8("<p>c</p>"));
        assertNull(preview.get("c"));
        assertNull(preview.save());

        PackCache next = PackCache.open(file);
        assertArrayEquals(utf8("<p>b</p>"), next.get("b"));
        assertNull(next.get("c"), "made after the pack was written: not kept");
    }

    @Test
    void aFileThatIsTornFlippedOrNotAPackReadsAsEmpty() throws Exception {
        Path file = folder.resolve("pages.pack");
        PackCache pack = PackCache.open(file);
        pack.put("key", utf8("<p>kept</p>"));
        pack.save();
        byte[] whole = Files.readAllBytes(file);

        for (int cut : new int[] {0, 1, 8, whole.length / 2, whole.length - 1}) {
            Files.write(file, Arrays.copyOf(whole, cut));
            assertTrue(PackCache.open(file).startedEmpty(), "cut at " + cut);
        }
        for (int at = 0; at < whole.length; at++) {
            byte[] flipped = whole.clone();
            flipped[at] ^= 0x01;
            Files.write(file, flipped);
            assertNull(PackCache.open(file).get("key"), "a flipped bit at " + at);
        }
        Files.writeString(file, "<html>not a pack</html>".repeat(10));
        assertTrue(PackCache.open(file).startedEmpty());
        Files.write(file, new byte[0]);
        assertTrue(PackCache.open(file).startedEmpty());
    }

    @Test
    void aForgedFileWithAValidChecksumButImpossibleLengthsReadsAsEmpty() throws Exception {
        Path file = folder.resolve("pages.pack");
        for (int[] counts : new int[][] {{1, Integer.MAX_VALUE}, {1, -1}, {-1, 0}, {2, 3}, {Integer.MAX_VALUE, 3}}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(bytes);
            data.writeInt(0x52565031);
            data.writeInt(counts[0]);
            data.writeUTF("key");
            data.writeInt(counts[1]);
            data.write(utf8("abc"));
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            data.writeLong(crc.getValue());
            Files.write(file, bytes.toByteArray());
            assertTrue(PackCache.open(file).startedEmpty(), "entries " + counts[0] + ", length " + counts[1]);
        }
    }

    @Test
    void aPackThatCannotBeWrittenCostsNothingButTime() throws Exception {
        Path blocked = Files.writeString(folder.resolve("not-a-folder"), "a file where the cache folder would be");
        PackCache pack = PackCache.open(blocked.resolve("pages.pack"));
        pack.put("key", utf8("x"));
        assertTrue(pack.save() != null, "the failure is given back, not thrown");
        assertEquals("a file where the cache folder would be", Files.readString(blocked));
    }
}
