package be.socialeinnovatiefabriek.radicale.site.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The start of a rendered text as plain text, for lists, feeds and search engines when no summary is written. */
public final class Excerpt {

    /** About what search engines show of a description. */
    public static final int LENGTH = 160;

    private Excerpt() {
    }

    /** The first paragraph's text, cut at a word before {@code LENGTH} characters; "" for an empty text. */
    public static String of(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        Element paragraph = document.selectFirst("p");
        String text = (paragraph != null ? paragraph.text() : document.text()).strip();
        if (text.length() <= LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', LENGTH - 1);
        return text.substring(0, cut > LENGTH / 2 ? cut : LENGTH - 1).stripTrailing() + "…";
    }
}
