package be.socialeinnovatiefabriek.radicale.site.output;

import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.content.Content.NewsText;
import be.socialeinnovatiefabriek.radicale.site.content.Content;
import be.socialeinnovatiefabriek.radicale.site.i18n.Messages;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Writes the news of each language as an Atom 1.0 feed, {@code <lang>/news/feed.xml}: the items of the
 * language's news page, newest first, with their whole text. Only published items: in preview a
 * draft shows on the pages with its banner, never in a feed.
 */
public final class NewsFeedWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    /** RFC 3339 as Atom wants it: seconds always written (OffsetDateTime.toString() leaves out ":00"). */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final SiteConfig config;
    private final Routes routes;
    private final Content content;
    private final Messages messages;

    public NewsFeedWriter(SiteConfig config, Content content, Messages messages) {
        this.config = config;
        this.routes = new Routes(config);
        this.content = content;
        this.messages = messages;
    }

    /** Every feed, by its path in the output. */
    public Map<String, byte[]> feeds() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String lang : config.languages()) {
            files.put(routes.file(routes.feed(lang)), feed(lang));
        }
        return files;
    }

    private byte[] feed(String lang) {
        List<Entry> entries = new ArrayList<>();
        for (Bundle<NewsText> item : content.news().values()) {
            NewsText text = published(item, lang);
            if (text != null) {
                entries.add(new Entry(item.slug(), text, routes.absolute(routes.newsItem(lang, item.slug()))));
            }
        }
        // An empty feed still needs a moment; the build's own is the honest one.
        OffsetDateTime updated = entries.stream().map(entry -> entry.text().published()).max(OffsetDateTime::compareTo)
                .orElse(config.now());
        return XmlOutput.document(xml -> {
            xml.start("", "feed", ATOM);
            xml.raw().writeDefaultNamespace(ATOM);
            xml.raw().writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", lang);
            xml.text("", "id", ATOM, routes.absolute(routes.news(lang)));
            xml.text("", "title", ATOM, messages.get(lang, "news.feed.title"));
            xml.text("", "updated", ATOM, RFC_3339.format(updated));
            xml.empty("", "link", ATOM, "rel", "self", "type", "application/atom+xml", "href", routes.absolute(routes.feed(lang)));
            xml.empty("", "link", ATOM, "rel", "alternate", "type", "text/html", "hreflang", lang, "href", routes.absolute(routes.news(lang)));
            xml.start("", "author", ATOM);
            xml.text("", "name", ATOM, messages.get(lang, "org.name"));
            xml.text("", "uri", ATOM, routes.absolute(routes.languageSelect()));
            xml.end();
            for (Entry entry : entries) {
                entry(xml, entry, lang);
            }
            xml.end();
        });
    }

    private void entry(XmlOutput xml, Entry entry, String lang) throws XMLStreamException {
        NewsText text = entry.text();
        xml.start("", "entry", ATOM);
        if (!text.lang().equals(lang)) {
            xml.raw().writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", text.lang()); // an untranslated item, in the default language
        }
        xml.text("", "id", ATOM, tagUri(text, lang, entry.slug()));
        xml.text("", "title", ATOM, text.title());
        xml.text("", "published", ATOM, RFC_3339.format(text.published()));
        xml.text("", "updated", ATOM, RFC_3339.format(text.published()));
        xml.empty("", "link", ATOM, "rel", "alternate", "type", "text/html", "href", entry.url());
        if (!text.description().isEmpty()) {
            xml.text("", "summary", ATOM, text.description());
        }
        xml.text("", "content", ATOM, absoluteLinks(text.bodyHtml(), entry.url()), "type", "html");
        xml.end();
    }

    /**
     * An id that stays the same when the site moves to another path or the item is edited:
     * {@code tag:radicalevernieuwers.be,2026-11-16:/nl/news/2026-11-16-stemming-open/} (RFC 4151).
     */
    private String tagUri(NewsText text, String lang, String slug) {
        return "tag:" + routes.host() + "," + text.date() + ":" + routes.withinSite(routes.newsItem(lang, slug));
    }

    /** Feed readers show the text away from the site: links and images must carry the whole address. */
    private static String absoluteLinks(String html, String pageUrl) {
        Document document = Jsoup.parseBodyFragment(html, pageUrl);
        document.outputSettings().prettyPrint(false);
        for (Element element : document.select("[href], [src]")) {
            String attribute = element.hasAttr("href") ? "href" : "src";
            String absolute = element.absUrl(attribute);
            if (!absolute.isEmpty()) {
                element.attr(attribute, absolute);
            }
        }
        return document.body().html();
    }

    /** The published text shown in {@code lang}: its own, else the default language's, else null. */
    private NewsText published(Bundle<NewsText> item, String lang) {
        NewsText own = item.texts().get(lang);
        if (own != null && "published".equals(own.status())) {
            return own;
        }
        NewsText original = item.texts().get(config.defaultLanguage());
        return original != null && "published".equals(original.status()) ? original : null;
    }

    private record Entry(String slug, NewsText text, String url) {
    }
}
