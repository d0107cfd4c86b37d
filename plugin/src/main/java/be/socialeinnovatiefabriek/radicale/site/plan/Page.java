package be.socialeinnovatiefabriek.radicale.site.plan;

import java.util.List;

/**
 * What every template knows of its own page ({@code page} in site-template/README.md), and what the
 * sitemap lists of it. Paths carry the base path; {@code canonical}, {@code xDefault} and {@code image} are full addresses.
 *
 * @param description  "" when the page has none
 * @param alternates   every language this page natively exists in, the current one included
 * @param fallback     the text is shown in the default language for want of a translation
 * @param contentLang  the language of the text
 * @param locale       the Open Graph locale of the text's language
 * @param status       published, draft, scheduled or expired (only published outside the preview)
 * @param indexed      search engines may index it: a published page of a type they may index
 * @param image        the page's own share image, or null for the site's
 * @param imageAlt     what that image shows, or null
 * @param jsonLd       schema.org JSON-LD, safe inside a script element, or null
 */
public record Page(PageType type, String title, String description, String path, String canonical, List<Alternate> alternates,
                   String xDefault, boolean fallback, String contentLang, String locale, String status, String bodyHtml,
                   boolean indexed, String image, String imageAlt, String jsonLd) {

    /** The page in another language: for hreflang and the language switcher. */
    public record Alternate(String lang, String name, String path, String url, String locale) {
    }
}
