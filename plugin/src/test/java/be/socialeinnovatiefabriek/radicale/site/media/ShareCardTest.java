package be.socialeinnovatiefabriek.radicale.site.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The share image of a nominee: its size, that its texts are drawn, and that it is cached. */
class ShareCardTest {

    @TempDir
    Path dir;

    private ShareCard card(Path photo, String tagline) {
        return new ShareCard(photo, "Émile & Zoë Françoise", tagline, "Radicale Vernieuwers 2026", "Stem op Émile & Zoë");
    }

    @Test
    void isA1200By630PngWithTextOnTheRight() throws Exception {
        MediaBuilder media = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        Path file = media.shareCard(card(TestPhotos.jpeg(dir, "photo.jpg", 1440, 960), "Zuinige toestellen huren"));

        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4));
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1200, image.getWidth());
        assertEquals(630, image.getHeight());
        // Crude but real: the text column (white background) holds dark ink and accent pixels.
        int ink = 0;
        int accent = 0;
        for (int x = ShareCardRenderer.PHOTO_WIDTH + 40; x < 1160; x++) {
            for (int y = 40; y < 600; y++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                if (rgb == 0x1b1b1f) {
                    ink++;
                } else if (rgb == 0xb3124f) {
                    accent++;
                }
            }
        }
        assertTrue(ink > 2000, "ink pixels of the name and tagline: " + ink);
        assertTrue(accent > 5000, "accent pixels of the edition and the vote button: " + accent);
        assertEquals(0xffffff, image.getRGB(1190, 20) & 0xffffff, "the top right corner stays white");
    }

    @Test
    void theSameCardIsNotRedrawnButAnotherTaglineIs() throws Exception {
        Path photo = TestPhotos.jpeg(dir, "photo.jpg", 1440, 960);
        MediaBuilder media = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        Path first = media.shareCard(card(photo, "Zuinige toestellen huren"));
        Files.setLastModifiedTime(first, FileTime.fromMillis(1_000_000_000_000L));

        MediaBuilder rebuild = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        Path again = rebuild.shareCard(card(photo, "Zuinige toestellen huren"));
        assertEquals(first, again);
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(again));
        assertEquals(new MediaStats(0, 0, 1, rebuild.stats().millis()), rebuild.stats());

        Path changed = rebuild.shareCard(card(photo, "Zuinige toestellen huren in plaats van kopen"));
        assertNotEquals(first, changed);
        assertEquals(1, rebuild.stats().images());
    }

    @Test
    void aLongTaglineAndNameStayInsideTheCard() throws Exception {
        MediaBuilder media = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        String longText = "Een heel lange zin ".repeat(40) + "Donaudampfschifffahrtsgesellschaftskapitänswitwenrente";
        Path file = media.shareCard(new ShareCard(TestPhotos.jpeg(dir, "photo.jpg", 1440, 960),
                "Coöperatieve vennootschap voor betaalbare renovatie van oude rijwoningen in Gent en omstreken",
                longText, "Radicale Vernieuwers 2026", "Stem op " + longText));
        BufferedImage image = ImageIO.read(file.toFile());
        for (int y = 0; y < 630 - 10; y++) {
            assertEquals(0xffffff, image.getRGB(1199, y) & 0xffffff, "nothing drawn in the right margin, y=" + y);
        }
    }

    @Test
    void isTheSamePngOnEveryRun() throws Exception {
        Path photo = TestPhotos.jpeg(dir, "photo.jpg", 1440, 960);
        Path one = new MediaBuilder(dir.resolve("one"), TestPhotos.FONTS).shareCard(card(photo, "Huren"));
        Path two = new MediaBuilder(dir.resolve("two"), TestPhotos.FONTS).shareCard(card(photo, "Huren"));
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
    }

    @Test
    void aPhotoThatIsNotAnImageIsAProblemNamingIt() throws Exception {
        Path text = Files.writeString(dir.resolve("photo.jpg"), "not a photo");
        MediaBuilder media = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        MediaProblem problem = assertThrows(MediaProblem.class, () -> media.shareCard(card(text, "Huren")));
        assertEquals(text, problem.problem().file());
        assertTrue(problem.getMessage().contains("not an image"), problem.getMessage());
    }
}
