package be.socialeinnovatiefabriek.radicale.site.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printable poster: one A4 page with the nominee's texts and a QR code that opens the vote page. */
class PosterTest {

    private static final String VOTE_URL = "https://www.radicalevernieuwers.be/fr/campaigns/2026/vote/?nominee=papillon";

    @TempDir
    Path dir;

    private Poster poster(Path photo, String tagline) {
        return new Poster(photo, "Papillon Économie", tagline, "Radicale Vernieuwers 2026",
                "Votez pour Papillon Économie", VOTE_URL, "fr");
    }

    @Test
    void isOneA4PageWithTheNameTheCallToVoteAndAQrCodeOfTheVotePage() throws Exception {
        MediaBuilder media = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        Path file = media.poster(poster(TestPhotos.jpeg(dir, "photo.jpg", 1440, 960),
                "Louer des appareils économes au lieu de les acheter"));

        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            assertEquals(1, pdf.getNumberOfPages());
            PDRectangle size = pdf.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), size.getWidth(), 0.01);
            assertEquals(PDRectangle.A4.getHeight(), size.getHeight(), 0.01);
            assertEquals("fr", pdf.getDocumentCatalog().getLanguage());

            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("Radicale Vernieuwers 2026"), text);
            assertTrue(text.contains("Papillon Économie"), text);
            assertTrue(text.contains("Votez pour Papillon Économie"), text);
            assertTrue(text.contains("Louer des appareils économes"), text);
            assertTrue(text.contains(VOTE_URL), "the address is printed under the code: " + text);

            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 300);
            assertEquals(VOTE_URL, decodeQr(page).getText());
        }
        assertEquals(1, media.stats().posters());
    }

    @Test
    void aLongTaglineIsCutWithAnEllipsisAndTheCodeStillScans() throws Exception {
        MediaBuilder media = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        Path file = media.poster(poster(TestPhotos.jpeg(dir, "photo.jpg", 960, 1440),
                "Une très longue phrase qui ne finit jamais ".repeat(30)));
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains(LineWrapper.ELLIPSIS), text);
            assertEquals(VOTE_URL, decodeQr(new PDFRenderer(pdf).renderImageWithDPI(0, 300)).getText());
        }
    }

    @Test
    void isCachedAndTheSameFileOnEveryRun() throws Exception {
        Path photo = TestPhotos.jpeg(dir, "photo.jpg", 1440, 960);
        MediaBuilder media = new MediaBuilder(dir.resolve("one"), TestPhotos.FONTS);
        Path first = media.poster(poster(photo, "Louer"));
        assertEquals(first, media.poster(poster(photo, "Louer")));
        assertEquals(1, media.stats().posters());
        assertEquals(1, media.stats().cached());

        Path elsewhere = new MediaBuilder(dir.resolve("two"), TestPhotos.FONTS).poster(poster(photo, "Louer"));
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(elsewhere));
    }

    @Test
    void anotherLanguageIsAnotherPoster() throws Exception {
        Path photo = TestPhotos.jpeg(dir, "photo.jpg", 1440, 960);
        MediaBuilder media = new MediaBuilder(dir.resolve("cache"), TestPhotos.FONTS);
        Path fr = media.poster(poster(photo, "Louer"));
        Path nl = media.poster(new Poster(photo, "Papillon", "Huren", "Radicale Vernieuwers 2026", "Stem op Papillon",
                "https://www.radicalevernieuwers.be/nl/campaigns/2026/vote/?nominee=papillon", "nl"));
        assertTrue(!fr.equals(nl));
        assertEquals(2, media.stats().posters());
    }

    private static Result decodeQr(BufferedImage page) throws Exception {
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
    }
}
