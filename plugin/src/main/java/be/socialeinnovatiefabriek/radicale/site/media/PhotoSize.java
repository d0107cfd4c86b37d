package be.socialeinnovatiefabriek.radicale.site.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** The pixel size of a photo, read from its header without decoding the image; and the sizes the site accepts, in one place. */
public record PhotoSize(int width, int height) {

    /** The narrowest photo accepted: narrower would be blown up on every screen. */
    public static final int MIN_WIDTH = 480;
    /** The most pixels a photo may have: decoding more would take more memory than a build should. */
    public static final long MAX_PIXELS = 50_000_000L;

    /** The size of {@code file}, or empty when it is not an image ImageIO can read. */
    public static Optional<PhotoSize> read(Path file) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            if (input == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return Optional.of(new PhotoSize(reader.getWidth(0), reader.getHeight(0)));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        }
    }

    /** Whether the photo has more pixels than a build decodes. */
    public boolean tooLarge() {
        return (long) width * height > MAX_PIXELS;
    }

    static MediaProblem tooNarrow(Path file, int width) {
        return MediaProblem.ofPhoto(file, "is " + width + " pixels wide, too small for the site",
                "use a photo at least " + MIN_WIDTH + " pixels wide (1440 or more looks sharp on large screens)");
    }

    static MediaProblem tooLarge(Path file, PhotoSize size) {
        return MediaProblem.ofPhoto(file, "is " + size.width() + " by " + size.height() + " pixels, too large to process",
                "save it at most 4000 pixels wide");
    }
}
