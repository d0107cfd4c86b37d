package be.socialeinnovatiefabriek.radicale.site.media;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays out an A4 portrait poster with PDFBox: the edition's title, the photo, the name, the tagline,
 * and at the bottom the call to vote beside a QR code of the vote page, its address printed under it.
 * Fonts are embedded (subsets of the bundled ones) and the file carries no date, so it is reproducible.
 */
final class PosterRenderer {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float MIN_PHOTO_HEIGHT = 200;
    private static final float MAX_PHOTO_HEIGHT = 380;
    private static final float PHOTO_GAP = 28;
    private static final float TEXT_GAP = 12;
    private static final float RULE_GAP = 24;
    /** Photo pixels per point: about 200 dpi, sharp in print without a heavy file. */
    private static final float PHOTO_RESOLUTION = 200 / 72f;
    private static final float QR_SIZE = 140;
    /** Above the address printed under the code by about four modules: the light margin scanners need. */
    private static final float QR_BOTTOM = MARGIN + 22;
    private static final float TITLE_SIZE = 26;
    private static final float[] NAME_SIZES = {50, 44, 38, 32};
    private static final float NAME_LEADING = 1.12f;
    private static final float TAGLINE_SIZE = 19;
    private static final float TAGLINE_LEADING = 26;
    private static final float CALL_SIZE = 26;
    private static final float URL_SIZE = 8;

    private final BundledFonts fonts;

    PosterRenderer(BundledFonts fonts) {
        this.fonts = fonts;
    }

