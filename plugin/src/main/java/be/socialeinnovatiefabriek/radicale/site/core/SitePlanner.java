package be.socialeinnovatiefabriek.radicale.site.core;

import static be.socialeinnovatiefabriek.radicale.site.core.ViewContext.map;

import be.socialeinnovatiefabriek.radicale.site.core.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.core.Content.EditionText;
import be.socialeinnovatiefabriek.radicale.site.core.Content.InnovatorText;
import be.socialeinnovatiefabriek.radicale.site.core.Content.NewsText;
import be.socialeinnovatiefabriek.radicale.site.core.Content.PageText;
import be.socialeinnovatiefabriek.radicale.site.core.Content.StatementText;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides every page of the site and builds the model each template receives, as described in
 * site-template/README.md. Lists and navigation are built here, not queried from a database.
 */
final class SitePlanner {

    private final ViewContext site;
    private final Content content;
    private final InnovatorViews innovators;
    private final CampaignViews campaigns;
    private final NewsViews news;
    private final PageJobs pages;

    SitePlanner(SiteConfig config, Content content, Messages messages, SiteMedia media) {
        this.site = new ViewContext(config, content, messages, media);
        this.content = content;
        this.innovators = new InnovatorViews(site);
        this.campaigns = new CampaignViews(site, innovators);
        this.news = new NewsViews(config, content);
        this.pages = new PageJobs(site, campaigns);
    }

    /** Every page of the site, in every language. */
    List<PageJob> plan() {
        List<PageJob> jobs = new ArrayList<>();
        String defaultLanguage = site.config().defaultLanguage();
        jobs.add(pages.listing("index.html", "language-select", defaultLanguage, "", lang -> "/", Map.of()));
        jobs.add(pages.listing("404.html", "404", defaultLanguage, "", lang -> "/404.html", Map.of()));
        for (String lang : site.config().languages()) {
            planLanguage(lang, jobs);
        }
        return jobs;
    }

    /** The pages of one language, section by section, in the order the sitemap lists them. */
    private void planLanguage(String lang, List<PageJob> jobs) {
        List<Map<String, Object>> newsItems = news.list(lang);
        Set<Path> newsSources = content.news().values().stream().map(item -> site.pick(item, lang)).filter(Objects::nonNull)
                .map(text -> text.source().path()).collect(Collectors.toSet());
        PageJob home = pages.listing(lang + "/index.html", "home", lang, site.t(lang, "nav.home"), l -> "/" + l + "/",
                Map.of("latestNews", newsItems.subList(0, Math.min(NewsViews.LATEST, newsItems.size()))), newsSources);
        jobs.add(PageJobs.withJsonLd(home, StructuredData.organisation(site.t(lang, "org.name"), site.config().baseUrl() + "/")));
        jobs.add(pages.listing(lang + "/404.html", "404", lang, site.t(lang, "404.title"), l -> "/" + l + "/404.html", Map.of()));
        List<Map<String, Object>> innovatorCards = planInnovators(lang, jobs);
        planCampaigns(lang, jobs);
        planNews(lang, newsItems, newsSources, jobs);
        planPages(lang, jobs);
        planAccessibility(lang, jobs);
        planThemes(lang, innovatorCards, jobs);
    }

    /** The list of innovators and a profile each; returns the cards of the list, which the theme pages group. */
    private List<Map<String, Object>> planInnovators(String lang, List<PageJob> jobs) {
        String root = lang + "/";
        List<Map<String, Object>> cards = innovators.cards(lang);
        jobs.add(pages.listing(root + "innovators/index.html", "innovators", lang, site.t(lang, "nav.innovators"), l -> "/" + l + "/innovators/",
                Map.of("innovators", cards)));
        for (Bundle<InnovatorText> innovator : content.innovators().values()) {
            InnovatorText text = site.pick(innovator, lang);
            if (text != null) {
                Map<String, Object> view = innovators.profile(innovator, lang, campaigns.votesFor(innovator.slug(), lang));
                PageJob profile = pages.bundlePage(root + "innovators/" + innovator.slug() + "/index.html", "innovator", lang, innovator, text,
                        l -> "/" + l + "/innovators/" + innovator.slug() + "/", text.tagline(), Map.of("innovator", view));
                shareImage(profile, innovator.slug(), lang, text.name());
                jobs.add(profile);
            }
        }
        return cards;
    }

    /** The archive, and per edition its page, its vote pages and, when there are any, its posters. */
    private void planCampaigns(String lang, List<PageJob> jobs) {
        String root = lang + "/";
        jobs.add(pages.listing(root + "campaigns/index.html", "archive", lang, site.t(lang, "nav.campaigns"), l -> "/" + l + "/campaigns/", Map.of()));
        for (Bundle<EditionText> edition : content.editions().values()) {
            EditionText text = site.pick(edition, lang);
            if (text == null) {
                continue;
            }
            String editionRoot = "campaigns/" + edition.slug() + "/";
            Map<String, Object> view = campaigns.page(edition, lang);
            PageJob editionPage = pages.bundlePage(root + editionRoot + "index.html", "edition", lang, edition, text,
                    l -> "/" + l + "/" + editionRoot, text.summary() == null ? "" : text.summary(), Map.of("edition", view));
            jobs.add(PageJobs.withJsonLd(editionPage, StructuredData.edition(view, site.absolute(site.path(lang, editionRoot)), text.lang(),
                    Map.of("jury", site.t(lang, "edition.prize.jury"), "audience", site.t(lang, "edition.prize.audience")),
                    site.t(lang, "org.name"), site.config().baseUrl() + "/", site::absolute)));
            Map<String, Object> card = campaigns.card(edition, lang);
            jobs.add(pages.listing(root + editionRoot + VotePages.VOTE + "index.html", "vote", lang,
                    site.t(lang, "vote.page.title") + " – " + text.title(), l -> "/" + l + "/" + editionRoot + VotePages.VOTE, Map.of("edition", card)));
            jobs.add(pages.listing(root + editionRoot + VotePages.RESULTS + "index.html", "results", lang,
                    site.t(lang, "results.title") + " – " + text.title(), l -> "/" + l + "/" + editionRoot + VotePages.RESULTS, Map.of("edition", card)));
            VotePages.STATUS.forEach((key, path) -> jobs.add(pages.listing(root + editionRoot + path + "index.html", "vote-status", lang,
                    site.t(lang, "vote." + key + ".title"), l -> "/" + l + "/" + editionRoot + path, Map.of("edition", card, "voteStatus", key))));
            List<Map<String, Object>> printed = campaigns.posterRows(edition, lang);
            if (!printed.isEmpty()) {
                jobs.add(pages.listing(root + editionRoot + "posters/index.html", "posters", lang, site.t(lang, "posters.title") + " – " + text.title(),
                        l -> "/" + l + "/" + editionRoot + "posters/", Map.of("edition", card, "posters", printed)));
            }
        }
    }

