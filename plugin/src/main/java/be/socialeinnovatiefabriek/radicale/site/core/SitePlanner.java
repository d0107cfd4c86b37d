package be.socialeinnovatiefabriek.radicale.site.core;

import be.socialeinnovatiefabriek.radicale.site.core.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.core.Content.EditionText;
import be.socialeinnovatiefabriek.radicale.site.core.Content.InnovatorText;
import be.socialeinnovatiefabriek.radicale.site.core.Content.NewsText;
import be.socialeinnovatiefabriek.radicale.site.core.Content.PageText;
import be.socialeinnovatiefabriek.radicale.site.core.Content.Text;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides every page of the site and builds the model each template receives, as described in
 * site-template/README.md. Lists and navigation are built here, not queried from a database.
 */
final class SitePlanner {

    private final SiteConfig config;
    private final Content content;
    private final Messages messages;
    private final String base;
    private final SiteMedia media;
    private final NewsViews news;
    private final Map<String, List<Map<String, Object>>> editionsByLanguage = new java.util.HashMap<>();
    private final Map<String, List<String[]>> menuPages = new java.util.HashMap<>();

    SitePlanner(SiteConfig config, Content content, Messages messages, SiteMedia media) {
        this.config = config;
        this.media = media;
        this.content = content;
        this.messages = messages;
        this.base = config.basePath();
        this.news = new NewsViews(config, content);
    }

    private List<Map<String, Object>> editionViews(String lang) {
        List<Map<String, Object>> editions = new ArrayList<>();
        for (Bundle<EditionText> edition : content.editions().values()) {
            if (pick(edition, lang) != null) {
                editions.add(editionView(edition, lang, false));
            }
        }
        return editions;
    }

    /** Every page of the site, in every language. */
    List<PageJob> plan() {
        List<PageJob> jobs = new ArrayList<>();
        String defaultLanguage = config.defaultLanguage();
        jobs.add(listing("index.html", "language-select", defaultLanguage, "", lang -> "/" , Map.of()));
        jobs.add(listing("404.html", "404", defaultLanguage, "", lang -> "/404.html", Map.of()));
        for (String lang : config.languages()) {
            planLanguage(lang, jobs);
        }
        return jobs;
    }

