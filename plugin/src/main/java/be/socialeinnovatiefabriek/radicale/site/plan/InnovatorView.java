package be.socialeinnovatiefabriek.radicale.site.plan;

import java.util.List;

/**
 * An innovator as templates see it (the "innovator view" of site-template/README.md): a card in lists,
 * or a whole profile, which alone has {@code votes}, {@code posters} and a {@code bodyHtml}.
 *
 * @param organisation null when not given, as {@code region} and {@code website}
 * @param lang         the language of the text; {@code fallback} when it is not the page's
 * @param editions     the editions that nominate it
 * @param votes        on a profile, the editions still to vote in that nominate it; null on a card
 * @param posters      on a profile, its posters of those editions; null on a card
 * @param bodyHtml     the profile's text; "" on a card
 */
public record InnovatorView(String slug, String name, String tagline, String organisation, String region, String website, String path,
                            String lang, boolean fallback, List<ThemeLink> themes, PhotoView photo, List<EditionLink> editions,
                            List<EditionView> votes, List<PosterLink> posters, String bodyHtml) {

    /** A theme the innovator works on, with its page. */
    public record ThemeLink(String id, String label, String path) {
    }

    /** An edition, by year, title and page (also the edition a news item is about). */
    public record EditionLink(String year, String title, String path) {
    }

    /** The innovator's printable poster for an edition. */
    public record PosterLink(String year, String title, String path) {
    }

    /** The photo in the widths the build made: the default source, a srcset per format (WebP may be ""), its text and size. */
    public record PhotoView(String path, String srcset, String webpSrcset, String alt, int width, int height) {
    }
}
