package be.socialeinnovatiefabriek.radicale.site.plan;

import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.content.Content.EditionText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.InnovatorText;
import be.socialeinnovatiefabriek.radicale.site.i18n.Languages;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Makes the {@link EditionView}s of the campaign, and the rows of their posters for staff. */
final class EditionViews {

    private final ViewContext site;
    private final InnovatorViews innovators;
    private final Map<String, List<EditionView>> cardsByLanguage = new HashMap<>();

    EditionViews(ViewContext site, InnovatorViews innovators) {
        this.site = site;
        this.innovators = innovators;
    }

    /** The card of every edition shown in {@code lang}, newest first; made once per language, as every page lists them. */
    List<EditionView> cards(String lang) {
        return cardsByLanguage.computeIfAbsent(lang, this::editionCards);
    }

    /** The edition in a list or on its vote pages: without the text of its page. */
    EditionView card(Bundle<EditionText> bundle, String lang) {
        return view(bundle, lang, false);
    }

    /** The edition's own page, with its text. */
    EditionView page(Bundle<EditionText> bundle, String lang) {
        return view(bundle, lang, true);
    }

    /** The cards of the editions shown in {@code lang} whose vote has not closed and that nominate {@code innovator}. */
    List<EditionView> votesFor(String innovator, String lang) {
        List<EditionView> votes = new ArrayList<>();
        for (Bundle<EditionText> edition : site.content().editions().values()) {
            EditionText text = site.pick(edition, lang);
            if (text != null && text.nominees().contains(innovator) && !"closed".equals(phase(text.opens(), text.closes()))) {
                votes.add(card(edition, lang));
            }
        }
        return votes;
    }

    /** For staff: every nominee's poster and share card of an edition, in every language. */
    List<PosterRow> posterRows(Bundle<EditionText> edition, String lang) {
        List<PosterRow> rows = new ArrayList<>();
        EditionText original = edition.texts().get(site.config().defaultLanguage());
        for (String slug : original.nominees()) {
            Bundle<InnovatorText> innovator = site.content().innovators().get(slug);
            List<PosterRow.File> files = new ArrayList<>();
            for (String other : site.config().languages()) {
                String poster = site.media().poster(edition.slug(), slug, other);
                String card = site.media().card(edition.slug(), slug, other);
                if (poster != null) {
                    files.add(new PosterRow.File(other, Languages.name(other), poster, card));
                }
            }
            if (!files.isEmpty()) {
                rows.add(new PosterRow(site.pick(innovator, lang).name(), site.routes().innovator(lang, slug), files));
            }
        }
        return rows;
    }

    private List<EditionView> editionCards(String lang) {
        List<EditionView> editions = new ArrayList<>();
        for (Bundle<EditionText> edition : site.content().editions().values()) {
            if (site.pick(edition, lang) != null) {
                editions.add(card(edition, lang));
            }
        }
        return editions;
    }

    private EditionView view(Bundle<EditionText> bundle, String lang, boolean withBody) {
        SiteConfig config = site.config();
        Routes routes = site.routes();
        EditionText text = site.pick(bundle, lang);
        String year = bundle.slug();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(Languages.locale(lang));
        List<InnovatorView> nominees = new ArrayList<>();
        for (String slug : text.nominees()) {
            Bundle<InnovatorText> innovator = site.content().innovators().get(slug);
            if (innovator != null && site.pick(innovator, lang) != null) {
                nominees.add(innovators.card(innovator, lang));
            }
        }
        Map<String, InnovatorView> winners = new LinkedHashMap<>();
        text.winners().forEach((role, slug) -> nominees.stream().filter(n -> slug.equals(n.slug())).findFirst()
                .ifPresent(n -> winners.put(role, n)));
        return new EditionView(year, text.title(), text.summary(), text.jury(), routes.edition(lang, year), routes.vote(lang, year),
                routes.results(lang, year), routes.posters(lang, year), routes.voteAnchor(year), routes.voteAction(year),
                routes.voteChallenge(year),
                text.opens().toString(), text.closes().toString(),
                format.format(text.opens().atZoneSameInstant(config.zone())), format.format(text.closes().atZoneSameInstant(config.zone())),
                // The counter asks what the ballot says, and the ballot takes the default language's file: so must the form.
                phase(text.opens(), text.closes()), text.results(), bundle.texts().getOrDefault(config.defaultLanguage(), text).verification(),
                text.votesPerVoter(), nominees, winners,
                text.lang(), !text.lang().equals(lang), withBody ? text.bodyHtml() : "");
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
