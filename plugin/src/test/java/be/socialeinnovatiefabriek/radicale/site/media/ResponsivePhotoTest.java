package be.socialeinnovatiefabriek.radicale.site.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Photos resized for srcset: which widths, never enlarged, refused when unusable, cached between builds. */
class ResponsivePhotoTest {

    @TempDir
    Path dir;

    @Test
    void aWidePhotoGetsAllThreeWidthsInJpegAndWebp() throws Exception {
        MediaBuilder media = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        ResponsivePhoto photo = media.photo(TestPhotos.jpeg(dir, "photo.jpg", 1600, 1200));

        assertEquals(1600, photo.width());
        assertEquals(1200, photo.height());
        assertEquals(List.of(480, 960, 1440), widths(photo.variants("jpeg")));
        assertTrue(media.writesWebp(), "WebP should work on this machine: " + media.whyNoWebp().orElse(""));
        assertEquals(List.of(480, 960, 1440), widths(photo.variants("webp")));
        for (ResponsivePhoto.Variant variant : photo.variants()) {
            BufferedImage file = ImageIO.read(variant.file().toFile());
            assertEquals(variant.width(), file.getWidth(), variant.toString());
            assertEquals(variant.height(), file.getHeight(), variant.toString());
            assertEquals(variant.width() * 3 / 4, variant.height());
        }
        byte[] webp = Files.readAllBytes(photo.variants("webp").get(0).file());
        assertEquals("RIFF", new String(webp, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("WEBP", new String(webp, 8, 4, StandardCharsets.US_ASCII));
        assertEquals(1440, photo.largestJpeg().width());
        assertEquals(6, media.stats().images());
    }

    @Test
    void aPhotoIsNeverEnlarged() throws Exception {
        MediaBuilder media = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        ResponsivePhoto photo = media.photo(TestPhotos.jpeg(dir, "photo.jpg", 1000, 750));
        assertEquals(List.of(480, 960), widths(photo.variants("jpeg")));
        assertEquals(960, photo.largestJpeg().width());
        assertEquals(720, photo.largestJpeg().height());
    }

    @Test
    void aPhotoBetweenTwoWidthsAlsoGetsItsOwnWidth() throws Exception {
        MediaBuilder media = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        ResponsivePhoto photo = media.photo(TestPhotos.jpeg(dir, "photo.jpg", 1300, 866));
        assertEquals(List.of(480, 960, 1300), widths(photo.variants("jpeg")));
        assertEquals(866, photo.largestJpeg().height());
    }

    @Test
    void aPhonePhotoIsTurnedUprightAsItsExifSays() throws Exception {
        // Stored 1600 wide and 1000 high, with EXIF orientation 6: shown turned a quarter, 1000 by 1600.
        Path stored = TestPhotos.jpeg(dir, "stored.jpg", 1600, 1000);
        byte[] jpeg = Files.readAllBytes(stored);
        byte[] exif = {(byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0,
            'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0};
        Path phone = dir.resolve("phone.jpg");
        try (var out = Files.newOutputStream(phone)) {
            out.write(jpeg, 0, 2);
            out.write(exif);
            out.write(jpeg, 2, jpeg.length - 2);
        }
        MediaBuilder media = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        ResponsivePhoto planned = media.plannedPhoto(phone);
        ResponsivePhoto photo = media.photo(phone);
        assertEquals(photo, planned, "the pages are planned from the header and EXIF alone, before the photo is drawn");
        assertEquals(1000, photo.width());
        assertEquals(1600, photo.height());
        assertEquals(List.of(480, 960), widths(photo.variants("jpeg")));
        assertEquals(1536, ImageIO.read(photo.largestJpeg().file().toFile()).getHeight());
    }

    @Test
    void aPngWithTransparencyBecomesAJpegOnWhite() throws Exception {
        Path png = dir.resolve("photo.png");
        BufferedImage transparent = new BufferedImage(600, 400, BufferedImage.TYPE_INT_ARGB);
        ImageIO.write(transparent, "png", png.toFile());
        MediaBuilder media = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        ResponsivePhoto planned = media.plannedPhoto(png);
        ResponsivePhoto photo = media.photo(png);
        assertEquals(photo, planned);
        assertEquals(List.of(480, 600), widths(photo.variants("jpeg")));
        BufferedImage jpeg = ImageIO.read(photo.largestJpeg().file().toFile());
        assertEquals(600, jpeg.getWidth());
        assertTrue((jpeg.getRGB(10, 10) & 0xff) > 0xf0, "white, not black");
    }

    @Test
    void aPhotoIsPlannedAsItWillBeDrawnWithoutDrawingIt() throws Exception {
        MediaBuilder media = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        for (int[] size : new int[][] {{1600, 1200}, {1000, 750}, {1300, 866}, {480, 2000}}) {
            Path source = TestPhotos.jpeg(dir, "photo-" + size[0] + ".jpg", size[0], size[1]);
            ResponsivePhoto planned = media.plannedPhoto(source);
            assertTrue(planned.variants().stream().noneMatch(variant -> Files.exists(variant.file())), "nothing drawn yet");
            assertEquals(0, media.stats().images());
            assertEquals(media.photo(source), planned, size[0] + " by " + size[1]);
            assertEquals(planned, media.plannedPhoto(source), "and the same once in the cache");
            media = new MediaBuilder(dir.resolve("cache-" + size[0]), TestPhotos.FONTS);
        }
        Path small = TestPhotos.jpeg(dir, "small.jpg", 300, 200);
        MediaBuilder fresh = media;
        assertEquals("the photo 'small.jpg' is 300 pixels wide, too small for the site",
                assertThrows(MediaProblem.class, () -> fresh.plannedPhoto(small)).problem().what());
        Path text = Files.writeString(dir.resolve("text.jpg"), "Dit is geen foto.\n");
        assertEquals("the photo 'text.jpg' is not an image", assertThrows(MediaProblem.class, () -> fresh.plannedPhoto(text)).problem().what());
    }

    @Test
    void aTooSmallPhotoStopsTheBuildSayingWhatToDo() throws Exception {
        Path small = TestPhotos.jpeg(dir, "photo.jpg", 300, 200);
        MediaBuilder media = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        MediaProblem problem = assertThrows(MediaProblem.class, () -> media.photo(small));
        assertEquals(small, problem.problem().file());
        assertEquals("the photo 'photo.jpg' is 300 pixels wide, too small for the site", problem.problem().what());
        assertTrue(problem.problem().fix().startsWith("use a photo at least 480 pixels wide"), problem.problem().fix());
        assertTrue(problem.getMessage().startsWith(small + ": the photo 'photo.jpg' is 300 pixels wide"), problem.getMessage());
    }

    @Test
    void aTextFileNamedJpgStopsTheBuild() throws Exception {
        Path text = Files.writeString(dir.resolve("photo.jpg"), "Dit is geen foto.\n");
        MediaProblem problem = assertThrows(MediaProblem.class,
                () -> new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS).photo(text));
        assertEquals("the photo 'photo.jpg' is not an image", problem.problem().what());
        assertTrue(problem.problem().fix().contains("JPEG or PNG"), problem.problem().fix());
    }

    @Test
    void aMissingPhotoStopsTheBuild() throws Exception {
        MediaProblem problem = assertThrows(MediaProblem.class,
                () -> new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS).photo(dir.resolve("gone.jpg")));
        assertEquals("the photo 'gone.jpg' does not exist", problem.problem().what());
    }

    @Test
    void anUnchangedPhotoIsTakenFromTheCacheOnRebuild() throws Exception {
        Path source = TestPhotos.jpeg(dir, "photo.jpg", 1600, 1200);
        ResponsivePhoto first = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS).photo(source);

        MediaBuilder rebuild = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        ResponsivePhoto again = rebuild.photo(source);
        assertEquals(first, again);
        assertEquals(0, rebuild.stats().images());
        assertEquals(1, rebuild.stats().cached());

        Files.delete(first.variants().get(1).file());
        rebuild.photo(source);
        assertEquals(first.variants().size(), rebuild.stats().images(), "a lost variant redraws the set");

        TestPhotos.jpeg(dir, "photo.jpg", 1700, 1200);
        ResponsivePhoto replaced = rebuild.photo(source);
        assertEquals(1700, replaced.width());
    }

    private static List<Integer> widths(List<ResponsivePhoto.Variant> variants) {
        return variants.stream().map(ResponsivePhoto.Variant::width).toList();
    }
}
