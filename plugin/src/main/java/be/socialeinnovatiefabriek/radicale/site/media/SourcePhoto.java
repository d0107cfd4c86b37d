package be.socialeinnovatiefabriek.radicale.site.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/** Reads a photo as staff put it in the content, turned upright, and cuts the sizes the site needs from it. */
final class SourcePhoto {

    private SourcePhoto() {
    }

    /**
     * {@code file} decoded as opaque RGB (transparency on white), turned as its EXIF orientation says.
     * A missing file, a file that is not an image, and an image too large to decode are a {@link MediaProblem}.
     */
    static BufferedImage read(Path file) throws MediaProblem, IOException {
        if (!Files.isRegularFile(file)) {
            throw missing(file);
        }
        headerSize(file); // refuses what is not an image, or too large, before decoding it
        BufferedImage decoded;
        try {
            decoded = Thumbnails.of(file.toFile()).scale(1.0).useExifOrientation(true).asBufferedImage();
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(file, e);
        }
        return opaqueRgb(decoded);
    }

    /**
     * The size {@link #read} will give {@code file}, from its header and EXIF orientation alone (as Thumbnailator
     * turns it: orientations 5 to 8 swap width and height), without decoding a pixel.
     */
    static PhotoSize uprightSize(Path file) throws MediaProblem, IOException {
        if (!Files.isRegularFile(file)) {
            throw missing(file);
        }
        PhotoSize size = headerSize(file);
        Orientation orientation;
        try {
            orientation = exifOrientation(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        boolean turned = orientation == Orientation.LEFT_TOP || orientation == Orientation.RIGHT_TOP
                || orientation == Orientation.RIGHT_BOTTOM || orientation == Orientation.LEFT_BOTTOM;
        return turned ? new PhotoSize(size.height(), size.width()) : size;
    }

    /**
     * The orientation in a JPEG's EXIF segment (APP1), found as Thumbnailator finds it when it decodes; null when the
     * file is no JPEG or says nothing.
     */
    private static Orientation exifOrientation(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readUnsignedShort() != 0xFFD8) {
                return null;
            }
            while (true) {
                int marker = in.readUnsignedShort();
                if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || marker == 0xFFD9) {
                    return null; // the pixels start: no EXIF before them
                }
                int length = in.readUnsignedShort() - 2;
                if (length < 0) {
                    return null;
                }
                if (marker == 0xFFE1) {
                    byte[] segment = in.readNBytes(length);
                    if (segment.length > 6 && new String(segment, 0, 4, StandardCharsets.US_ASCII).equals("Exif")) {
                        return ExifUtils.getOrientationFromExif(segment);
                    }
                } else {
                    in.skipNBytes(length);
                }
            }
        } catch (EOFException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The size its header gives {@code file}, before any pixel is decoded; what is not an image, is too large or cannot
     * be read is a problem.
     */
    private static PhotoSize headerSize(Path file) throws MediaProblem, IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw MediaProblem.ofPhoto(file, "is not an image",
                        "save the photo as JPEG or PNG (an image file, not a document or a link) under this name");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                PhotoSize size = new PhotoSize(reader.getWidth(0), reader.getHeight(0));
                if (size.tooLarge()) {
                    throw PhotoSize.tooLarge(file, size);
                }
                return size;
            } catch (IOException | RuntimeException e) {
                throw unreadable(file, e);
            } finally {
                reader.dispose();
            }
        }
    }

    static MediaProblem missing(Path file) {
        return MediaProblem.ofPhoto(file, "does not exist", "put a JPEG or PNG photo there, or correct the file name in 'photo'");
    }

    private static MediaProblem unreadable(Path file, Exception e) {
        return MediaProblem.ofPhoto(file, "could not be read (" + e.getMessage() + ")",
                "open it in an image editor and save it again as an RGB JPEG or PNG");
    }

    private static BufferedImage opaqueRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /** {@code image} scaled to exactly {@code width} by {@code height}. */
    static BufferedImage resize(BufferedImage image, int width, int height) throws IOException {
        return Thumbnails.of(image).forceSize(width, height).imageType(BufferedImage.TYPE_INT_RGB).asBufferedImage();
    }

    /**
     * {@code image} filling {@code width} by {@code height}, cropped to that shape: centred across, and a
     * third of the way down, where faces tend to be, when it is cut top and bottom.
     */
    static BufferedImage cover(BufferedImage image, int width, int height) throws IOException {
        double scale = Math.max(width / (double) image.getWidth(), height / (double) image.getHeight());
        int cropWidth = Math.min(image.getWidth(), (int) Math.round(width / scale));
        int cropHeight = Math.min(image.getHeight(), (int) Math.round(height / scale));
        int x = (image.getWidth() - cropWidth) / 2;
        int y = (image.getHeight() - cropHeight) / 3;
        return Thumbnails.of(image).sourceRegion(x, y, cropWidth, cropHeight).forceSize(width, height)
                .imageType(BufferedImage.TYPE_INT_RGB).asBufferedImage();
    }
}
