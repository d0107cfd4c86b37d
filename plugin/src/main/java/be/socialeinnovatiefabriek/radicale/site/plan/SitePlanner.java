package be.socialeinnovatiefabriek.radicale.site.plan;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.content.Content.EditionText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.InnovatorText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.NewsText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.PageText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.StatementText;
import be.socialeinnovatiefabriek.radicale.site.content.Content;
import be.socialeinnovatiefabriek.radicale.site.i18n.Languages;
import be.socialeinnovatiefabriek.radicale.site.i18n.Messages;
import be.socialeinnovatiefabriek.radicale.site.media.SiteMedia;
import be.socialeinnovatiefabriek.radicale.site.plan.PageModels.Extras;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Decides every page of the site and makes the typed model each template receives, as described in
 * site-template/README.md. Lists and navigation are made here, not queried from a database.
 */
public final class SitePlanner {

    private final ViewContext site;
    private final Content content;
    private final Routes routes;
    private final InnovatorViews innovators;
    private final EditionViews editions;
    private final NewsViews news;
    private final PageModels pages;

    public SitePlanner(SiteConfig config, Content content, Messages messages, SiteMedia media) {
        this.routes = new Routes(config);
        this.site = new ViewContext(config, content, messages, media, routes);
        this.content = content;
        this.innovators = new InnovatorViews(site);
        this.editions = new EditionViews(site, innovators);
        this.news = new NewsViews(site);
        this.pages = new PageModels(site, editions);
    }

    /** Every page of the site, in every language; two pages at one address are a problem naming both. */
    public List<PageJob> plan(Problems problems) {
        List<PageJob> jobs = new ArrayList<>();
        String defaultLanguage = site.config().defaultLanguage();
        jobs.add(pages.listing(PageType.LANGUAGE_SELECT, defaultLanguage, "", lang -> routes.languageSelect(), new PageContent.None(),
                Extras.NONE));
        jobs.add(pages.listing(PageType.NOT_FOUND, defaultLanguage, "", lang -> routes.notFound(), new PageContent.None(), Extras.NONE));
        for (String lang : site.config().languages()) {
            planLanguage(lang, jobs);
        }
        checkAddresses(jobs, problems);
        return jobs;
    }

    /** Two sources that would publish to the same address: name both. */
    private void checkAddresses(List<PageJob> jobs, Problems problems) {
        SiteConfig config = site.config();
        Map<String, PageJob> byOutput = new TreeMap<>();
        Set<Path> reported = new HashSet<>();
        for (PageJob job : jobs) {
            PageJob other = byOutput.putIfAbsent(job.output(), job);
            if (other != null && reported.add(job.origin().equals(config.contentDir()) ? other.origin() : job.origin())) {
                PageJob page = job.origin().equals(config.contentDir()) ? other : job;
                PageJob claimed = page == job ? other : job;
                problems.add(page.origin(), 0, "this page would be published at " + routes.withinSite(job.model().page().path())
                                + ", which is already taken by "
                                + (claimed.origin().equals(config.contentDir()) ? "the site's " + claimed.type() + " page"
                                : config.projectDir().relativize(claimed.origin()).toString()),
                        "rename the page's folder");
            }
        }
    }

    /** The pages of one language, section by section, in the order the sitemap lists them. */
    private void planLanguage(String lang, List<PageJob> jobs) {
        List<NewsView> newsItems = news.list(lang);
        Set<Path> newsSources = content.news().values().stream().map(item -> site.pick(item, lang)).filter(Objects::nonNull)
                .map(text -> text.source().path()).collect(Collectors.toSet());
        jobs.add(pages.listing(PageType.HOME, lang, site.t(lang, "nav.home"), routes::home,
                new PageContent.Home(newsItems.subList(0, Math.min(NewsViews.LATEST, newsItems.size()))),
                Extras.jsonLd(StructuredData.organisation(site.t(lang, "org.name"), routes.absolute(routes.languageSelect()))), newsSources));
        jobs.add(pages.listing(PageType.NOT_FOUND, lang, site.t(lang, "404.title"), routes::notFound, new PageContent.None(), Extras.NONE));
        List<InnovatorView> innovatorCards = planInnovators(lang, jobs);
        planEditions(lang, jobs);
        planNews(lang, newsItems, newsSources, jobs);
        planPages(lang, jobs);
        planAccessibility(lang, jobs);
        planThemes(lang, innovatorCards, jobs);
    }

    /** The list of innovators and a profile each; returns the cards of the list, which the theme pages group. */
    private List<InnovatorView> planInnovators(String lang, List<PageJob> jobs) {
        List<InnovatorView> cards = innovators.cards(lang);
        jobs.add(pages.listing(PageType.INNOVATORS, lang, site.t(lang, "nav.innovators"), routes::innovators,
                new PageContent.Innovators(cards), Extras.NONE));
        for (Bundle<InnovatorText> innovator : content.innovators().values()) {
            InnovatorText text = site.pick(innovator, lang);
            if (text != null) {
                InnovatorView view = innovators.profile(innovator, lang, editions.votesFor(innovator.slug(), lang));
                jobs.add(pages.bundlePage(PageType.INNOVATOR, lang, innovator, text, l -> routes.innovator(l, innovator.slug()),
                        text.tagline(), new PageContent.Innovator(view), shareImage(innovator.slug(), lang, text.name())));
            }
        }
        return cards;
    }

