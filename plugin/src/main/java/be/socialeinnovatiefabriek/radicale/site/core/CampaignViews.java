package be.socialeinnovatiefabriek.radicale.site.core;

import static be.socialeinnovatiefabriek.radicale.site.core.ViewContext.map;
import static be.socialeinnovatiefabriek.radicale.site.core.ViewContext.putIfPresent;

import be.socialeinnovatiefabriek.radicale.site.core.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.core.Content.EditionText;
import be.socialeinnovatiefabriek.radicale.site.core.Content.InnovatorText;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Editions of the campaign as templates see them (the "edition view" of site-template/README.md), and their posters for staff. */
final class CampaignViews {

    private final ViewContext site;
    private final InnovatorViews innovators;
    private final Map<String, List<Map<String, Object>>> cardsByLanguage = new HashMap<>();

    CampaignViews(ViewContext site, InnovatorViews innovators) {
        this.site = site;
        this.innovators = innovators;
    }

    /** The card of every edition shown in {@code lang}, newest first; made once per language, as every page lists them. */
    List<Map<String, Object>> cards(String lang) {
        return cardsByLanguage.computeIfAbsent(lang, this::editionCards);
    }

    /** The edition in a list or on its vote pages: without the text of its page. */
    Map<String, Object> card(Bundle<EditionText> bundle, String lang) {
        return view(bundle, lang, false);
    }

    /** The edition's own page, with its text. */
    Map<String, Object> page(Bundle<EditionText> bundle, String lang) {
        return view(bundle, lang, true);
    }

    /** The cards of the editions shown in {@code lang} whose vote has not closed and that nominate {@code innovator}. */
    List<Map<String, Object>> votesFor(String innovator, String lang) {
        List<Map<String, Object>> votes = new ArrayList<>();
        for (Bundle<EditionText> edition : site.content().editions().values()) {
            EditionText text = site.pick(edition, lang);
            if (text != null && text.nominees().contains(innovator) && !"closed".equals(phase(text.opens(), text.closes()))) {
                votes.add(card(edition, lang));
            }
        }
        return votes;
    }

    /** For staff: every nominee's poster and share card of an edition, in every language. */
    List<Map<String, Object>> posterRows(Bundle<EditionText> edition, String lang) {
        List<Map<String, Object>> rows = new ArrayList<>();
        EditionText original = edition.texts().get(site.config().defaultLanguage());
        for (String slug : original.nominees()) {
            Bundle<InnovatorText> innovator = site.content().innovators().get(slug);
            List<Map<String, Object>> files = new ArrayList<>();
            for (String other : site.config().languages()) {
                String poster = site.media().poster(edition.slug(), slug, other);
                String card = site.media().card(edition.slug(), slug, other);
                if (poster != null) {
                    files.add(map("lang", other, "name", Languages.name(other), "poster", site.base() + poster, "card", site.base() + card));
                }
            }
            if (!files.isEmpty()) {
                rows.add(map("name", site.pick(innovator, lang).name(), "path", site.path(lang, "innovators/" + slug + "/"), "files", files));
            }
        }
        return rows;
    }

    private List<Map<String, Object>> editionCards(String lang) {
        List<Map<String, Object>> editions = new ArrayList<>();
        for (Bundle<EditionText> edition : site.content().editions().values()) {
            if (site.pick(edition, lang) != null) {
                editions.add(card(edition, lang));
            }
        }
        return editions;
    }

    private Map<String, Object> view(Bundle<EditionText> bundle, String lang, boolean withBody) {
        SiteConfig config = site.config();
        EditionText text = site.pick(bundle, lang);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(Languages.locale(lang));
        String editionRoot = "campaigns/" + bundle.slug() + "/";
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("year", bundle.slug());
        view.put("title", text.title());
        putIfPresent(view, "summary", text.summary());
        putIfPresent(view, "jury", text.jury());
        view.put("path", site.path(lang, editionRoot));
        view.put("votePath", site.path(lang, editionRoot + VotePages.VOTE));
        view.put("resultsPath", site.path(lang, editionRoot + VotePages.RESULTS));
        view.put("voteAction", config.voteApi() + "/campaigns/" + bundle.slug() + "/votes");
        view.put("opens", text.opens().toString());
        view.put("closes", text.closes().toString());
        view.put("opensText", format.format(text.opens().atZoneSameInstant(config.zone())));
        view.put("closesText", format.format(text.closes().atZoneSameInstant(config.zone())));
        view.put("phase", phase(text.opens(), text.closes()));
        view.put("results", text.results());
        // The counter asks what the ballot says, and the ballot takes the default language's file: so must the form.
        view.put("verification", bundle.texts().getOrDefault(config.defaultLanguage(), text).verification());
        view.put("votesPerVoter", text.votesPerVoter());
        List<Map<String, Object>> nominees = new ArrayList<>();
        for (String slug : text.nominees()) {
            Bundle<InnovatorText> innovator = site.content().innovators().get(slug);
            if (innovator != null && site.pick(innovator, lang) != null) {
                nominees.add(innovators.card(innovator, lang));
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

    /** upcoming, open or closed, as of the moment the site is built for. */
    private String phase(OffsetDateTime opens, OffsetDateTime closes) {
        OffsetDateTime now = site.config().now();
        if (now.isBefore(opens)) {
            return "upcoming";
        }
        return now.isBefore(closes) ? "open" : "closed";
    }
}
