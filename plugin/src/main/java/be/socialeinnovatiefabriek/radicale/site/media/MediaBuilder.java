package be.socialeinnovatiefabriek.radicale.site.media;

import be.socialeinnovatiefabriek.radicale.site.cache.CacheKey;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Makes the site's images: photos resized for the web, share images (1200 by 630 PNG) and printable
 * posters (A4 PDF with a QR code). Every file is kept in a cache folder under a key made of everything
 * that shapes it (the photo's bytes, the texts, the fonts, the recipe), so a rebuild draws only what
 * changed. The files returned live in the cache: copy them into the site.
 *
 * <p>Thread-safe: call it from parallel streams. Two calls for the same file draw it once.
 */
public final class MediaBuilder {

    /** The widths photos are resized to, those not wider than the photo itself. */
    public static final List<Integer> WIDTHS = List.of(480, 960, 1440);
    private static final List<String> WITH_WEBP = List.of("jpeg", "webp");
    private static final List<String> JPEG_ONLY = List.of("jpeg");

    // Bump a recipe when its drawing or encoding changes, so that cached files are redrawn.
    private static final String PHOTO_RECIPE = "photo-v1";
    private static final String CARD_RECIPE = "card-v1";
    private static final String POSTER_RECIPE = "poster-v1";

    private final MediaCache cache;
    private final BundledFonts fonts;
    private final ImageEncoder encoder = new ImageEncoder();
    private final ShareCardRenderer cards;
    private final PosterRenderer posters;
    private final ConcurrentMap<Path, FileHash> hashes = new ConcurrentHashMap<>();
    /** The decoded photo cards and posters are drawn from, by the source's SHA-256; only read, never drawn on. */
    private final ConcurrentMap<String, SoftReference<BufferedImage>> drawingPhotos = new ConcurrentHashMap<>();
    private final AtomicInteger imagesMade = new AtomicInteger();
    private final AtomicInteger postersMade = new AtomicInteger();
    private final AtomicInteger cacheHits = new AtomicInteger();
    private final LongAdder nanos = new LongAdder();

    /**
     * @param cacheDir where generated files are kept between builds, e.g. {@code target/.site-cache/media}
     * @param fontDir  the template's {@code fonts/} folder, with OpenSans-Regular.ttf and OpenSans-Bold.ttf
     * @throws MediaProblem when a font is missing (whether it can be drawn with is {@link #checkFonts checked} later)
     * @throws IOException   when the cache folder cannot be made or a font cannot be read
     */
    public MediaBuilder(Path cacheDir, Path fontDir) throws MediaProblem, IOException {
        this.cache = new MediaCache(cacheDir);
        this.fonts = BundledFonts.load(fontDir);
        this.cards = new ShareCardRenderer(fonts);
        this.posters = new PosterRenderer(fonts);
    }

    /**
     * The photo resized to each of {@link #WIDTHS} not wider than itself (never enlarged), as JPEG and,
     * when {@link #writesWebp()}, WebP. A photo between two widths also gets its own width when that is
     * more than a fifth wider than the last: 1300 pixels gives 480, 960 and 1300; 1000 gives 480 and 960
     * (40 pixels are not worth a file); 1600 gives 480, 960 and 1440. The source file itself is never used.
     *
     * @throws MediaProblem when {@code source} is missing, not an image, or narrower than {@link PhotoSize#MIN_WIDTH}
     * @throws IOException  when the cache cannot be written
     */
    public ResponsivePhoto photo(Path source) throws MediaProblem, IOException {
        long start = System.nanoTime();
        try {
            return resized(source, true);
        } finally {
            nanos.add(System.nanoTime() - start);
        }
    }

    /**
     * The photo as {@link #photo} will make it, without drawing: its upright size from the cache, or else from the
     * source's header and EXIF orientation, and where each variant will be in the cache (it may not exist yet).
     *
     * @throws MediaProblem as {@link #photo} would, for a photo missing, not an image, or too narrow upright
     */
    public ResponsivePhoto plannedPhoto(Path source) throws MediaProblem, IOException {
        ResponsivePhoto cached = cachedWithWebp(source);
        if (cached != null) {
            return cached;
        }
        List<String> formats = photoFormats();
        String name = photoName(source, formats);
        cached = formats == WITH_WEBP ? null : cachedPhoto(name, formats); // with WebP: just looked for
        if (cached != null) {
            return cached;
        }
        PhotoSize upright = SourcePhoto.uprightSize(source);
        if (upright.width() < PhotoSize.MIN_WIDTH) {
            throw PhotoSize.tooNarrow(source, upright.width());
        }
        return new ResponsivePhoto(upright.width(), upright.height(), variants(name, upright.width(), upright.height(), formats));
    }

    /** Where {@link #shareCard} keeps the card in the cache, drawn or not. */
    public Path shareCardFile(ShareCard card) throws MediaProblem, IOException {
        return cardFile(cardKey(card));
    }

    private Path cardFile(String key) {
        return cache.file("cards/" + key.substring(0, 32) + ".png");
    }

    /** Where {@link #poster} keeps the poster in the cache, drawn or not. */
    public Path posterFile(Poster poster) throws MediaProblem, IOException {
        return posterFile(posterKey(poster));
    }

    private Path posterFile(String key) {
        return cache.file("posters/" + key.substring(0, 32) + ".pdf");
    }

    private List<String> photoFormats() {
        return encoder.writesWebp() ? WITH_WEBP : JPEG_ONLY;
    }

    /**
     * The photo with its WebP variants from the cache, or null. Asked first, so that a build whose photos are all
     * cached never loads libwebp to learn whether it could write them (a tenth of such a build's time).
     */
    private ResponsivePhoto cachedWithWebp(Path source) throws MediaProblem, IOException {
        return cachedPhoto(photoName(source, WITH_WEBP), WITH_WEBP);
    }

    /**
     * Checks, once, that the fonts can draw the cards and embed in the posters: before the first card or poster is
     * drawn, so that a broken font is named while nothing is written yet.
     *
     * @throws MediaProblem when a font is not a usable TrueType font
     */
    public void checkFonts() throws MediaProblem, IOException {
        fonts.check();
    }

    private String photoName(Path source, List<String> formats) throws MediaProblem, IOException {
        CacheKey key = new CacheKey(PHOTO_RECIPE).add(hash(source));
        formats.forEach(key::add);
        return "photos/" + key.hex().substring(0, 32);
    }

    private String cardKey(ShareCard card) throws MediaProblem, IOException {
        return new CacheKey(CARD_RECIPE).add(fonts.hash()).add(hash(card.photo())).add(card.name())
                .add(card.tagline()).add(card.editionTitle()).add(card.callToVote()).hex();
    }

    private String posterKey(Poster poster) throws MediaProblem, IOException {
        return new CacheKey(POSTER_RECIPE).add(fonts.hash()).add(hash(poster.photo())).add(poster.name())
                .add(poster.tagline()).add(poster.editionTitle()).add(poster.callToVote()).add(poster.voteUrl())
                .add(poster.lang()).hex();
    }

    private ResponsivePhoto resized(Path source, boolean countHit) throws MediaProblem, IOException {
        ResponsivePhoto withWebp = cachedWithWebp(source);
        if (withWebp != null) {
            if (countHit) {
                cacheHits.incrementAndGet();
            }
            return withWebp;
        }
        List<String> formats = photoFormats();
        String name = photoName(source, formats);
        synchronized (cache.lock(name)) {
            ResponsivePhoto done = cachedPhoto(name, formats);
            if (done != null) {
                if (countHit) {
                    cacheHits.incrementAndGet();
                }
                return done;
            }
            BufferedImage image = SourcePhoto.read(source);
            if (image.getWidth() < PhotoSize.MIN_WIDTH) {
                throw PhotoSize.tooNarrow(source, image.getWidth());
            }
            List<ResponsivePhoto.Variant> variants = variants(name, image.getWidth(), image.getHeight(), formats);
            Map<Integer, BufferedImage> resizedByWidth = new HashMap<>();
            for (ResponsivePhoto.Variant variant : variants) {
                BufferedImage resized = resizedByWidth.get(variant.width());
                if (resized == null) {
                    resized = SourcePhoto.resize(image, variant.width(), variant.height());
                    resizedByWidth.put(variant.width(), resized);
                }
                BufferedImage pixels = resized;
                cache.write(variant.file(), file -> {
                    if (variant.format().equals("webp")) {
                        encoder.webp(pixels, file);
                    } else {
                        encoder.jpeg(pixels, file);
                    }
                });
                imagesMade.incrementAndGet();
            }
            // Written last: its presence says every variant is complete.
            cache.write(cache.file(name + ".size"), file -> Files.writeString(file,
                    image.getWidth() + "x" + image.getHeight(), StandardCharsets.US_ASCII));
            return new ResponsivePhoto(image.getWidth(), image.getHeight(), variants);
        }
    }

    /**
     * The share image of {@code card}: 1200 by 630 PNG, the photo on the left, the edition, name, tagline
     * and call to vote on the right. Long texts wrap and end in an ellipsis inside their box.
     *
     * @throws MediaProblem when the photo is missing, not an image or too small (as for {@link #photo})
     * @throws IOException  when the cache cannot be written
     */
    public Path shareCard(ShareCard card) throws MediaProblem, IOException {
        String key = cardKey(card);
        return cachedOrDrawn(key, cardFile(key), imagesMade, file -> {
            fonts.check();
            BufferedImage drawn = cards.draw(drawingPhoto(card.photo()), card);
            cache.write(file, out -> encoder.png(drawn, out));
        });
    }

    /**
     * The A4 poster of {@code poster} (PDF, one page): the edition, photo, name, tagline, call to vote
     * and a QR code that opens {@code voteUrl}, the address printed under it.
     *
     * @throws MediaProblem when the photo is missing, not an image or too small (as for {@link #photo})
     * @throws IOException  when the cache cannot be written
     */
    public Path poster(Poster poster) throws MediaProblem, IOException {
        String key = posterKey(poster);
        return cachedOrDrawn(key, posterFile(key), postersMade, file -> {
            fonts.check();
            BufferedImage photo = drawingPhoto(poster.photo());
            cache.write(file, out -> posters.draw(photo, poster, key, out));
        });
    }

    /** Draws a medium into the cache file it is given. */
    private interface Drawing {
        void drawTo(Path file) throws MediaProblem, IOException;
    }

    /** {@code file} from the cache, or drawn there once (one drawing per key at a time), counted in {@code made}. */
    private Path cachedOrDrawn(String key, Path file, AtomicInteger made, Drawing drawing) throws MediaProblem, IOException {
        long start = System.nanoTime();
        try {
            synchronized (cache.lock(key)) {
                if (Files.isRegularFile(file)) {
                    cacheHits.incrementAndGet();
                    return file;
                }
                drawing.drawTo(file);
                made.incrementAndGet();
                return file;
            }
        } finally {
            nanos.add(System.nanoTime() - start);
        }
    }

    /** What was drawn and what came from the cache since this builder was made, and the time it took. */
    public MediaStats stats() {
        return new MediaStats(imagesMade.get(), postersMade.get(), cacheHits.get(), nanos.sum() / 1_000_000);
    }

    /** Whether photos get WebP variants besides JPEG: true where the bundled libwebp loads (Linux, macOS, Windows). */
    public boolean writesWebp() {
        return encoder.writesWebp();
    }

    /** Why photos get no WebP variants on this machine, when they do not; for a warning in the build log. */
    public Optional<String> whyNoWebp() {
        return encoder.webpProblem();
    }

    /**
     * The photo that cards and posters are drawn from: its widest resized JPEG, made or taken from the
     * cache. Upright, at most 1440 pixels wide (enough for a 200 dpi poster photo), and far quicker to
     * decode than a camera original; it also refuses a photo that is too small, as the pages do.
     */
    private BufferedImage drawingPhoto(Path source) throws MediaProblem, IOException {
        // Each photo is drawn into a card and a poster per language: decoded once, and held softly, so that
        // memory pressure may drop it (it is then decoded again).
        String key = hash(source);
        SoftReference<BufferedImage> kept = drawingPhotos.get(key);
        BufferedImage photo = kept == null ? null : kept.get();
        if (photo == null) {
            photo = SourcePhoto.read(resized(source, false).largestJpeg().file());
            drawingPhotos.put(key, new SoftReference<>(photo));
        }
        return photo;
    }

    /** The variants of a photo {@code width} by {@code height}, narrowest first, each format in turn. */
    private List<ResponsivePhoto.Variant> variants(String name, int width, int height, List<String> formats) {
        List<Integer> targets = new ArrayList<>(WIDTHS.stream().filter(w -> w <= width).toList());
        int widest = targets.get(targets.size() - 1);
        if (width < WIDTHS.get(WIDTHS.size() - 1) && width > widest * 1.2) {
            targets.add(width);
        }
        List<ResponsivePhoto.Variant> variants = new ArrayList<>();
        for (String format : formats) {
            for (int target : targets) {
                int targetHeight = Math.max(1, (int) Math.round(height * (double) target / width));
                String extension = format.equals("jpeg") ? ".jpg" : ".webp";
                variants.add(new ResponsivePhoto.Variant(target, targetHeight, format,
                        cache.file(name + "-" + target + extension)));
            }
        }
        return variants;
    }

    /** The photo as cached by an earlier build, or null when any of its files is missing. */
    private ResponsivePhoto cachedPhoto(String name, List<String> formats) throws IOException {
        Path size = cache.file(name + ".size");
        if (!Files.isRegularFile(size)) {
            return null;
        }
        String[] wh = Files.readString(size, StandardCharsets.US_ASCII).strip().split("x");
        int width = Integer.parseInt(wh[0]);
        int height = Integer.parseInt(wh[1]);
        List<ResponsivePhoto.Variant> variants = variants(name, width, height, formats);
        for (ResponsivePhoto.Variant variant : variants) {
            if (!Files.isRegularFile(variant.file())) {
                return null;
            }
        }
        return new ResponsivePhoto(width, height, variants);
    }

    /** The SHA-256 of a file's bytes, remembered while its size and modification time stay the same. */
    private String hash(Path file) throws MediaProblem, IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw SourcePhoto.missing(file);
        }
        BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
        FileHash known = hashes.get(absolute);
        if (known != null && known.size() == attributes.size()
                && known.modified() == attributes.lastModifiedTime().toMillis()) {
            return known.sha256();
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(absolute), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        hashes.put(absolute, new FileHash(attributes.size(), attributes.lastModifiedTime().toMillis(), sha256));
        return sha256;
    }

    private record FileHash(long size, long modified, String sha256) {
    }
}
