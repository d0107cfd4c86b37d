package be.socialeinnovatiefabriek.radicale.site.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder as the site build uses it: in parallel, with its cache folder and its bundled fonts. */
class MediaBuilderTest {

    @TempDir
    Path dir;

    @Test
    void parallelCallsForTheSameCardDrawItOnce() throws Exception {
        Path photo = TestPhotos.jpeg(dir, "photo.jpg", 1440, 960);
        MediaBuilder media = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        Set<Path> files = IntStream.range(0, 12).parallel().mapToObj(i -> {
            try {
                return media.shareCard(new ShareCard(photo, "Papillon", "Huren", "Radicale Vernieuwers 2026",
                        "Stem op Papillon"));
            } catch (MediaProblem | IOException e) {
                throw new AssertionError(e);
            }
        }).collect(Collectors.toSet());
        assertEquals(1, files.size());
        assertEquals(1 + 6, media.stats().images(), "the card, and the photo's variants it is drawn from");
        assertEquals(11, media.stats().cached());
    }

    @Test
    void parallelCallsForDifferentFilesLeaveNoTemporaryFiles() throws Exception {
        List<Path> photos = IntStream.range(0, 4)
                .mapToObj(i -> TestPhotos.jpeg(dir, "photo" + i + ".jpg", 1000 + i * 50, 800)).toList();
        MediaBuilder media = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        photos.parallelStream().forEach(photo -> {
            try {
                media.photo(photo);
                for (String lang : List.of("nl", "fr", "en")) {
                    media.shareCard(new ShareCard(photo, "Naam", "Tagline " + lang, "Editie", "Stem " + lang));
                }
            } catch (MediaProblem | IOException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(4 * 2 * 2 + 4 * 3, media.stats().images());
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void cachedFilesAreReadableByTheWebServer() throws Exception {
        Path photo = TestPhotos.jpeg(dir, "photo.jpg", 1440, 960);
        Path card = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS)
                .shareCard(new ShareCard(photo, "Papillon", "Huren", "Editie", "Stem"));
        if (Files.getFileStore(card).supportsFileAttributeView("posix")) {
            assertTrue(Files.getPosixFilePermissions(card).contains(PosixFilePermission.OTHERS_READ),
                    "not a private temporary file: " + Files.getPosixFilePermissions(card));
        }
    }

    @Test
    void aMissingFontFolderSaysWhichFileIsMissing() {
        MediaProblem error = assertThrows(MediaProblem.class,
                () -> new MediaBuilder(dir.resolve("cache"), dir.resolve("no-fonts")));
        assertEquals(dir.resolve("no-fonts/OpenSans-Regular.ttf"), error.problem().file());
        assertTrue(error.getMessage().contains("OpenSans-Regular.ttf"), error.getMessage());
    }

    @Test
    void longTextWrapsInsideItsBoxAndEndsInAnEllipsis() {
        LineWrapper wrapper = new LineWrapper(String::length);
        assertEquals(List.of("een twee", "drie vier"), wrapper.wrap("een twee drie vier", 9, 3));
        assertEquals(List.of("een twee", "drie…"), wrapper.wrap("een twee drie vier vijf", 9, 2));
        assertEquals(List.of("een twee", "drie vier…"), wrapper.wrap("een twee drie vier vijf", 10, 2),
                "a whole word is kept when the ellipsis fits after it");
        assertEquals(List.of("abcdefghi", "jkl"), wrapper.wrap("abcdefghijkl", 9, 2), "a too long word is cut");
        assertEquals(List.of(), wrapper.wrap("", 9, 2));
    }

    @Test
    void textLosesWhatTheFontCannotDrawButKeepsAccents() throws Exception {
        BundledFonts fonts = BundledFonts.load(TestPhotos.FONTS);
        assertEquals("Zoë & François café", fonts.printable("  Zoë &\n François \uD83D\uDE00 cafe\u0301 "));
    }

    @Test
    void aNarrowNoBreakSpaceTheFontLacksIsDrawnAsANoBreakSpace() throws Exception {
        BundledFonts fonts = BundledFonts.load(TestPhotos.FONTS);
        assertEquals("Votez pour Zoë\u00A0!", fonts.printable("Votez pour Zoë\u202F!"), "French typography keeps its unbreakable space");
        assertEquals(List.of("Votez pour", "Zoë\u00A0!"), new LineWrapper(String::length).wrap("Votez pour Zoë\u00A0!", 12, 2),
                "the line never breaks before the exclamation mark");
    }
}
