package be.socialeinnovatiefabriek.radicale.site.plan;

import static be.socialeinnovatiefabriek.radicale.site.plan.ViewContext.map;
import static be.socialeinnovatiefabriek.radicale.site.plan.ViewContext.putIfPresent;

import be.socialeinnovatiefabriek.radicale.site.content.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.content.Content.EditionText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.InnovatorText;
import be.socialeinnovatiefabriek.radicale.site.i18n.Languages;
import be.socialeinnovatiefabriek.radicale.site.media.PublishedPhoto;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Innovators as templates see them (the "innovator view" of site-template/README.md): a card in lists, or a whole profile. */
final class InnovatorViews {

    private final ViewContext site;

    InnovatorViews(ViewContext site) {
        this.site = site;
    }

    /** The card of every innovator shown in {@code lang}, by name as a reader of that language sorts. */
    List<Map<String, Object>> cards(String lang) {
        List<Map<String, Object>> cards = new ArrayList<>();
        for (Bundle<InnovatorText> innovator : site.content().innovators().values()) {
            if (site.pick(innovator, lang) != null) {
                cards.add(card(innovator, lang));
            }
        }
        cards.sort(Comparator.comparing(view -> (String) view.get("name"), Languages.collator(lang)));
        return cards;
    }

    /** The innovator in a list or among an edition's nominees: without the text of the profile. */
    Map<String, Object> card(Bundle<InnovatorText> bundle, String lang) {
        return view(bundle, lang, null);
    }

    /** The innovator's own page, with {@code votes}: the cards of the editions still to vote in that nominate them. */
    Map<String, Object> profile(Bundle<InnovatorText> bundle, String lang, List<Map<String, Object>> votes) {
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
    private Map<String, Object> view(Bundle<InnovatorText> bundle, String lang, List<Map<String, Object>> votes) {
        InnovatorText text = site.pick(bundle, lang);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("slug", bundle.slug());
        view.put("name", text.name());
        view.put("tagline", text.tagline());
        putIfPresent(view, "organisation", text.organisation());
        putIfPresent(view, "region", text.region());
        putIfPresent(view, "website", text.website());
        view.put("path", site.path(lang, "innovators/" + bundle.slug() + "/"));
        view.put("lang", text.lang());
        view.put("fallback", !text.lang().equals(lang));
        List<Map<String, Object>> themes = new ArrayList<>();
        for (String theme : text.themes()) {
            themes.add(map("id", theme, "label", site.t(lang, "theme." + theme), "path", site.path(lang, "themes/" + theme + "/")));
        }
        view.put("themes", themes);
        view.put("themeIds", text.themes());
        PublishedPhoto photo = site.media().photo(bundle.dir().resolve(text.photo()));
        view.put("photo", map("path", photo.src(), "srcset", photo.srcset(), "webpSrcset", photo.webpSrcset(), "alt", text.photoAlt(),
                "width", photo.width(), "height", photo.height()));
        List<Map<String, Object>> editions = new ArrayList<>();
        for (Bundle<EditionText> edition : site.content().editions().values()) {
            EditionText editionText = site.pick(edition, lang);
            if (editionText != null && editionText.nominees().contains(bundle.slug())) {
                editions.add(map("year", edition.slug(), "title", editionText.title(), "path", site.path(lang, "campaigns/" + edition.slug() + "/")));
            }
        }
        view.put("editions", editions);
        if (votes != null) {
            view.put("votes", votes);
            List<Map<String, Object>> posters = new ArrayList<>();
            for (Map<String, Object> running : votes) {
                String poster = site.media().poster((String) running.get("year"), bundle.slug(), lang);
                if (poster != null) {
                    posters.add(map("year", running.get("year"), "title", running.get("title"), "path", site.base() + poster));
                }
            }
            view.put("posters", posters);
        }
        view.put("bodyHtml", votes != null ? text.bodyHtml() : "");
        return view;
    }
}
