package be.socialeinnovatiefabriek.radicale.site.i18n;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spaces a language's typography asks for, put in by the build so that staff type ordinary spaces.
 * Only French has rules here, after the Imprimerie nationale: a narrow no-break space (U+202F) before
 * {@code ; ! ?} and between groups of three digits, a no-break space (U+00A0) before {@code :} and inside
 * {@code « »}. Only ordinary spaces (U+0020) are replaced, so a no-break space the author typed stays as it
 * is and nothing is doubled; where no space was typed, none is added, so addresses and times are left alone.
 */
public final class Typography {

    public static final char NO_BREAK_SPACE = '\u00A0';
    public static final char NARROW_NO_BREAK_SPACE = '\u202F';

    private static final Typography NONE = new Typography(false);
    private static final Typography FRENCH = new Typography(true);

    private static final Pattern BEFORE_SEMICOLON_EXCLAMATION_QUESTION = Pattern.compile(" +(?=[;!?])");
    private static final Pattern BEFORE_COLON = Pattern.compile(" +(?=:)");
    private static final Pattern INSIDE_GUILLEMETS = Pattern.compile("(?<=«) +| +(?=»)");
    // 1 to 3 digits that do not continue a longer number or a decimal, then groups of exactly three digits:
    // "12 000" and "1 234 567", never "2026 250" (a year, then a number).
    private static final Pattern DIGIT_GROUPS = Pattern.compile("(?<![\\d.,])\\d{1,3}(?: \\d{3})+(?!\\d)");

    private final boolean french;

    private Typography(boolean french) {
        this.french = french;
    }

    /** The rules of {@code lang}: French for {@code fr}; other languages are published as typed. */
    public static Typography of(String lang) {
        return "fr".equals(lang) ? FRENCH : NONE;
    }

    /** Whether {@link #apply} can change a text at all. */
    public boolean changesText() {
        return french;
    }

    /** {@code text} (plain text, not HTML) with its ordinary spaces replaced where the rules ask for another. */
    public String apply(String text) {
        if (!french || text == null || text.indexOf(' ') < 0) {
            return text;
        }
        String spaced = BEFORE_SEMICOLON_EXCLAMATION_QUESTION.matcher(text).replaceAll(String.valueOf(NARROW_NO_BREAK_SPACE));
        spaced = BEFORE_COLON.matcher(spaced).replaceAll(String.valueOf(NO_BREAK_SPACE));
        spaced = INSIDE_GUILLEMETS.matcher(spaced).replaceAll(String.valueOf(NO_BREAK_SPACE));
        Matcher groups = DIGIT_GROUPS.matcher(spaced);
        StringBuilder out = new StringBuilder(spaced.length());
        while (groups.find()) {
            groups.appendReplacement(out, Matcher.quoteReplacement(groups.group().replace(' ', NARROW_NO_BREAK_SPACE)));
        }
        groups.appendTail(out);
        return out.toString();
    }
}
