package be.socialeinnovatiefabriek.radicale.site.plan;

import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.content.Content.EditionText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.InnovatorText;
import be.socialeinnovatiefabriek.radicale.site.i18n.Languages;
import be.socialeinnovatiefabriek.radicale.site.media.PublishedPhoto;
import be.socialeinnovatiefabriek.radicale.site.plan.InnovatorView.EditionLink;
import be.socialeinnovatiefabriek.radicale.site.plan.InnovatorView.PhotoView;
import be.socialeinnovatiefabriek.radicale.site.plan.InnovatorView.PosterLink;
import be.socialeinnovatiefabriek.radicale.site.plan.InnovatorView.ThemeLink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Makes the {@link InnovatorView}s: a card in lists, or a whole profile. */
final class InnovatorViews {

    private final ViewContext site;

    InnovatorViews(ViewContext site) {
        this.site = site;
    }

    /** The card of every innovator shown in {@code lang}, by name as a reader of that language sorts. */
    List<InnovatorView> cards(String lang) {
        List<InnovatorView> cards = new ArrayList<>();
        for (Bundle<InnovatorText> innovator : site.content().innovators().values()) {
            if (site.pick(innovator, lang) != null) {
                cards.add(card(innovator, lang));
            }
        }
        cards.sort(Comparator.comparing(InnovatorView::name, Languages.collator(lang)));
        return cards;
    }

    /** The innovator in a list or among an edition's nominees: without the text of the profile. */
    InnovatorView card(Bundle<InnovatorText> bundle, String lang) {
        return view(bundle, lang, null);
    }

    /** The innovator's own page, with {@code votes}: the cards of the editions still to vote in that nominate them. */
    InnovatorView profile(Bundle<InnovatorText> bundle, String lang, List<EditionView> votes) {
        return view(bundle, lang, votes);
    }

    /** Themes used by at least one published innovator in {@code lang}, by label. */
    List<String> themesIn(String lang) {
        Set<String> ids = new TreeSet<>();
        for (Bundle<InnovatorText> innovator : site.content().innovators().values()) {
            InnovatorText text = site.pick(innovator, lang);
            if (text != null) {
                ids.addAll(text.themes());
            }
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(Comparator.comparing(id -> site.t(lang, "theme." + id), Languages.collator(lang)));
        return sorted;
    }

    /** One view for both, so that a card and a profile never disagree; {@code votes} is null for a card. */
    private InnovatorView view(Bundle<InnovatorText> bundle, String lang, List<EditionView> votes) {
        Routes routes = site.routes();
        InnovatorText text = site.pick(bundle, lang);
        List<ThemeLink> themes = new ArrayList<>();
        for (String theme : text.themes()) {
            themes.add(new ThemeLink(theme, site.t(lang, "theme." + theme), routes.theme(lang, theme)));
        }
        PublishedPhoto published = site.media().photo(text.photo().image());
        PhotoView photo = new PhotoView(published.src(), published.srcset(), published.webpSrcset(), text.photoAlt(),
                published.width(), published.height());
        List<EditionLink> editions = new ArrayList<>();
        for (Bundle<EditionText> edition : site.content().editions().values()) {
            EditionText editionText = site.pick(edition, lang);
            if (editionText != null && editionText.nominees().contains(bundle.slug())) {
                editions.add(new EditionLink(edition.slug(), editionText.title(), routes.edition(lang, edition.slug())));
            }
        }
        List<PosterLink> posters = null;
        if (votes != null) {
            posters = new ArrayList<>();
            for (EditionView running : votes) {
                String poster = site.media().poster(running.year(), bundle.slug(), lang);
                if (poster != null) {
                    posters.add(new PosterLink(running.year(), running.title(), poster));
                }
            }
        }
        return new InnovatorView(bundle.slug(), text.name(), text.tagline(), text.organisation(), text.region(), text.website(),
                routes.innovator(lang, bundle.slug()), text.lang(), !text.lang().equals(lang), themes, photo, editions, votes, posters,
                votes != null ? text.bodyHtml() : "");
    }
}
