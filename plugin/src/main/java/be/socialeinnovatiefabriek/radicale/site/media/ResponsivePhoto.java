package be.socialeinnovatiefabriek.radicale.site.media;

import java.nio.file.Path;
import java.util.List;

/**
 * A photo resized for the web: the source's size (after its EXIF orientation is applied) and the
 * resized files, narrowest first, in JPEG and, when the WebP encoder works on this machine, WebP too.
 * Use {@code width} and {@code height} for the {@code img} attributes and each format's variants for a
 * {@code srcset} ("… 480w, … 960w").
 */
public record ResponsivePhoto(int width, int height, List<Variant> variants) {

    /** One resized file: its pixel size, its format ({@code jpeg} or {@code webp}) and where it is in the cache. */
    public record Variant(int width, int height, String format, Path file) {
    }

    public ResponsivePhoto {
        variants = List.copyOf(variants);
    }

    /** The variants in {@code format} ({@code jpeg} or {@code webp}), narrowest first; empty if none. */
    public List<Variant> variants(String format) {
        return variants.stream().filter(v -> v.format().equals(format)).toList();
    }

    /** The widest JPEG variant: the one for a plain {@code src}. */
    public Variant largestJpeg() {
        List<Variant> jpeg = variants("jpeg");
        return jpeg.get(jpeg.size() - 1);
    }
}
