package be.socialeinnovatiefabriek.radicale.site.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * News (scenario with-news): a list and a page per language, the latest items on the home page, an
 * Atom feed per language, and the same schedule as every other page: a draft and an item dated after
 * the build's moment stay out of the published site and out of every feed.
 */
class NewsTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @TempDir
    Path folder;

    private TestSite built() throws Exception {
        TestSite site = TestSite.create(folder, "with-news");
        new SiteBuilder(site.config()).build();
        return site;
    }

    @Test
    void listsThePublishedNewsNewestFirstInEveryLanguage() throws Exception {
        TestSite site = built();

        Document nl = Jsoup.parse(site.page("nl/news/index.html"));
        assertEquals(List.of("De stemming is open", "De genomineerden", "Oproep"), nl.select(".news-card__title").eachText());
        Document fr = Jsoup.parse(site.page("fr/news/index.html"));
        assertEquals(List.of("Le vote est ouvert", "De genomineerden", "Oproep"), fr.select(".news-card__title").eachText());
        Element untranslated = fr.select(".news-card").get(1);
        assertEquals("nl", untranslated.attr("lang"), "an untranslated item is marked as Dutch");
        assertEquals("9 novembre 2026", untranslated.selectFirst("time").text(), "its date is in the visitor's language");
        assertEquals("fr", untranslated.selectFirst(".news-card__date").attr("lang"));
        assertEquals("De jury koos Alpha en Beta.", untranslated.selectFirst(".news-card__summary").text(),
                "without a summary, the list shows the start of the text");
        assertNotNull(fr.selectFirst("nav.main-nav a[href=/fr/news/][aria-current=page]"), "the menu has a News item");
    }

    @Test
    void showsAnItemWithItsDateAndALinkToItsEdition() throws Exception {
        TestSite site = built();

        Document item = Jsoup.parse(site.page("en/news/2026-11-16-voting-open/index.html"));
        assertEquals("Voting is open", item.selectFirst("h1").text());
        assertEquals("2026-11-16", item.selectFirst(".news-article time").attr("datetime"));
        assertEquals("16 November 2026", item.selectFirst(".news-article time").text());
        assertEquals("More about Radicale Vernieuwers 2026", item.selectFirst("a[href=/en/campaigns/2026/]").text(),
                "the edition is inherited from the Dutch text");
        assertEquals("Vote until 13 December.", item.selectFirst("meta[name=description]").attr("content"));

        Document fallback = Jsoup.parse(site.page("fr/news/2026-11-09-nominees/index.html"));
        assertNotNull(fallback.selectFirst(".notice"));
        assertEquals("https://radicalevernieuwers.be/nl/news/2026-11-09-nominees/", fallback.selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void theHomePageShowsTheLatestThreeItems() throws Exception {
        TestSite site = built();

        Document home = Jsoup.parse(site.page("en/index.html"));
        assertEquals(List.of("/en/news/2026-11-16-voting-open/", "/en/news/2026-11-09-nominees/", "/en/news/2026-09-15-call/"),
                home.select(".news-latest .news-card__title a").eachAttr("href"));
        assertNotNull(home.selectFirst(".news-latest a[href=/en/news/]"));
    }

    @Test
    void writesAnAtomFeedPerLanguageWithAbsoluteLinks() throws Exception {
        TestSite site = built();

        org.w3c.dom.Document feed = parseXml(site.output().resolve("fr/news/feed.xml"));
        org.w3c.dom.Element root = feed.getDocumentElement();
        assertEquals(ATOM, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        assertEquals("fr", root.getAttributeNS(XMLConstants.XML_NS_URI, "lang"));
        assertEquals("https://radicalevernieuwers.be/fr/news/", child(root, "id").getTextContent());
        assertEquals("Actualités des Radicale Vernieuwers", child(root, "title").getTextContent());
        assertEquals(OffsetDateTime.parse("2026-11-16T00:00+01:00"), OffsetDateTime.parse(child(root, "updated").getTextContent()));
        assertEquals(List.of("self https://radicalevernieuwers.be/fr/news/feed.xml", "alternate https://radicalevernieuwers.be/fr/news/"),
                children(root, "link").stream().map(link -> link.getAttribute("rel") + " " + link.getAttribute("href")).collect(Collectors.toList()));
        assertEquals("Sociale InnovatieFabriek", child(child(root, "author"), "name").getTextContent());

        List<org.w3c.dom.Element> entries = children(root, "entry");
        assertEquals(List.of("Le vote est ouvert", "De genomineerden", "Oproep"),
                entries.stream().map(entry -> child(entry, "title").getTextContent()).collect(Collectors.toList()));
        org.w3c.dom.Element first = entries.get(0);
        assertEquals("tag:radicalevernieuwers.be,2026-11-16:/fr/news/2026-11-16-voting-open/", child(first, "id").getTextContent());
        assertEquals("https://radicalevernieuwers.be/fr/news/2026-11-16-voting-open/", child(first, "link").getAttribute("href"));
        assertEquals("2026-11-16T00:00:00+01:00", child(first, "updated").getTextContent(), "RFC 3339, seconds included");
        assertEquals("Votez jusqu'au 13 décembre.", child(first, "summary").getTextContent());
        org.w3c.dom.Element content = child(first, "content");
        assertEquals("html", content.getAttribute("type"));
        assertEquals(List.of("https://radicalevernieuwers.be/fr/campaigns/2026/vote/"),
                Jsoup.parseBodyFragment(content.getTextContent()).select("a").eachAttr("href"), "links in the text are absolute");
        org.w3c.dom.Element untranslated = entries.get(1);
        assertEquals("nl", untranslated.getAttributeNS(XMLConstants.XML_NS_URI, "lang"));
        assertEquals("De jury koos Alpha en Beta.", child(untranslated, "summary").getTextContent());

        org.w3c.dom.Element dutch = children(parseXml(site.output().resolve("nl/news/feed.xml")).getDocumentElement(), "entry").get(0);
        assertEquals(List.of("https://radicalevernieuwers.be/nl/campaigns/2026/vote/", "https://radicalevernieuwers.be/nl/innovators/alpha/"),
                Jsoup.parseBodyFragment(child(dutch, "content").getTextContent()).select("a").eachAttr("href"));
    }

    @Test
    void everyPageLinksTheFeedOfItsLanguage() throws Exception {
        TestSite site = built();

        for (String page : List.of("fr/index.html", "fr/innovators/alpha/index.html", "fr/news/index.html")) {
            Element link = Jsoup.parse(site.page(page)).selectFirst("link[rel=alternate][type=application/atom+xml]");
            assertEquals("/fr/news/feed.xml", link.attr("href"), page);
            assertEquals("Actualités des Radicale Vernieuwers", link.attr("title"), page);
        }
    }

    @Test
    void leavesADraftAndAnItemDatedLaterOutOfThePublishedSiteItsFeedsAndItsSitemap() throws Exception {
        TestSite site = built();

        assertFalse(Files.exists(site.output().resolve("nl/news/2026-11-18-plans/index.html")));
        assertFalse(Files.exists(site.output().resolve("nl/news/2026-11-25-results/index.html")), "an item goes public on its date");
        assertLeftOutOfFeedsAndSitemap(site);
    }

    @Test
    void showsThemInPreviewWithTheirBannerButNeverInAFeedOrTheSitemap() throws Exception {
        TestSite site = TestSite.create(folder, "with-news");
        new SiteBuilder(site.config(true)).build();

        assertNotNull(Jsoup.parse(site.page("nl/news/2026-11-18-plans/index.html")).selectFirst(".status-banner--draft"));
        assertNotNull(Jsoup.parse(site.page("nl/news/2026-11-25-results/index.html")).selectFirst(".status-banner--scheduled"));
        assertEquals(5, Jsoup.parse(site.page("nl/news/index.html")).select(".news-card").size());
        assertLeftOutOfFeedsAndSitemap(site);
    }

    @Test
    void anEditedTextUpdatesTheListsThatShowItsStart() throws Exception {
        TestSite site = TestSite.create(folder, "with-news");
        SiteBuilder builder = new SiteBuilder(site.config(true));
        builder.build();
        String item = "content/news/2026-11-25-results/index.nl.md";
        site.write(item, Files.readString(site.root().resolve(item)).replace("Nog niet bekend", "Nog altijd niet bekend"));

        builder.build();

        String start = "Nog altijd niet bekend: dit bericht verschijnt op zijn datum.";
        assertTrue(Jsoup.parse(site.page("nl/news/index.html")).text().contains(start));
        assertTrue(Jsoup.parse(site.page("nl/index.html")).text().contains(start), "the home page shows the latest items");
    }

    private static void assertLeftOutOfFeedsAndSitemap(TestSite site) throws Exception {
        for (String lang : List.of("nl", "fr", "en")) {
            String feed = site.page(lang + "/news/feed.xml");
            assertFalse(feed.contains("2026-11-18-plans") || feed.contains("Geheime plannen"), "no draft in the " + lang + " feed");
            assertFalse(feed.contains("2026-11-25-results"), "no item before its date in the " + lang + " feed");
            assertEquals(3, children(parseXml(site.output().resolve(lang + "/news/feed.xml")).getDocumentElement(), "entry").size());
        }
        String sitemap = site.page("sitemap.xml");
        assertFalse(sitemap.contains("2026-11-18-plans"));
        assertFalse(sitemap.contains("2026-11-25-results"));
        assertTrue(sitemap.contains("https://radicalevernieuwers.be/nl/news/2026-11-16-voting-open/"));
    }

    static org.w3c.dom.Document parseXml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** The Atom children of {@code parent} named {@code name}. */
    private static List<org.w3c.dom.Element> children(org.w3c.dom.Element parent, String name) {
        List<org.w3c.dom.Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof org.w3c.dom.Element element && ATOM.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static org.w3c.dom.Element child(org.w3c.dom.Element parent, String name) {
        List<org.w3c.dom.Element> found = children(parent, name);
        assertEquals(1, found.size(), "one <" + name + "> in <" + parent.getLocalName() + ">");
        return found.get(0);
    }
}
