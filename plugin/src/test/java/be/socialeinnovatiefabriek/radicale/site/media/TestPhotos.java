package be.socialeinnovatiefabriek.radicale.site.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Photos made on the spot for the media tests, and the real bundled fonts. */
final class TestPhotos {

    /** The project's bundled fonts (tests run in plugin/). */
    static final Path FONTS = Path.of("../site-template/fonts");

    private TestPhotos() {
    }

    /** A {@code width} by {@code height} picture (a gradient and a few shapes) written as {@code format} to {@code file}. */
    static Path photo(Path file, int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x2e6f95), width, height, new Color(0xe9c46a)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x264653));
        g.fillOval(width / 4, height / 5, width / 2, height / 2);
        g.setColor(Color.WHITE);
        g.fillRect(width / 10, height * 3 / 4, width / 3, height / 10);
        g.dispose();
        try {
            ImageIO.write(image, format, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path jpeg(Path folder, String name, int width, int height) {
        return photo(folder.resolve(name), width, height, "jpeg");
    }
}
