package be.socialeinnovatiefabriek.radicale.site.media;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

/**
 * Draws a share image with Java2D: the photo on the left, on the right the edition, the name, the
 * tagline and the call to vote on an accent button. Text is antialiased with fractional metrics and
 * the bundled fonts only, so the same inputs give the same pixels.
 */
final class ShareCardRenderer {

    static final int WIDTH = 1200;
    static final int HEIGHT = 630;
    static final int PHOTO_WIDTH = 504;
    static final int MARGIN = 56;

    private static final float[] NAME_SIZES = {64, 58, 52, 46};
    private static final float EDITION_SIZE = 26;
    private static final float TAGLINE_SIZE = 30;
    private static final float TAGLINE_LEADING = 40;
    private static final float BUTTON_TEXT_SIZE = 30;
    private static final int BUTTON_HEIGHT = 66;
    private static final int BUTTON_PADDING = 30;
    private static final int STRIPE = 10;

    /** Antialiased, fractional metrics: the context the text is both measured and drawn in. */
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

    private final BundledFonts fonts;

    ShareCardRenderer(BundledFonts fonts) {
        this.fonts = fonts;
    }

    BufferedImage draw(BufferedImage photo, ShareCard card) throws IOException {
        BufferedImage canvas = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            setQuality(g);
            g.setColor(Palette.PAPER);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.drawImage(SourcePhoto.cover(photo, PHOTO_WIDTH, HEIGHT), 0, 0, null);
            g.setColor(Palette.ACCENT);
            g.fillRect(PHOTO_WIDTH, HEIGHT - STRIPE, WIDTH - PHOTO_WIDTH, STRIPE);
            drawText(g, card);
        } finally {
            g.dispose();
        }
        return canvas;
    }

    private void drawText(Graphics2D g, ShareCard card) {
        float x = PHOTO_WIDTH + MARGIN;
        float width = WIDTH - x - MARGIN;
        float y = MARGIN;
        // Measured and drawn widths can differ by a fraction (glyph overhang, rounding): the text never
        // leaves its box, whatever the font does.
        g.setClip(new java.awt.geom.Rectangle2D.Float(x - 4, 0, width + 8, HEIGHT));

        Font edition = fonts.bold(EDITION_SIZE);
        y = drawLines(g, edition, Palette.ACCENT, wrap(edition, fonts.printable(card.editionTitle()), width, 1),
                x, y, EDITION_SIZE * 1.3f) + 22;

        String name = fonts.printable(card.name());
        Font nameFont = fonts.bold(NAME_SIZES[0]);
        List<String> nameLines = wrap(nameFont, name, width, 2);
        for (float size : NAME_SIZES) {
            // The largest size at which the whole name fits on two lines, else the smallest, cut.
            nameFont = fonts.bold(size);
            nameLines = wrap(nameFont, name, width, 2);
            if (!endsCut(nameLines)) {
                break;
            }
        }
        y = drawLines(g, nameFont, Palette.INK, nameLines, x, y, nameFont.getSize2D() * 1.12f) + 18;

        float buttonTop = HEIGHT - MARGIN - BUTTON_HEIGHT;
        Font tagline = fonts.regular(TAGLINE_SIZE);
        int taglineRoom = (int) Math.min(4, Math.floor((buttonTop - 26 - y) / TAGLINE_LEADING));
        drawLines(g, tagline, Palette.INK, wrap(tagline, fonts.printable(card.tagline()), width, taglineRoom),
                x, y, TAGLINE_LEADING);

        drawButton(g, fonts.printable(card.callToVote()), x, buttonTop, width);
    }

    private void drawButton(Graphics2D g, String text, float x, float top, float maxWidth) {
        if (text.isEmpty()) {
            return;
        }
        Font font = fonts.bold(BUTTON_TEXT_SIZE);
        List<String> line = wrap(font, text, maxWidth - 2 * BUTTON_PADDING, 1);
        float textWidth = width(font, line.get(0));
        g.setColor(Palette.ACCENT);
        g.fill(new RoundRectangle2D.Float(x, top, textWidth + 2 * BUTTON_PADDING, BUTTON_HEIGHT,
                BUTTON_HEIGHT, BUTTON_HEIGHT));
        LineMetrics metrics = font.getLineMetrics(line.get(0), CONTEXT);
        float baseline = top + (BUTTON_HEIGHT - metrics.getAscent() - metrics.getDescent()) / 2 + metrics.getAscent();
        g.setColor(Palette.PAPER);
        g.setFont(font);
        g.drawString(line.get(0), x + BUTTON_PADDING, baseline);
    }

    /** Draws {@code lines} from {@code top} down, returning the y below the last one. */
    private static float drawLines(Graphics2D g, Font font, Color color, List<String> lines, float x, float top,
                                   float leading) {
        if (lines.isEmpty()) {
            return top;
        }
        LineMetrics metrics = font.getLineMetrics("Hg", CONTEXT);
        g.setFont(font);
        g.setColor(color);
        float baseline = top + metrics.getAscent();
        for (String line : lines) {
            g.drawString(line, x, baseline);
            baseline += leading;
        }
        return baseline - leading + metrics.getDescent();
    }

    private static List<String> wrap(Font font, String text, float width, int maxLines) {
        return new LineWrapper(s -> width(font, s)).wrap(text, width, maxLines);
    }

    private static boolean endsCut(List<String> lines) {
        return !lines.isEmpty() && lines.get(lines.size() - 1).endsWith(LineWrapper.ELLIPSIS);
    }

    private static float width(Font font, String text) {
        return (float) font.getStringBounds(text, CONTEXT).getWidth();
    }

    private static void setQuality(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }
}