    /** The archive, and per edition its page, its vote pages and, when there are any, its posters. */
    private void planEditions(String lang, List<PageJob> jobs) {
        jobs.add(pages.listing(PageType.ARCHIVE, lang, site.t(lang, "nav.campaigns"), routes::campaigns, new PageContent.None(), Extras.NONE));
        for (Bundle<EditionText> edition : content.editions().values()) {
            EditionText text = site.pick(edition, lang);
            if (text == null) {
                continue;
            }
            String year = edition.slug();
            EditionView view = editions.page(edition, lang);
            String jsonLd = StructuredData.edition(view, routes.absolute(routes.edition(lang, year)), text.lang(),
                    Map.of("jury", site.t(lang, "edition.prize.jury"), "audience", site.t(lang, "edition.prize.audience")),
                    site.t(lang, "org.name"), routes.absolute(routes.languageSelect()), routes::absolute);
            jobs.add(pages.bundlePage(PageType.EDITION, lang, edition, text, l -> routes.edition(l, year),
                    text.summary() == null ? "" : text.summary(), new PageContent.Edition(view), Extras.jsonLd(jsonLd)));
            EditionView card = editions.card(edition, lang);
            jobs.add(pages.listing(PageType.VOTE, lang, site.t(lang, "vote.page.title") + " – " + text.title(), l -> routes.vote(l, year),
                    new PageContent.Edition(card), Extras.NONE));
            jobs.add(pages.listing(PageType.RESULTS, lang, site.t(lang, "results.title") + " – " + text.title(), l -> routes.results(l, year),
                    new PageContent.Edition(card), Extras.NONE));
            for (String status : Routes.voteStatusKeys()) {
                jobs.add(pages.listing(PageType.VOTE_STATUS, lang, site.t(lang, "vote." + status + ".title"),
                        l -> routes.voteStatus(l, year, status), new PageContent.VoteStatus(card, status), Extras.NONE));
            }
            List<PosterRow> printed = editions.posterRows(edition, lang);
            if (!printed.isEmpty()) {
                jobs.add(pages.listing(PageType.POSTERS, lang, site.t(lang, "posters.title") + " – " + text.title(), l -> routes.posters(l, year),
                        new PageContent.Posters(card, printed), Extras.NONE));
            }
        }
    }

    private void planNews(String lang, List<NewsView> newsItems, Set<Path> newsSources, List<PageJob> jobs) {
        jobs.add(pages.listing(PageType.NEWS, lang, site.t(lang, "nav.news"), routes::news, new PageContent.News(newsItems), Extras.NONE,
                newsSources));
        for (Bundle<NewsText> item : content.news().values()) {
            NewsText text = site.pick(item, lang);
            if (text != null) {
                jobs.add(pages.bundlePage(PageType.NEWS_ITEM, lang, item, text, l -> routes.newsItem(l, item.slug()), text.description(),
                        new PageContent.NewsItem(news.view(item, lang, true)), Extras.NONE));
            }
        }
    }

    private void planPages(String lang, List<PageJob> jobs) {
        for (Bundle<PageText> page : content.pages().values()) {
            PageText text = site.pick(page, lang);
            if (text != null) {
                jobs.add(pages.bundlePage(PageType.PAGE, lang, page, text, l -> routes.page(l, page.slug()), text.description(),
                        new PageContent.None(), Extras.NONE));
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
            LocalDate reviewed = text.reviewed();
            StatementView statement = new StatementView(text.conformance(), text.method(), text.evaluated().toString(),
                    dates.format(text.evaluated()), text.prepared().toString(), dates.format(text.prepared()),
                    reviewed == null ? null : reviewed.toString(), reviewed == null ? null : dates.format(reviewed),
                    new StatementView.Contact(text.contactHref(), text.contact().replaceFirst("^https?://", "").replaceFirst("/$", "")),
                    site.config().baseUrl().replaceFirst("^https?://", ""));
            jobs.add(pages.bundlePage(PageType.ACCESSIBILITY, lang, bundle, text, routes::accessibility, text.description(),
                    new PageContent.Accessibility(statement), Extras.NONE));
        }
    }

    /** A page per theme with the innovators of {@code innovatorCards} that work on it, and the list of themes. */
    private void planThemes(String lang, List<InnovatorView> innovatorCards, List<PageJob> jobs) {
        List<ThemeView> themes = new ArrayList<>();
        for (String theme : innovators.themesIn(lang)) {
            List<InnovatorView> members = innovatorCards.stream()
                    .filter(card -> card.themes().stream().anyMatch(link -> link.id().equals(theme))).collect(Collectors.toList());
            String label = site.t(lang, "theme." + theme);
            themes.add(new ThemeView(theme, label, routes.theme(lang, theme), members.size(), null));
            jobs.add(pages.listing(PageType.THEME, lang, label, l -> routes.theme(l, theme),
                    new PageContent.Theme(new ThemeView(theme, label, routes.theme(lang, theme), members.size(), members)), Extras.NONE));
        }
        jobs.add(pages.listing(PageType.THEMES, lang, site.t(lang, "nav.themes"), routes::themes, new PageContent.Themes(themes), Extras.NONE));
    }

    /** The nominee's share card for the newest edition still voting, as the page's image for social media. */
    private Extras shareImage(String slug, String lang, String name) {
        for (Bundle<EditionText> edition : content.editions().values()) {
            String card = site.media().card(edition.slug(), slug, lang);
            if (card != null) {
                return new Extras(routes.absolute(card), site.t(lang, "share.callToVote").replace("{0}", name), null);
            }
        }
        return Extras.NONE;
    }

    /** Pages per language, in the order of the languages setting; pages outside a language folder are left out. */
    public static Map<String, Integer> countByLanguage(List<PageJob> jobs, List<String> languages) {
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