    private void planNews(String lang, List<Map<String, Object>> newsItems, Set<Path> newsSources, List<PageJob> jobs) {
        String root = lang + "/";
        jobs.add(pages.listing(root + "news/index.html", "news", lang, site.t(lang, "nav.news"), NewsViews::listRoute, Map.of("news", newsItems),
                newsSources));
        for (Bundle<NewsText> item : content.news().values()) {
            NewsText text = site.pick(item, lang);
            if (text != null) {
                jobs.add(pages.bundlePage(root + "news/" + item.slug() + "/index.html", "news-item", lang, item, text,
                        l -> NewsViews.itemRoute(l, item.slug()), text.description(), Map.of("newsItem", news.view(item, lang, true))));
            }
        }
    }

    private void planPages(String lang, List<PageJob> jobs) {
        for (Bundle<PageText> page : content.pages().values()) {
            PageText text = site.pick(page, lang);
            if (text != null) {
                jobs.add(pages.bundlePage(lang + "/" + page.slug() + "/index.html", "page", lang, page, text,
                        l -> "/" + l + "/" + page.slug() + "/", text.description(), Map.of()));
            }
        }
    }

    /** The accessibility statement, when content/accessibility/ has one: its facts as the model statement sets them out. */
    private void planAccessibility(String lang, List<PageJob> jobs) {
        for (Bundle<StatementText> bundle : content.accessibility().values()) {
            StatementText text = site.pick(bundle, lang);
            if (text == null) {
                continue;
            }
            DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Languages.locale(lang));
            Map<String, Object> statement = map("conformance", text.conformance(), "method", text.method(),
                    "evaluated", text.evaluated().toString(), "evaluatedText", dates.format(text.evaluated()),
                    "prepared", text.prepared().toString(), "preparedText", dates.format(text.prepared()),
                    "contact", map("href", AccessibilitySchema.contactHref(text.contact()),
                            "text", text.contact().replaceFirst("^https?://", "").replaceFirst("/$", "")),
                    "website", site.config().baseUrl().replaceFirst("^https?://", ""));
            LocalDate reviewed = text.reviewed();
            if (reviewed != null) {
                statement.put("reviewed", reviewed.toString());
                statement.put("reviewedText", dates.format(reviewed));
            }
            jobs.add(pages.bundlePage(lang + "/" + ContentLoader.ACCESSIBILITY + "/index.html", "accessibility", lang, bundle, text,
                    l -> "/" + l + "/" + ContentLoader.ACCESSIBILITY + "/", text.description(), Map.of("statement", statement)));
        }
    }

    /** A page per theme with the innovators of {@code innovatorCards} that work on it, and the list of themes. */
    private void planThemes(String lang, List<Map<String, Object>> innovatorCards, List<PageJob> jobs) {
        List<Map<String, Object>> themes = new ArrayList<>();
        for (String theme : innovators.themesIn(lang)) {
            List<Map<String, Object>> members = new ArrayList<>();
            for (Map<String, Object> card : innovatorCards) {
                if (((List<?>) card.get("themeIds")).contains(theme)) {
                    members.add(card);
                }
            }
            Map<String, Object> summary = map("id", theme, "label", site.t(lang, "theme." + theme), "path", site.path(lang, "themes/" + theme + "/"),
                    "count", members.size());
            themes.add(summary);
            Map<String, Object> full = new LinkedHashMap<>(summary);
            full.put("innovators", members);
            jobs.add(pages.listing(lang + "/themes/" + theme + "/index.html", "theme", lang, site.t(lang, "theme." + theme),
                    l -> "/" + l + "/themes/" + theme + "/", Map.of("theme", full)));
        }
        jobs.add(pages.listing(lang + "/themes/index.html", "themes", lang, site.t(lang, "nav.themes"), l -> "/" + l + "/themes/",
                Map.of("themes", themes)));
    }

    /** The nominee's share card for the newest edition still voting, as the page's image for social media. */
    private void shareImage(PageJob profile, String slug, String lang, String name) {
        for (Bundle<EditionText> edition : content.editions().values()) {
            String card = site.media().card(edition.slug(), slug, lang);
            if (card != null) {
                Map<String, Object> page = PageJobs.page(profile);
                page.put("image", site.absolute(site.base() + card));
                page.put("imageAlt", site.t(lang, "share.callToVote").replace("{0}", name));
                return;
            }
        }
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