    /** Themes used by at least one published innovator in {@code lang}, by label. */
    private List<String> themesIn(String lang) {
        Set<String> ids = new TreeSet<>();
        for (Bundle<InnovatorText> innovator : content.innovators().values()) {
            InnovatorText text = pick(innovator, lang);
            if (text != null) {
                ids.addAll(text.themes());
            }
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(Comparator.comparing(id -> messages.get(lang, "theme." + id), collator(lang)));
        return sorted;
    }

    private void planLanguage(String lang, List<PageJob> jobs) {
        String root = lang + "/";
        List<Map<String, Object>> newsItems = news.list(lang);
        Set<Path> newsSources = content.news().values().stream().map(item -> news.pick(item, lang)).filter(Objects::nonNull)
                .map(text -> text.source().path()).collect(Collectors.toSet());
        PageJob home = listing(root + "index.html", "home", lang, t(lang, "nav.home"), l -> "/" + l + "/",
                Map.of("latestNews", newsItems.subList(0, Math.min(NewsViews.LATEST, newsItems.size()))), newsSources);
        jobs.add(withJsonLd(home, StructuredData.organisation(t(lang, "org.name"), config.baseUrl() + "/")));
        jobs.add(listing(root + "404.html", "404", lang, t(lang, "404.title"), l -> "/" + l + "/404.html", Map.of()));

        List<Map<String, Object>> innovatorCards = new ArrayList<>();
        for (Bundle<InnovatorText> innovator : content.innovators().values()) {
            if (pick(innovator, lang) != null) {
                innovatorCards.add(innovatorView(innovator, lang, false));
            }
        }
        innovatorCards.sort(Comparator.comparing(view -> (String) view.get("name"), collator(lang)));
        jobs.add(listing(root + "innovators/index.html", "innovators", lang, t(lang, "nav.innovators"), l -> "/" + l + "/innovators/",
                Map.of("innovators", innovatorCards)));
        for (Bundle<InnovatorText> innovator : content.innovators().values()) {
            InnovatorText text = pick(innovator, lang);
            if (text != null) {
                Map<String, Object> view = innovatorView(innovator, lang, true);
                PageJob profile = bundlePage(root + "innovators/" + innovator.slug() + "/index.html", "innovator", lang, innovator, text,
                        l -> "/" + l + "/innovators/" + innovator.slug() + "/", text.tagline(), Map.of("innovator", view));
                shareImage(profile, innovator.slug(), lang, text.name());
                jobs.add(profile);
            }
        }

        jobs.add(listing(root + "campaigns/index.html", "archive", lang, t(lang, "nav.campaigns"), l -> "/" + l + "/campaigns/", Map.of()));
        for (Bundle<EditionText> edition : content.editions().values()) {
            EditionText text = pick(edition, lang);
            if (text != null) {
                String editionRoot = "campaigns/" + edition.slug() + "/";
                Map<String, Object> view = editionView(edition, lang, true);
                PageJob editionPage = bundlePage(root + editionRoot + "index.html", "edition", lang, edition, text,
                        l -> "/" + l + "/" + editionRoot, text.summary() == null ? "" : text.summary(), Map.of("edition", view));
                jobs.add(withJsonLd(editionPage, StructuredData.edition(view, absolute(path(lang, editionRoot)), text.lang(),
                        Map.of("jury", t(lang, "edition.prize.jury"), "audience", t(lang, "edition.prize.audience")),
                        t(lang, "org.name"), config.baseUrl() + "/", this::absolute)));
                Map<String, Object> card = editionView(edition, lang, false);
                jobs.add(listing(root + editionRoot + VotePages.VOTE + "index.html", "vote", lang,
                        t(lang, "vote.page.title") + " – " + text.title(), l -> "/" + l + "/" + editionRoot + VotePages.VOTE, Map.of("edition", card)));
                jobs.add(listing(root + editionRoot + VotePages.RESULTS + "index.html", "results", lang,
                        t(lang, "results.title") + " – " + text.title(), l -> "/" + l + "/" + editionRoot + VotePages.RESULTS, Map.of("edition", card)));
                VotePages.STATUS.forEach((key, path) -> jobs.add(listing(root + editionRoot + path + "index.html", "vote-status", lang,
                        t(lang, "vote." + key + ".title"), l -> "/" + l + "/" + editionRoot + path, Map.of("edition", card, "voteStatus", key))));
                List<Map<String, Object>> printed = posterRows(edition, lang);
                if (!printed.isEmpty()) {
                    jobs.add(listing(root + editionRoot + "posters/index.html", "posters", lang, t(lang, "posters.title") + " – " + text.title(),
                            l -> "/" + l + "/" + editionRoot + "posters/", Map.of("edition", card, "posters", printed)));
                }
            }
        }

        jobs.add(listing(root + "news/index.html", "news", lang, t(lang, "nav.news"), NewsViews::listRoute, Map.of("news", newsItems), newsSources));
        for (Bundle<NewsText> item : content.news().values()) {
            NewsText text = news.pick(item, lang);
            if (text != null) {
                jobs.add(bundlePage(root + "news/" + item.slug() + "/index.html", "news-item", lang, item, text,
                        l -> NewsViews.itemRoute(l, item.slug()), text.description(), Map.of("newsItem", news.view(item, lang, true))));
            }
        }

        for (Bundle<PageText> page : content.pages().values()) {
            PageText text = pick(page, lang);
            if (text != null) {
                jobs.add(bundlePage(root + page.slug() + "/index.html", "page", lang, page, text,
                        l -> "/" + l + "/" + page.slug() + "/", text.description(), Map.of()));
            }
        }

        List<Map<String, Object>> themes = new ArrayList<>();
        for (String theme : themesIn(lang)) {
            List<Map<String, Object>> members = new ArrayList<>();
            for (Map<String, Object> card : innovatorCards) {
                if (((List<?>) card.get("themeIds")).contains(theme)) {
                    members.add(card);
                }
            }
            Map<String, Object> summary = map("id", theme, "label", t(lang, "theme." + theme), "path", path(lang, "themes/" + theme + "/"),
                    "count", members.size());
            themes.add(summary);
            Map<String, Object> full = new LinkedHashMap<>(summary);
            full.put("innovators", members);
            jobs.add(listing(root + "themes/" + theme + "/index.html", "theme", lang, t(lang, "theme." + theme),
                    l -> "/" + l + "/themes/" + theme + "/", Map.of("theme", full)));
        }
        jobs.add(listing(root + "themes/index.html", "themes", lang, t(lang, "nav.themes"), l -> "/" + l + "/themes/", Map.of("themes", themes)));
    }

    /** The nominee's share card for the newest edition still voting, as the page's image for social media. */
    private void shareImage(PageJob profile, String slug, String lang, String name) {
        for (Bundle<EditionText> edition : content.editions().values()) {
            String card = media.card(edition.slug(), slug, lang);
            if (card != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> page = (Map<String, Object>) profile.model().get("page");
                page.put("image", absolute(base + card));
                page.put("imageAlt", t(lang, "share.callToVote").replace("{0}", name));
                return;
            }
        }
    }

    /** For staff: every nominee's poster and share card of an edition, in every language. */
    private List<Map<String, Object>> posterRows(Bundle<EditionText> edition, String lang) {
        List<Map<String, Object>> rows = new ArrayList<>();
        EditionText original = edition.texts().get(config.defaultLanguage());
        for (String slug : original.nominees()) {
            Bundle<InnovatorText> innovator = content.innovators().get(slug);
            List<Map<String, Object>> files = new ArrayList<>();
            for (String other : config.languages()) {
                String poster = media.poster(edition.slug(), slug, other);
                String card = media.card(edition.slug(), slug, other);
                if (poster != null) {
                    files.add(map("lang", other, "name", languageName(other), "poster", base + poster, "card", base + card));
                }
            }
            if (!files.isEmpty()) {
                rows.add(map("name", pick(innovator, lang).name(), "path", path(lang, "innovators/" + slug + "/"), "files", files));
            }
        }
        return rows;
    }

    /** A page that exists in every language: home, listings, 404. */
    private PageJob listing(String output, String type, String lang, String title, Function<String, String> route, Map<String, Object> extra) {
        return listing(output, type, lang, title, route, extra, Set.of());
    }

    /** A listing that shows some of the text of {@code sources}: an edit to that text re-renders it. */
    private PageJob listing(String output, String type, String lang, String title, Function<String, String> route, Map<String, Object> extra,
                            Set<Path> sources) {
        Map<String, Object> page = pageModel(type, lang, title, "", route, config.languages(), lang, false, "published", "");
        return job(output, type, lang, page, extra, sources, config.contentDir());
    }

    /** A page made from one bundle: it exists natively in the languages the bundle has. */
    private PageJob bundlePage(String output, String type, String lang, Bundle<? extends Text> bundle, Text text,
                               Function<String, String> route, String description, Map<String, Object> extra) {
        List<String> natives = new ArrayList<>(bundle.texts().keySet());
        boolean fallback = !text.lang().equals(lang);
        Map<String, Object> page = pageModel(type, lang, text.title(), description == null ? "" : description, route, natives,
                text.lang(), fallback, text.status(), text.bodyHtml());
        return job(output, type, lang, page, extra, Set.of(text.source().path()), text.source().path());
    }

    /** Adds schema.org JSON-LD (already safe inside a script element) to the page model as page.jsonLd. */
    @SuppressWarnings("unchecked")
    private static PageJob withJsonLd(PageJob job, String json) {
        ((Map<String, Object>) job.model().get("page")).put("jsonLd", json);
        return job;
    }

    private PageJob job(String output, String type, String lang, Map<String, Object> page, Map<String, Object> extra,
                        Set<Path> sources, Path origin) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lang", lang);
        model.put("t", messages.of(lang));
        model.put("site", siteModel());
        model.put("page", page);
        model.put("nav", nav(lang, (String) page.get("path")));
        if (content.pages().containsKey("privacy") && pick(content.pages().get("privacy"), lang) != null) {
            model.put("privacyPath", path(lang, "privacy/"));
        }
        if (output.startsWith(lang + "/")) {
            model.put("newsPath", base + NewsViews.listRoute(lang));
            model.put("feed", map("path", base + NewsFeedWriter.route(lang), "url", config.baseUrl() + NewsFeedWriter.route(lang),
                    "title", t(lang, "news.feed.title")));
        }
        List<Map<String, Object>> editions = editionsByLanguage.computeIfAbsent(lang, this::editionViews);
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
        List<Map<String, Object>> alternates = new ArrayList<>();
        for (String other : config.languages()) {
            if (natives.contains(other)) {
                String otherPath = base + route.apply(other);
                alternates.add(map("lang", other, "name", languageName(other), "path", otherPath, "url", absolute(otherPath),
                        "locale", shareLocale(other)));
            }
        }
        String path = base + route.apply(lang);
        String canonicalLang = fallback ? contentLang : lang;
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("type", type);
        page.put("title", title);
        page.put("description", description);
        page.put("path", path);
        page.put("canonical", absolute(base + route.apply(canonicalLang)));
        page.put("alternates", alternates);
        page.put("xDefault", absolute(base + route.apply(natives.contains(config.defaultLanguage()) ? config.defaultLanguage() : natives.get(0))));
        page.put("fallback", fallback);
        page.put("contentLang", contentLang);
        page.put("locale", shareLocale(contentLang));
        page.put("status", status);
        page.put("bodyHtml", bodyHtml);
        return page;
    }

