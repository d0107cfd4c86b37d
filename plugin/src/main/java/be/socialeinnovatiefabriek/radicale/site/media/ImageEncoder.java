package be.socialeinnovatiefabriek.radicale.site.media;

import com.luciad.imageio.webp.WebPImageWriterSpi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes images as JPEG, PNG and WebP. Writers are made per call (ImageIO writers are not thread-safe),
 * and the WebP writer directly from its library rather than through ImageIO's JVM-wide registry.
 */
final class ImageEncoder {

    static final float JPEG_QUALITY = 0.82f;
    static final float WEBP_QUALITY = 0.80f;

    /** Why WebP cannot be written here, or empty when it can; null until first asked (loading libwebp takes time). */
    private volatile Optional<String> webpProblem;

    /** Whether {@link #webp} works on this machine (libwebp is bundled for Linux, macOS and Windows). */
    boolean writesWebp() {
        return webpProblem().isEmpty();
    }

    /** Why WebP is not written, when it is not. */
    Optional<String> webpProblem() {
        Optional<String> known = webpProblem;
        if (known == null) {
            synchronized (this) {
                if (webpProblem == null) {
                    webpProblem = tryWebp();
                }
                known = webpProblem;
            }
        }
        return known;
    }

    void jpeg(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        JPEGImageWriteParam param = new JPEGImageWriteParam(null);
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        param.setOptimizeHuffmanTables(true);
        write(writer, param, image, file);
    }

    void png(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        write(writer, writer.getDefaultWriteParam(), image, file);
    }

    void webp(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = new WebPImageWriterSpi().createWriterInstance(null);
        write(writer, webpParam(writer), image, file);
    }

    private static ImageWriteParam webpParam(ImageWriter writer) {
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("Lossy");
        param.setCompressionQuality(WEBP_QUALITY);
        return param;
    }

    private static void write(ImageWriter writer, ImageWriteParam param, BufferedImage image, Path file)
            throws IOException {
        try (ImageOutputStream out = new FileImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** Encodes a tiny image in memory: the native library either loads and works here, or we say why not. */
    private static Optional<String> tryWebp() {
        try {
            ImageWriter writer = new WebPImageWriterSpi().createWriterInstance(null);
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(new ByteArrayOutputStream())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), null, null),
                        webpParam(writer));
            } finally {
                writer.dispose();
            }
            return Optional.empty();
        } catch (IOException | RuntimeException | LinkageError e) {
            // No libwebp build for this platform (or it failed to load): the site then ships JPEG only.
            return Optional.of(e.toString());
        }
    }
}
