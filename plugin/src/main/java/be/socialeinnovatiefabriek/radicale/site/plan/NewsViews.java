package be.socialeinnovatiefabriek.radicale.site.plan;

import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.content.Content.EditionText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.NewsText;
import be.socialeinnovatiefabriek.radicale.site.i18n.Languages;
import be.socialeinnovatiefabriek.radicale.site.plan.InnovatorView.EditionLink;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/** Makes the {@link NewsView}s: per language, newest first, an untranslated item in the default language's text. */
final class NewsViews {

    /** How many items the home page shows. */
    static final int LATEST = 3;

    private final ViewContext site;

    NewsViews(ViewContext site) {
        this.site = site;
    }

    /** Every item shown in {@code lang}, newest first, without their text. */
    List<NewsView> list(String lang) {
        List<NewsView> views = new ArrayList<>();
        for (Bundle<NewsText> item : site.content().news().values()) {
            if (site.pick(item, lang) != null) {
                views.add(view(item, lang, false));
            }
        }
        return views;
    }

    NewsView view(Bundle<NewsText> item, String lang, boolean withBody) {
        Routes routes = site.routes();
        NewsText text = site.pick(item, lang);
        Bundle<EditionText> edition = text.edition() == null ? null : site.content().editions().get(text.edition());
        EditionText editionText = edition == null ? null : site.pick(edition, lang);
        // An edition that is not published at this moment is not linked: its page does not exist.
        EditionLink about = editionText == null ? null
                : new EditionLink(edition.slug(), editionText.title(), routes.edition(lang, edition.slug()));
        String path = routes.newsItem(lang, item.slug());
        return new NewsView(item.slug(), text.title(), text.summary(), text.description(), text.date().toString(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Languages.locale(lang)).format(text.date()),
                text.published().toString(), path, routes.absolute(path), text.lang(), !text.lang().equals(lang), text.status(), about,
                withBody ? text.bodyHtml() : "");
    }
}