    private Map<String, Object> siteModel() {
        List<Map<String, Object>> languages = new ArrayList<>();
        for (String lang : config.languages()) {
            languages.add(map("code", lang, "name", languageName(lang)));
        }
        return map("languages", languages, "defaultLanguage", config.defaultLanguage(), "baseUrl", config.baseUrl(),
                "basePath", base, "assets", base + "/assets", "preview", config.preview(),
                "shareImage", map("url", config.baseUrl() + "/assets/share-default.png", "width", 1200, "height", 630),
                "voteApi", config.voteApi(), "voteOrigin", config.voteOrigin());
    }

    private List<Map<String, Object>> nav(String lang, String current) {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(navItem(t(lang, "nav.home"), path(lang, ""), current));
        items.add(navItem(t(lang, "nav.innovators"), path(lang, "innovators/"), current));
        items.add(navItem(t(lang, "nav.campaigns"), path(lang, "campaigns/"), current));
        items.add(navItem(t(lang, "nav.news"), path(lang, "news/"), current));
        items.add(navItem(t(lang, "nav.themes"), path(lang, "themes/"), current));
        for (String[] entry : menuPages.computeIfAbsent(lang, this::menuPages)) {
            items.add(navItem(entry[0], entry[1], current));
        }
        return items;
    }

