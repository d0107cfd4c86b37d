package be.socialeinnovatiefabriek.radicale.site.media;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.ToDoubleFunction;

/**
 * Breaks a text into lines that fit a box, for both the share cards (Java2D) and the posters (PDFBox):
 * it only needs the width of a string in the font at hand.
 */
final class LineWrapper {

    static final String ELLIPSIS = "\u2026";
    private static final int NO_BREAK_SPACE = 0x00A0;
    private static final int NARROW_NO_BREAK_SPACE = 0x202F;

    private final ToDoubleFunction<String> width;

    /** {@code width} measures a string in the font and size the lines will be drawn in. */
    LineWrapper(ToDoubleFunction<String> width) {
        this.width = width;
    }

    /**
     * The lines of {@code text} no wider than {@code maxWidth}, at most {@code maxLines} of them; when
     * the text does not fit, the last line ends in an ellipsis. Breaks between words, and inside a word
     * only when the word alone is too wide.
     */
    List<String> wrap(String text, double maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        if (text.isEmpty() || maxLines <= 0) {
            return lines;
        }
        String[] words = text.split(" ");
        StringBuilder line = new StringBuilder();
        int next = 0;
        while (next < words.length && lines.size() < maxLines) {
            String word = words[next];
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (fits(candidate, maxWidth)) {
                line.setLength(0);
                line.append(candidate);
                next++;
            } else if (line.isEmpty()) {
                // A single word wider than the box (a long URL, a compound word): cut it where it must.
                int cut = longestFittingPrefix(word, maxWidth);
                lines.add(word.substring(0, cut));
                words[next] = word.substring(cut);
            } else {
                lines.add(line.toString());
                line.setLength(0);
            }
        }
        if (!line.isEmpty() && lines.size() < maxLines) {
            lines.add(line.toString());
        }
        if (next < words.length) {
            int last = lines.size() - 1;
            lines.set(last, withEllipsis(lines.get(last), maxWidth));
        }
        return lines;
    }

    private boolean fits(String text, double maxWidth) {
        return width.applyAsDouble(text) <= maxWidth;
    }

    private int longestFittingPrefix(String word, double maxWidth) {
        int cut = word.offsetByCodePoints(0, 1);
        while (cut < word.length()) {
            int longer = word.offsetByCodePoints(cut, 1);
            if (!fits(word.substring(0, longer), maxWidth)) {
                break;
            }
            cut = longer;
        }
        return cut;
    }

    /** {@code line} shortened until it fits with an ellipsis after it, preferring to end after a word. */
    private String withEllipsis(String line, double maxWidth) {
        String kept = line;
        while (!kept.isEmpty() && !fits(kept + ELLIPSIS, maxWidth)) {
            kept = kept.substring(0, kept.offsetByCodePoints(kept.length(), -1));
        }
        boolean midWord = kept.length() < line.length() && line.charAt(kept.length()) != ' ';
        int space = kept.lastIndexOf(' ');
        if (midWord && space > 0 && space >= kept.length() * 0.4) {
            kept = kept.substring(0, space);
        }
        return kept.stripTrailing().replaceAll("[\\p{Punct}&&[^)\\]\"'!?]]+$", "") + ELLIPSIS;
    }

    /**
     * {@code text} ready to draw: composed (NFC), every run of white space one space, and characters the
     * font cannot draw (an emoji, say) left out rather than drawn as empty boxes. A narrow no-break space
     * (French typography) the font lacks becomes a no-break space: still a space, still no line break there.
     */
    static String printable(String text, IntPredicate canDraw) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().map(c -> c == NARROW_NO_BREAK_SPACE && !canDraw.test(c) ? NO_BREAK_SPACE : c)
                .filter(c -> c == ' ' || canDraw.test(c)).forEach(out::appendCodePoint);
        return out.toString().replaceAll(" {2,}", " ").strip();
    }
}
