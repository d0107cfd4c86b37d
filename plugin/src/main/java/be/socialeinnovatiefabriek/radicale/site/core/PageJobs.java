package be.socialeinnovatiefabriek.radicale.site.core;

import static be.socialeinnovatiefabriek.radicale.site.core.ViewContext.map;

import be.socialeinnovatiefabriek.radicale.site.core.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.core.Content.PageText;
import be.socialeinnovatiefabriek.radicale.site.core.Content.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Makes the job of one page: its page model and what every template shares (site, navigation, editions, feed). */
final class PageJobs {

    private final ViewContext site;
    private final CampaignViews campaigns;
    private final Map<String, List<String[]>> menuPages = new HashMap<>();
    /** What templates know of the site as a whole: the same for every page of a build, so made once. */
    private final Map<String, Object> siteModel;

    PageJobs(ViewContext site, CampaignViews campaigns) {
        this.site = site;
        this.campaigns = campaigns;
        this.siteModel = Collections.unmodifiableMap(siteModel(site));
    }

    /** A page that exists in every language: home, listings, 404. */
    PageJob listing(String output, String type, String lang, String title, Function<String, String> route, Map<String, Object> extra) {
        return listing(output, type, lang, title, route, extra, Set.of());
    }

    /** A listing that shows some of the text of {@code sources}: an edit to that text re-renders it. */
    PageJob listing(String output, String type, String lang, String title, Function<String, String> route, Map<String, Object> extra,
                    Set<Path> sources) {
        SiteConfig config = site.config();
        Map<String, Object> page = pageModel(type, lang, title, "", route, config.languages(), lang, false, "published", "");
        return job(output, type, lang, page, extra, sources, config.contentDir());
    }

    /** A page made from one bundle: it exists natively in the languages the bundle has. */
    PageJob bundlePage(String output, String type, String lang, Bundle<? extends Text> bundle, Text text,
                       Function<String, String> route, String description, Map<String, Object> extra) {
        List<String> natives = new ArrayList<>(bundle.texts().keySet());
        boolean fallback = !text.lang().equals(lang);
        Map<String, Object> page = pageModel(type, lang, text.title(), description == null ? "" : description, route, natives,
                text.lang(), fallback, text.status(), text.bodyHtml());
        return job(output, type, lang, page, extra, Set.of(text.source().path()), text.source().path());
    }

    /** Adds schema.org JSON-LD (already safe inside a script element) to the page model as page.jsonLd. */
    static PageJob withJsonLd(PageJob job, String json) {
        page(job).put("jsonLd", json);
        return job;
    }

    /** The page model of a job, for what only some pages of a type have (an image, JSON-LD). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> page(PageJob job) {
        return (Map<String, Object>) job.model().get("page");
    }

    private PageJob job(String output, String type, String lang, Map<String, Object> page, Map<String, Object> extra,
                        Set<Path> sources, Path origin) {
        SiteConfig config = site.config();
        Content content = site.content();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lang", lang);
        model.put("t", site.messages().of(lang));
        model.put("site", siteModel);
        model.put("page", page);
        model.put("nav", nav(lang, (String) page.get("path")));
        if (content.pages().containsKey("privacy") && site.pick(content.pages().get("privacy"), lang) != null) {
            model.put("privacyPath", site.path(lang, "privacy/"));
        }
        for (Content.Bundle<Content.StatementText> statement : content.accessibility().values()) {
            if (site.pick(statement, lang) != null) {
                model.put("accessibilityPath", site.path(lang, ContentLoader.ACCESSIBILITY + "/"));
            }
        }
        if (output.startsWith(lang + "/")) {
            model.put("newsPath", site.base() + NewsViews.listRoute(lang));
            model.put("feed", map("path", site.base() + NewsFeedWriter.route(lang), "url", config.baseUrl() + NewsFeedWriter.route(lang),
                    "title", site.t(lang, "news.feed.title")));
        }
        List<Map<String, Object>> editions = campaigns.cards(lang);
        model.put("editions", editions);
        if (!editions.isEmpty()) {
            model.put("currentEdition", editions.get(0));
        }
        model.putAll(extra);
        Set<Path> allSources = new HashSet<>(sources);
        return new PageJob(output, type + ".ftl", model, allSources, origin);
    }

    private Map<String, Object> pageModel(String type, String lang, String title, String description, Function<String, String> route,
                                          List<String> natives, String contentLang, boolean fallback, String status, String bodyHtml) {
        String base = site.base();
        String defaultLanguage = site.config().defaultLanguage();
        List<Map<String, Object>> alternates = new ArrayList<>();
        for (String other : site.config().languages()) {
            if (natives.contains(other)) {
                String otherPath = base + route.apply(other);
                alternates.add(map("lang", other, "name", Languages.name(other), "path", otherPath, "url", site.absolute(otherPath),
                        "locale", Languages.shareLocale(other)));
            }
        }
        String path = base + route.apply(lang);
        String canonicalLang = fallback ? contentLang : lang;
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("type", type);
        page.put("title", title);
        page.put("description", description);
        page.put("path", path);
        page.put("canonical", site.absolute(base + route.apply(canonicalLang)));
        page.put("alternates", alternates);
        page.put("xDefault", site.absolute(base + route.apply(natives.contains(defaultLanguage) ? defaultLanguage : natives.get(0))));
        page.put("fallback", fallback);
        page.put("contentLang", contentLang);
        page.put("locale", Languages.shareLocale(contentLang));
        page.put("status", status);
        page.put("bodyHtml", bodyHtml);
        return page;
    }

    private static Map<String, Object> siteModel(ViewContext site) {
        SiteConfig config = site.config();
        String base = site.base();
        List<Map<String, Object>> languages = new ArrayList<>();
        for (String lang : config.languages()) {
            languages.add(map("code", lang, "name", Languages.name(lang)));
        }
        return map("languages", languages, "defaultLanguage", config.defaultLanguage(), "baseUrl", config.baseUrl(),
                "basePath", base, "assets", base + "/assets", "preview", config.preview(),
                "shareImage", map("url", config.baseUrl() + "/assets/share-default.png", "width", 1200, "height", 630),
                "voteApi", config.voteApi(), "voteOrigin", config.voteOrigin());
    }

    private List<Map<String, Object>> nav(String lang, String current) {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(navItem(site.t(lang, "nav.home"), site.path(lang, ""), current));
        items.add(navItem(site.t(lang, "nav.innovators"), site.path(lang, "innovators/"), current));
        items.add(navItem(site.t(lang, "nav.campaigns"), site.path(lang, "campaigns/"), current));
        items.add(navItem(site.t(lang, "nav.news"), site.path(lang, "news/"), current));
        items.add(navItem(site.t(lang, "nav.themes"), site.path(lang, "themes/"), current));
        for (String[] entry : menuPages.computeIfAbsent(lang, this::menuPages)) {
            items.add(navItem(entry[0], entry[1], current));
        }
        return items;
    }

    /** The pages in the menu of a language, as label and path, found once per build rather than once per page. */
    private List<String[]> menuPages(String lang) {
        return site.content().pages().values().stream()
                .map(page -> site.pick(page, lang))
                .filter(text -> text != null && text.menu() != null)
                .sorted(Comparator.comparing(PageText::menu))
                .map(text -> new String[] {text.title(), site.path(lang, text.source().path().getParent().getFileName() + "/")})
                .collect(Collectors.toList());
    }

    private static Map<String, Object> navItem(String label, String path, String current) {
        return map("label", label, "path", path, "current", path.equals(current));
    }
}