    /** The pages in the menu of a language, as label and path, found once per build rather than once per page. */
    private List<String[]> menuPages(String lang) {
        return content.pages().values().stream()
                .map(page -> pick(page, lang))
                .filter(text -> text != null && text.menu() != null)
                .sorted(Comparator.comparing(PageText::menu))
                .map(text -> new String[] {text.title(), path(lang, text.source().path().getParent().getFileName() + "/")})
                .collect(java.util.stream.Collectors.toList());
    }

    private Map<String, Object> navItem(String label, String path, String current) {
        return map("label", label, "path", path, "current", path.equals(current));
    }

    private Map<String, Object> innovatorView(Bundle<InnovatorText> bundle, String lang, boolean withBody) {
        InnovatorText text = pick(bundle, lang);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("slug", bundle.slug());
        view.put("name", text.name());
        view.put("tagline", text.tagline());
        putIfPresent(view, "organisation", text.organisation());
        putIfPresent(view, "region", text.region());
        putIfPresent(view, "website", text.website());
        view.put("path", path(lang, "innovators/" + bundle.slug() + "/"));
        view.put("lang", text.lang());
        view.put("fallback", !text.lang().equals(lang));
        List<Map<String, Object>> themes = new ArrayList<>();
        for (String theme : text.themes()) {
            themes.add(map("id", theme, "label", t(lang, "theme." + theme), "path", path(lang, "themes/" + theme + "/")));
        }
        view.put("themes", themes);
        view.put("themeIds", text.themes());
        SiteMedia.Photo photo = media.photo(bundle.dir().resolve(text.photo()));
        view.put("photo", map("path", photo.src(), "srcset", photo.srcset(), "webpSrcset", photo.webpSrcset(), "alt", text.photoAlt(),
                "width", photo.width(), "height", photo.height()));
        List<Map<String, Object>> editions = new ArrayList<>();
        for (Bundle<EditionText> edition : content.editions().values()) {
            EditionText editionText = pick(edition, lang);
            if (editionText != null && editionText.nominees().contains(bundle.slug())) {
                editions.add(map("year", edition.slug(), "title", editionText.title(), "path", path(lang, "campaigns/" + edition.slug() + "/")));
            }
        }
        view.put("editions", editions);
        if (withBody) {
            List<Map<String, Object>> votes = new ArrayList<>();
            for (Bundle<EditionText> edition : content.editions().values()) {
                EditionText editionText = pick(edition, lang);
                if (editionText != null && editionText.nominees().contains(bundle.slug())
                        && !"closed".equals(phase(editionText.opens(), editionText.closes()))) {
                    votes.add(editionView(edition, lang, false));
                }
            }
            view.put("votes", votes);
            List<Map<String, Object>> posters = new ArrayList<>();
            for (Map<String, Object> running : votes) {
                String poster = media.poster((String) running.get("year"), bundle.slug(), lang);
                if (poster != null) {
                    posters.add(map("year", running.get("year"), "title", running.get("title"), "path", base + poster));
                }
            }
            view.put("posters", posters);
        }
        view.put("bodyHtml", withBody ? text.bodyHtml() : "");
        return view;
    }

