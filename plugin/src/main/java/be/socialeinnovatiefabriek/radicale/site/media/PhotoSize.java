package be.socialeinnovatiefabriek.radicale.site.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** The pixel size of a photo, read from its header without decoding the image. */
public record PhotoSize(int width, int height, long modified) {

    /** Measures {@code file}, or returns null when it is not an image ImageIO can read. */
    public static PhotoSize measure(Path file, long modified) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            if (input == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return new PhotoSize(reader.getWidth(0), reader.getHeight(0), modified);
            } catch (IOException | RuntimeException e) {
                return null;
            } finally {
                reader.dispose();
            }
        }
    }
}