    /** Writes the poster to {@code file}; {@code id} (the cache key) becomes the PDF's fixed document id. */
    void draw(BufferedImage photo, Poster poster, String id, Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            describe(document, poster, id);
            PDFont bold = fonts.bold(document);
            PDFont regular = fonts.regular(document);
            float width = PAGE.getWidth() - 2 * MARGIN;
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = PAGE.getHeight() - MARGIN;
                y = text(content, bold, TITLE_SIZE, Palette.ACCENT,
                        wrap(bold, TITLE_SIZE, fonts.printable(poster.editionTitle()), width, 1), MARGIN, y, 0) - 18;

                // The texts are measured first; the photo takes the height they leave, within bounds.
                float nameSize = nameSize(bold, fonts.printable(poster.name()), width);
                List<String> name = wrap(bold, nameSize, fonts.printable(poster.name()), width, 2);
                List<String> tagline = wrap(regular, TAGLINE_SIZE, fonts.printable(poster.tagline()), width, 4);
                float rule = QR_BOTTOM + QR_SIZE + 22;
                float free = y - rule - PHOTO_GAP - height(name, nameSize, nameSize * NAME_LEADING) - TEXT_GAP
                        - height(tagline, TAGLINE_SIZE, TAGLINE_LEADING) - RULE_GAP;
                float photoHeight = Math.max(MIN_PHOTO_HEIGHT, Math.min(MAX_PHOTO_HEIGHT, free));

                BufferedImage cropped = SourcePhoto.cover(photo, Math.round(width * PHOTO_RESOLUTION),
                        Math.round(photoHeight * PHOTO_RESOLUTION));
                PDImageXObject image = JPEGFactory.createFromImage(document, cropped, 0.85f);
                content.drawImage(image, MARGIN, y - photoHeight, width, photoHeight);
                y -= photoHeight + PHOTO_GAP;

                y = text(content, bold, nameSize, Palette.INK, name, MARGIN, y, nameSize * NAME_LEADING) - TEXT_GAP;
                int taglineRoom = (int) Math.floor((y - rule - RULE_GAP + TAGLINE_LEADING - 1.25f * TAGLINE_SIZE)
                        / TAGLINE_LEADING);
                text(content, regular, TAGLINE_SIZE, Palette.INK,
                        wrap(regular, TAGLINE_SIZE, fonts.printable(poster.tagline()), width, Math.min(4, taglineRoom)),
                        MARGIN, y, TAGLINE_LEADING);

                fill(content, Palette.ACCENT);
                content.addRect(MARGIN, rule, width, 1.5f);
                content.fill();
                bottom(content, bold, regular, poster, width);
            }
            document.save(file.toFile());
        }
    }

    private void describe(PDDocument document, Poster poster, String id) {
        document.getDocumentInformation().setTitle(fonts.printable(poster.name() + " \u2013 " + poster.editionTitle()));
        if (!poster.lang().isEmpty()) {
            document.getDocumentCatalog().setLanguage(poster.lang());
        }
        // PDFBox derives the document id from the clock unless one is given: give it the cache key.
        byte[] bytes = HexFormat.of().parseHex(id.substring(0, 32));
        COSArray ids = new COSArray();
        ids.add(new COSString(bytes));
        ids.add(new COSString(bytes));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /** The largest size at which the name fits on two lines, else the smallest (and it is cut). */
    private static float nameSize(PDFont bold, String name, float width) {
        for (float size : NAME_SIZES) {
            List<String> lines = wrap(bold, size, name, width, 2);
            if (lines.isEmpty() || !lines.get(lines.size() - 1).endsWith(LineWrapper.ELLIPSIS)) {
                return size;
            }
        }
        return NAME_SIZES[NAME_SIZES.length - 1];
    }

    /** How much height {@link #text} takes for {@code lines}. */
    private static float height(List<String> lines, float size, float leading) {
        return lines.isEmpty() ? 0 : size * 0.95f + (lines.size() - 1) * leading + size * 0.3f;
    }

    /** The call to vote on the left, the QR code on the right with the address under it. */
    private void bottom(PDPageContentStream content, PDFont bold, PDFont regular, Poster poster, float width)
            throws IOException {
        float qrX = PAGE.getWidth() - MARGIN - QR_SIZE;
        float qrY = QR_BOTTOM;
        qrCode(content, poster.voteUrl(), qrX, qrY, QR_SIZE);

        String shownUrl = fonts.printable(poster.voteUrl());
        float urlSize = URL_SIZE;
        while (urlSize > 5.5f && textWidth(regular, urlSize, shownUrl) > width) {
            urlSize -= 0.5f;
        }
        List<String> url = wrap(regular, urlSize, shownUrl, width, 1);
        float urlWidth = textWidth(regular, urlSize, url.get(0));
        showLine(content, regular, urlSize, Palette.INK, url.get(0), PAGE.getWidth() - MARGIN - urlWidth, MARGIN);

        String call = fonts.printable(poster.callToVote());
        float callWidth = qrX - MARGIN - 24;
        List<String> lines = wrap(bold, CALL_SIZE, call, callWidth, 3);
        float leading = CALL_SIZE * 1.2f;
        float blockHeight = (lines.size() - 1) * leading + CALL_SIZE * 0.72f;
        float firstBaseline = qrY + QR_SIZE / 2 + blockHeight / 2;
        for (String line : lines) {
            showLine(content, bold, CALL_SIZE, Palette.ACCENT, line, MARGIN, firstBaseline);
            firstBaseline -= leading;
        }
    }

    /** Draws the QR code's dark modules as filled rectangles: sharp at any print size. */
    private static void qrCode(PDPageContentStream content, String url, float x, float y, float size)
            throws IOException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 0);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(url)) {
            hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        }
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("the vote address is too long for a QR code: " + url, e);
        }
        int modules = matrix.getWidth();
        float module = size / modules;
        fill(content, Palette.INK);
        for (int row = 0; row < modules; row++) {
            int column = 0;
            while (column < modules) {
                if (!matrix.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < modules && matrix.get(column, row)) {
                    column++;
                }
                content.addRect(x + start * module, y + size - (row + 1) * module, (column - start) * module, module);
            }
        }
        content.fill();
    }

    /** Draws {@code lines} from {@code top} down; returns the y below them (see {@link #height}). */
    private static float text(PDPageContentStream content, PDFont font, float size, Color color, List<String> lines,
                              float x, float top, float leading) throws IOException {
        float baseline = top - size * 0.95f;
        for (String line : lines) {
            showLine(content, font, size, color, line, x, baseline);
            baseline -= leading;
        }
        return top - height(lines, size, leading);
    }

    private static void showLine(PDPageContentStream content, PDFont font, float size, Color color, String line,
                                 float x, float baseline) throws IOException {
        fill(content, color);
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(line);
        content.endText();
    }

    private static void fill(PDPageContentStream content, Color color) throws IOException {
        content.setNonStrokingColor(color.getRed() / 255f, color.getGreen() / 255f, color.getBlue() / 255f);
    }

    private static List<String> wrap(PDFont font, float size, String text, float width, int maxLines) {
        return new LineWrapper(s -> textWidth(font, size, s)).wrap(text, width, maxLines);
    }

    private static float textWidth(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
