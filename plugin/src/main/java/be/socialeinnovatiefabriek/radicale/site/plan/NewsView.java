package be.socialeinnovatiefabriek.radicale.site.plan;

/**
 * A news item as templates see it (the "news view" of site-template/README.md).
 *
 * @param summary     as written, or null
 * @param description the summary, or else the start of the text
 * @param date        the item's date, 2026-11-16; {@code dateText} the same for the page's language
 * @param published   the moment it went public, ISO-8601
 * @param url         the item's full address
 * @param edition     the edition it is about, or null
 * @param bodyHtml    the text, on the item's own page; "" in lists
 */
public record NewsView(String slug, String title, String summary, String description, String date, String dateText, String published,
                       String path, String url, String lang, boolean fallback, String status, InnovatorView.EditionLink edition,
                       String bodyHtml) {
}
