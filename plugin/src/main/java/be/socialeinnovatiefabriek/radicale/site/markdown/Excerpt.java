package be.socialeinnovatiefabriek.radicale.site.markdown;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The start of a rendered text as plain text, for lists, feeds and search engines when no summary is written. */
public final class Excerpt {

    /** About what search engines show of a description. */
    public static final int LENGTH = 160;
    private static final Pattern WHITE_SPACE = Pattern.compile("[ \\t\\n\\r\\f]+");

    private Excerpt() {
    }

    /** The first paragraph's text, cut at a word before {@code LENGTH} characters; "" for an empty text. */
    public static String of(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        Element paragraph = document.selectFirst("p");
        // Whole text with only ASCII white space collapsed: jsoup's text() would turn the no-break spaces of French
        // typography back into ordinary ones.
        String text = WHITE_SPACE.matcher(paragraph != null ? paragraph.wholeText() : document.body().wholeText()).replaceAll(" ").strip();
        if (text.length() <= LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', LENGTH - 1);
        return text.substring(0, cut > LENGTH / 2 ? cut : LENGTH - 1).stripTrailing() + "…";
    }
}
