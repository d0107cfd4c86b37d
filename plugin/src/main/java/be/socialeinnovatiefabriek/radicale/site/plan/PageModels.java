package be.socialeinnovatiefabriek.radicale.site.plan;

import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.content.Content.PageText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Text;
import be.socialeinnovatiefabriek.radicale.site.content.Content;
import be.socialeinnovatiefabriek.radicale.site.i18n.Languages;
import be.socialeinnovatiefabriek.radicale.site.plan.PageModel.Feed;
import be.socialeinnovatiefabriek.radicale.site.plan.PageModel.NavItem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes the job of one page: its {@link Page}, with its addresses in every language, and the
 * {@link PageModel} around it that every template shares (site, navigation, editions, feed).
 */
final class PageModels {

    /** What only some pages have: their own share image, and structured data for search engines. */
    record Extras(String image, String imageAlt, String jsonLd) {

        static final Extras NONE = new Extras(null, null, null);

        static Extras jsonLd(String json) {
            return new Extras(null, null, json);
        }
    }

    private final ViewContext site;
    private final EditionViews editions;
    private final Map<String, List<NavItem>> menuPages = new HashMap<>();
    /** What templates know of the site as a whole: the same for every page of a build, so made once. */
    private final SiteView siteView;

    PageModels(ViewContext site, EditionViews editions) {
        this.site = site;
        this.editions = editions;
        this.siteView = siteView(site);
    }

    /** A page that exists in every language: home, listings, 404. */
    PageJob listing(PageType type, String lang, String title, Function<String, String> route, PageContent content, Extras extras) {
        return listing(type, lang, title, route, content, extras, Set.of());
    }

    /** A listing that shows some of the text of {@code sources}: an edit to that text re-renders it. */
    PageJob listing(PageType type, String lang, String title, Function<String, String> route, PageContent content, Extras extras,
                    Set<Path> sources) {
        SiteConfig config = site.config();
        Page page = page(type, lang, title, "", route, config.languages(), lang, false, "published", "", extras);
        return job(lang, page, content, sources, config.contentDir());
    }

    /** A page made from one bundle: it exists natively in the languages the bundle has. */
    PageJob bundlePage(PageType type, String lang, Bundle<? extends Text> bundle, Text text, Function<String, String> route,
                       String description, PageContent content, Extras extras) {
        List<String> natives = new ArrayList<>(bundle.texts().keySet());
        boolean fallback = !text.lang().equals(lang);
        Page page = page(type, lang, text.title(), description == null ? "" : description, route, natives, text.lang(), fallback,
                text.status(), text.bodyHtml(), extras);
        return job(lang, page, content, Set.of(text.source().path()), text.source().path());
    }

    private PageJob job(String lang, Page page, PageContent content, Set<Path> sources, Path origin) {
        Routes routes = site.routes();
        Content all = site.content();
        String output = routes.file(page.path());
        String privacyPath = all.pages().containsKey("privacy") && site.pick(all.pages().get("privacy"), lang) != null
                ? routes.page(lang, "privacy") : null;
        String accessibilityPath = all.accessibility().values().stream().anyMatch(statement -> site.pick(statement, lang) != null)
                ? routes.accessibility(lang) : null;
        // The pages outside a language folder (/ and /404.html) answer for every language: no news of one.
        boolean inLanguage = output.startsWith(lang + "/");
        String newsPath = inLanguage ? routes.news(lang) : null;
        Feed feed = inLanguage ? new Feed(routes.feed(lang), routes.absolute(routes.feed(lang)), site.t(lang, "news.feed.title")) : null;
        List<EditionView> cards = editions.cards(lang);
        PageModel model = new PageModel(lang, siteView, page, nav(lang, page.path()), routes.home(lang), privacyPath, accessibilityPath,
                newsPath, feed, cards,
                cards.isEmpty() ? null : cards.get(0), content);
        return new PageJob(output, model, Set.copyOf(sources), origin);
    }

    private Page page(PageType type, String lang, String title, String description, Function<String, String> route, List<String> natives,
                      String contentLang, boolean fallback, String status, String bodyHtml, Extras extras) {
        Routes routes = site.routes();
        String defaultLanguage = site.config().defaultLanguage();
        List<Page.Alternate> alternates = new ArrayList<>();
        for (String other : site.config().languages()) {
            if (natives.contains(other)) {
                String otherPath = route.apply(other);
                alternates.add(new Page.Alternate(other, Languages.name(other), otherPath, routes.absolute(otherPath),
                        Languages.shareLocale(other)));
            }
        }
        String canonicalLang = fallback ? contentLang : lang;
        String xDefault = routes.absolute(route.apply(natives.contains(defaultLanguage) ? defaultLanguage : natives.get(0)));
        return new Page(type, title, description, route.apply(lang), routes.absolute(route.apply(canonicalLang)), alternates, xDefault,
                fallback, contentLang, Languages.shareLocale(contentLang), status, bodyHtml, type.indexed() && "published".equals(status),
                extras.image(), extras.imageAlt(), extras.jsonLd());
    }

    private static SiteView siteView(ViewContext site) {
        SiteConfig config = site.config();
        Routes routes = site.routes();
        List<SiteView.Language> languages = new ArrayList<>();
        for (String lang : config.languages()) {
            languages.add(new SiteView.Language(lang, Languages.name(lang), routes.home(lang)));
        }
        return new SiteView(languages, config.defaultLanguage(), config.baseUrl(), routes.base(), routes.assets(), config.preview(),
                new SiteView.ShareImage(routes.absolute(routes.asset("share-default.png")), 1200, 630), routes.voteApi(), routes.voteOrigin(),
                ContentSecurityPolicy.forPages(routes.voteOrigin()));
    }

    private List<NavItem> nav(String lang, String current) {
        Routes routes = site.routes();
        List<NavItem> items = new ArrayList<>();
        items.add(navItem(site.t(lang, "nav.home"), routes.home(lang), current));
        items.add(navItem(site.t(lang, "nav.innovators"), routes.innovators(lang), current));
        items.add(navItem(site.t(lang, "nav.campaigns"), routes.campaigns(lang), current));
        items.add(navItem(site.t(lang, "nav.news"), routes.news(lang), current));
        items.add(navItem(site.t(lang, "nav.themes"), routes.themes(lang), current));
        for (NavItem entry : menuPages.computeIfAbsent(lang, this::menuPages)) {
            items.add(navItem(entry.label(), entry.path(), current));
        }
        return items;
    }

    /** The pages in the menu of a language, found once per build rather than once per page. */
    private List<NavItem> menuPages(String lang) {
        return site.content().pages().values().stream()
                .map(page -> site.pick(page, lang))
                .filter(text -> text != null && text.menu() != null)
                .sorted(Comparator.comparing(PageText::menu))
                .map(text -> new NavItem(text.title(), site.routes().page(lang, text.source().path().getParent().getFileName().toString()), false))
                .collect(Collectors.toList());
    }

    private static NavItem navItem(String label, String path, String current) {
        return new NavItem(label, path, path.equals(current));
    }
}
