package be.socialeinnovatiefabriek.radicale.site.plan;

import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.content.Content.EditionText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.NewsText;
import be.socialeinnovatiefabriek.radicale.site.content.Content;
import be.socialeinnovatiefabriek.radicale.site.i18n.Languages;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The news items as templates see them (the "news view" of site-template/README.md): per language,
 * newest first, an untranslated item in the default language's text.
 */
public final class NewsViews {

    /** How many items the home page shows. */
    static final int LATEST = 3;

    private final SiteConfig config;
    private final Content content;

    NewsViews(SiteConfig config, Content content) {
        this.config = config;
        this.content = content;
    }

    /** The address of the news list in {@code lang}, below the base path. */
    public static String listRoute(String lang) {
        return "/" + lang + "/news/";
    }

    /** The address of one item in {@code lang}, below the base path. */
    public static String itemRoute(String lang, String slug) {
        return listRoute(lang) + slug + "/";
    }

    /** Every item shown in {@code lang}, newest first, without their text. */
    List<Map<String, Object>> list(String lang) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Bundle<NewsText> item : content.news().values()) {
            if (item.textFor(lang, config.defaultLanguage()) != null) {
                views.add(view(item, lang, false));
            }
        }
        return views;
    }

    Map<String, Object> view(Bundle<NewsText> item, String lang, boolean withBody) {
        NewsText text = item.textFor(lang, config.defaultLanguage());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("slug", item.slug());
        view.put("title", text.title());
        if (text.summary() != null) {
            view.put("summary", text.summary());
        }
        view.put("description", text.description());
        view.put("date", text.date().toString());
        view.put("dateText", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Languages.locale(lang)).format(text.date()));
        view.put("published", text.published().toString());
        String path = config.basePath() + itemRoute(lang, item.slug());
        view.put("path", path);
        view.put("url", config.baseUrl() + itemRoute(lang, item.slug()));
        view.put("lang", text.lang());
        view.put("fallback", !text.lang().equals(lang));
        view.put("status", text.status());
        Bundle<EditionText> edition = text.edition() == null ? null : content.editions().get(text.edition());
        EditionText editionText = edition == null ? null : edition.textFor(lang, config.defaultLanguage());
        // An edition that is not published at this moment is not linked: its page does not exist.
        if (editionText != null) {
            view.put("edition", Map.of("year", edition.slug(), "title", editionText.title(),
                    "path", config.basePath() + "/" + lang + "/campaigns/" + edition.slug() + "/"));
        }
        view.put("bodyHtml", withBody ? text.bodyHtml() : "");
        return view;
    }
}
