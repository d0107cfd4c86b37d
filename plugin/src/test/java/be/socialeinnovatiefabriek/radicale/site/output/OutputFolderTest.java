package be.socialeinnovatiefabriek.radicale.site.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full build replaces the site whole, on a real file system: what is on disk afterwards is exactly what the build
 * made, whatever the last site's files had become, and a file of the last site is kept only when it holds the very
 * same bytes and belongs to that site alone.
 */
class OutputFolderTest {

    @TempDir
    Path folder;

    @Test
    void aSecondBuildLeavesExactlyItsOwnFilesAndKeepsTheUnchangedOnes() throws IOException {
        Path site = folder.resolve("site");
        OutputFolder output = new OutputFolder(site);
        output.write(files("nl/index.html", "<p>hallo</p>", "nl/about/index.html", "<p>over ons</p>", "nl/old/index.html", "weg"), false);
        Object unchanged = fileKey(site.resolve("nl/about/index.html"));
        Object changed = fileKey(site.resolve("nl/index.html"));

        int written = new OutputFolder(site).write(files("nl/index.html", "<p>hallo, wereld</p>", "nl/about/index.html", "<p>over ons</p>",
                "fr/index.html", "<p>bonjour</p>"), false);

        assertEquals(2, written, "the changed page and the new one; the unchanged page is not written");
        assertEquals(Map.of("nl/index.html", "<p>hallo, wereld</p>", "nl/about/index.html", "<p>over ons</p>", "fr/index.html", "<p>bonjour</p>"),
                onDisk(site));
        assertEquals(unchanged, fileKey(site.resolve("nl/about/index.html")), "the unchanged page is the same file, not a new one");
        assertNotEquals(changed, fileKey(site.resolve("nl/index.html")));
        assertEquals(1, links(site.resolve("nl/about/index.html")), "the last site is gone, and with it the page's other name");
        try (Stream<Path> beside = Files.list(folder)) {
            assertEquals(1, beside.count(), "no staging or previous folder is left beside the site");
        }
    }

    @Test
    void aFileOfTheLastSiteThatWasEditedByHandIsWrittenAnew() throws IOException {
        Path site = folder.resolve("site");
        new OutputFolder(site).write(files("nl/index.html", "<p>hallo</p>"), false);
        Files.writeString(site.resolve("nl/index.html"), "<p>HALLO</p>", UTF_8); // the same length, other bytes

        new OutputFolder(site).write(files("nl/index.html", "<p>hallo</p>"), false);

        assertEquals(Map.of("nl/index.html", "<p>hallo</p>"), onDisk(site));
    }

    @Test
    void aSymbolicLinkInTheLastSiteIsNeverFollowedNorKept() throws IOException {
        Path site = folder.resolve("site");
        new OutputFolder(site).write(files("nl/index.html", "<p>hallo</p>"), false);
        Path elsewhere = Files.writeString(folder.resolve("elsewhere.html"), "<p>hallo</p>");
        Files.delete(site.resolve("nl/index.html"));
        Files.createSymbolicLink(site.resolve("nl/index.html"), elsewhere);

        new OutputFolder(site).write(files("nl/index.html", "<p>hallo</p>"), false);

        assertFalse(Files.isSymbolicLink(site.resolve("nl/index.html")));
        assertEquals(Map.of("nl/index.html", "<p>hallo</p>"), onDisk(site));
        assertEquals("<p>hallo</p>", Files.readString(elsewhere), "the file the link pointed to is untouched");
    }

    @Test
    void aFileTheLastSiteSharedWithAnotherFolderIsNotTakenSoAPreviewWriteCannotReachThatFolder() throws IOException {
        Path site = folder.resolve("site");
        new OutputFolder(site).write(files("nl/index.html", "<p>hallo</p>"), false);
        Path shared = folder.resolve("cache-file");
        Files.createLink(shared, site.resolve("nl/index.html")); // as a media cache file linked into the site

        OutputFolder preview = new OutputFolder(site);
        preview.write(files("nl/index.html", "<p>hallo</p>"), true);
        preview.write(files("nl/index.html", "<p>gewijzigd</p>"), true); // a preview rebuild writes the page in place

        assertEquals(Map.of("nl/index.html", "<p>gewijzigd</p>"), onDisk(site));
        assertEquals("<p>hallo</p>", Files.readString(shared), "the other folder's file kept its bytes");
    }

    private static Map<String, Object> files(String... pathsAndTexts) {
        Map<String, Object> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(UTF_8));
        }
        return files;
    }

    private static Map<String, String> onDisk(Path site) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : (Iterable<Path>) walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))::iterator) {
                files.put(site.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return files;
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    private static int links(Path file) throws IOException {
        return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
    }
}
