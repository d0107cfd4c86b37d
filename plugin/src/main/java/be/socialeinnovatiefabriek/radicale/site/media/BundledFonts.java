package be.socialeinnovatiefabriek.radicale.site.media;

import be.socialeinnovatiefabriek.radicale.site.cache.CacheKey;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The two typefaces of the share cards and posters, read from the site template's {@code fonts/} folder
 * and never from the system, so that every machine draws the same pixels.
 */
final class BundledFonts {

    static final String REGULAR = "OpenSans-Regular.ttf";
    static final String BOLD = "OpenSans-Bold.ttf";

    private final Path regularFile;
    private final Path boldFile;
    private final byte[] regularBytes;
    private final byte[] boldBytes;
    private final String hash;
    /** Both faces once {@link #check} found them usable; null before. */
    private volatile Faces faces;

    private record Faces(Font regular, Font bold) {
    }

    private BundledFonts(Path regularFile, Path boldFile, byte[] regularBytes, byte[] boldBytes) {
        this.regularFile = regularFile;
        this.boldFile = boldFile;
        this.regularBytes = regularBytes;
        this.boldBytes = boldBytes;
        this.hash = new CacheKey("fonts").add(regularBytes).add(boldBytes).hex();
    }

    /**
     * Reads {@value #REGULAR} and {@value #BOLD} from {@code folder}; whether they can be drawn with is
     * {@link #check}ed before the first drawing, as loading a face costs a build that draws nothing a tenth of its time.
     *
     * @throws MediaProblem when a font is missing
     */
    static BundledFonts load(Path folder) throws MediaProblem, IOException {
        Path regular = folder.resolve(REGULAR);
        Path bold = folder.resolve(BOLD);
        return new BundledFonts(regular, bold, read(regular), read(bold));
    }

    /**
     * Checks that both faces can be drawn with and embedded in a PDF, so that a broken font is named before any
     * drawing and not halfway through a poster; done once.
     *
     * @throws MediaProblem when a font is not a usable TrueType font
     */
    void check() throws MediaProblem, IOException {
        if (faces == null) {
            synchronized (this) {
                if (faces == null) {
                    faces = new Faces(usableFont(regularFile, regularBytes), usableFont(boldFile, boldBytes));
                }
            }
        }
    }

    /** Both faces, checked first if they were not yet (drawing checks them before it starts: see {@link #check}). */
    private Faces faces() {
        if (faces == null) {
            try {
                check();
            } catch (MediaProblem | IOException e) {
                throw new IllegalStateException("the fonts cannot be drawn with: " + e.getMessage(), e);
            }
        }
        return faces;
    }

    private static byte[] read(Path file) throws MediaProblem, IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new MediaProblem(file, "the share cards and posters need this font, and it is missing", restore(file));
        }
    }

    private static Font usableFont(Path file, byte[] bytes) throws MediaProblem, IOException {
        Font font;
        try {
            // From the file, not a stream: the JDK copies a stream to a temporary file first.
            font = Font.createFont(Font.TRUETYPE_FONT, file.toFile());
        } catch (FontFormatException e) {
            throw new MediaProblem(file, "this file is not a TrueType font (" + e.getMessage() + ")", restore(file));
        }
        try (PDDocument document = new PDDocument()) {
            PDType0Font.load(document, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new MediaProblem(file, "this font cannot be embedded in a PDF poster (" + e.getMessage() + ")", restore(file));
        }
        return font;
    }

    private static String restore(Path file) {
        Path folder = file.getParent();
        String shown = (folder.getParent() != null ? folder.getParent().getFileName() + "/" : "") + folder.getFileName() + "/" + file.getFileName();
        return "restore " + shown + " from the project (git checkout -- " + shown + ")";
    }

    /** The regular face at {@code size} pixels, for Java2D. */
    Font regular(float size) {
        return faces().regular().deriveFont(size);
    }

    /** The bold face at {@code size} pixels, for Java2D. */
    Font bold(float size) {
        return faces().bold().deriveFont(size);
    }

    /** The regular face embedded (as a subset) in {@code document}. */
    PDType0Font regular(PDDocument document) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(regularBytes));
    }

    /** The bold face embedded (as a subset) in {@code document}. */
    PDType0Font bold(PDDocument document) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(boldBytes));
    }

    /** Whether both faces can draw {@code codePoint}. */
    boolean canDraw(int codePoint) {
        Faces checked = faces();
        return checked.regular().canDisplay(codePoint) && checked.bold().canDisplay(codePoint);
    }

    /** {@code text} with what the fonts cannot draw left out and white space made single spaces. */
    String printable(String text) {
        return LineWrapper.printable(text, this::canDraw);
    }

    /** A hash of both font files: part of every cache key, so a new font redraws everything. */
    String hash() {
        return hash;
    }
}