    private Map<String, Object> editionView(Bundle<EditionText> bundle, String lang, boolean withBody) {
        EditionText text = pick(bundle, lang);
        Locale locale = locale(lang);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("year", bundle.slug());
        view.put("title", text.title());
        putIfPresent(view, "summary", text.summary());
        putIfPresent(view, "jury", text.jury());
        view.put("path", path(lang, "campaigns/" + bundle.slug() + "/"));
        view.put("votePath", path(lang, "campaigns/" + bundle.slug() + "/" + VotePages.VOTE));
        view.put("resultsPath", path(lang, "campaigns/" + bundle.slug() + "/" + VotePages.RESULTS));
        view.put("voteAction", config.voteApi() + "/campaigns/" + bundle.slug() + "/votes");
        view.put("opens", text.opens().toString());
        view.put("closes", text.closes().toString());
        view.put("opensText", format.format(text.opens().atZoneSameInstant(config.zone())));
        view.put("closesText", format.format(text.closes().atZoneSameInstant(config.zone())));
        view.put("phase", phase(text.opens(), text.closes()));
        view.put("results", text.results());
        view.put("verification", text.verification());
        view.put("votesPerVoter", text.votesPerVoter());
        List<Map<String, Object>> nominees = new ArrayList<>();
        for (String slug : text.nominees()) {
            Bundle<InnovatorText> innovator = content.innovators().get(slug);
            if (innovator != null && pick(innovator, lang) != null) {
                nominees.add(innovatorView(innovator, lang, false));
            }
        }
        view.put("nominees", nominees);
        Map<String, Object> winners = new LinkedHashMap<>();
        text.winners().forEach((role, slug) -> nominees.stream().filter(n -> slug.equals(n.get("slug"))).findFirst()
                .ifPresent(n -> winners.put(role, n)));
        view.put("winners", winners);
        view.put("lang", text.lang());
        view.put("fallback", !text.lang().equals(lang));
        view.put("bodyHtml", withBody ? text.bodyHtml() : "");
        return view;
    }

    private String phase(OffsetDateTime opens, OffsetDateTime closes) {
        if (config.now().isBefore(opens)) {
            return "upcoming";
        }
        return config.now().isBefore(closes) ? "open" : "closed";
    }

    /** The text in {@code lang}, or the default language's text to fall back on, or null. */
    private <T extends Text> T pick(Bundle<T> bundle, String lang) {
        T text = bundle.texts().get(lang);
        return text != null ? text : bundle.texts().get(config.defaultLanguage());
    }

    private String path(String lang, String rest) {
        return base + "/" + lang + "/" + rest;
    }

    private String absolute(String sitePath) {
        String origin = config.baseUrl().substring(0, config.baseUrl().length() - base.length());
        return origin + sitePath;
    }

    private String t(String lang, String key) {
        return messages.get(lang, key);
    }

    /** Locale for dates and sorting: the language as used in Belgium (24-hour clock, day before month). */
    static Locale locale(String lang) {
        return Locale.forLanguageTag(lang + "-BE");
    }

    /**
     * The Open Graph locale (language_TERRITORY) of a language: the Belgian variant where social
     * networks know one, British English for English (the site's spelling), German as in Germany; else the bare code.
     */
    static String shareLocale(String lang) {
        return switch (lang) {
            case "nl", "fr" -> lang + "_BE";
            case "en" -> "en_GB";
            case "de" -> "de_DE";
            default -> lang;
        };
    }

    static String languageName(String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? lang : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private static Comparator<String> collator(String lang) {
        java.text.Collator collator = java.text.Collator.getInstance(locale(lang));
        return collator::compare;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Pages per language, in the order of the languages setting; pages outside a language folder are left out. */
    static Map<String, Integer> countByLanguage(List<PageJob> jobs, List<String> languages) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        languages.forEach(lang -> counts.put(lang, 0));
        for (PageJob job : jobs) {
            int slash = job.output().indexOf('/');
            if (slash > 0) {
                counts.computeIfPresent(job.output().substring(0, slash), (lang, count) -> count + 1);
            }
        }
        return counts;
    }
}
