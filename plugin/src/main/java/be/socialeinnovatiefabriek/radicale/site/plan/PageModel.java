package be.socialeinnovatiefabriek.radicale.site.plan;

import java.util.List;

/**
 * Everything one page's template receives but its UI strings ({@code t}), as described in
 * site-template/README.md; {@code content} holds what only pages of its type have.
 *
 * @param homePath     the home page of {@code lang}
 * @param privacyPath  the privacy page in {@code lang}, or null when there is none
 * @param accessibilityPath the accessibility statement in {@code lang}, or null when there is none
 * @param newsPath     the news in {@code lang}, or null outside a language folder (/ and /404.html)
 * @param feed         the news feed of {@code lang}, or null outside a language folder
 * @param editions     every edition shown in {@code lang}, newest first
 * @param currentEdition the newest, or null
 */
public record PageModel(String lang, SiteView site, Page page, List<NavItem> nav, String homePath, String privacyPath,
                        String accessibilityPath, String newsPath, Feed feed, List<EditionView> editions, EditionView currentEdition, PageContent content) {

    /** An entry of the main menu; {@code current} when it leads to this page or the section it is in. */
    public record NavItem(String label, String path, boolean current) {
    }

    /** A language's Atom feed: its path, its full address and its title. */
    public record Feed(String path, String url, String title) {
    }
}
