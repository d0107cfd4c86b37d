package be.socialeinnovatiefabriek.radicale.site.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.TestSite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What search engines and social networks read: the sitemap, robots.txt, schema.org JSON-LD and the share tags. */
class SearchEnginesTest {

    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String BASE = "https://radicalevernieuwers.be";

    @TempDir
    Path folder;

    @Test
    void theSitemapListsEveryIndexablePageAtItsCanonicalAddress() throws Exception {
        TestSite site = TestSite.create(folder, "with-news");
        new SiteBuilder(site.config()).build();
        Map<String, List<String>> sitemap = sitemap(site);

        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site.output())) {
            pages = walk.filter(file -> file.toString().endsWith(".html")).sorted().collect(Collectors.toList());
        }
        List<String> expected = new ArrayList<>();
        for (Path file : pages) {
            Document page = Jsoup.parse(file.toFile(), "UTF-8");
            String url = BASE + "/" + site.output().relativize(file).toString().replace('\\', '/').replaceFirst("index\\.html$", "");
            boolean noindex = page.selectFirst("meta[name=robots][content~=noindex]") != null;
            boolean canonical = url.equals(page.select("link[rel=canonical]").attr("href"));
            if (!noindex && canonical) {
                expected.add(url);
            }
        }
        assertEquals(expected.stream().sorted().collect(Collectors.toList()), sitemap.keySet().stream().sorted().collect(Collectors.toList()));
        assertTrue(sitemap.containsKey(BASE + "/"), "the language choice");
        assertTrue(sitemap.containsKey(BASE + "/en/news/2026-11-16-voting-open/"));
        assertFalse(sitemap.containsKey(BASE + "/fr/innovators/beta/"), "an untranslated page's canonical address is the Dutch one");
        assertFalse(sitemap.containsKey(BASE + "/nl/404.html"));
        assertFalse(sitemap.containsKey(BASE + "/nl/campaigns/2026/vote/check-your-mail/"), "a vote status page is not indexed");
        assertNotNull(Jsoup.parse(site.page("nl/campaigns/2026/vote/check-your-mail/index.html")).selectFirst("meta[name=robots][content=noindex]"));
    }

    @Test
    void theSitemapGivesEachPageItsTranslationsAndXDefault() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();
        Map<String, List<String>> sitemap = sitemap(site);

        assertEquals(List.of("nl=" + BASE + "/nl/innovators/alpha/", "fr=" + BASE + "/fr/innovators/alpha/", "en=" + BASE + "/en/innovators/alpha/",
                "x-default=" + BASE + "/nl/innovators/alpha/"), sitemap.get(BASE + "/fr/innovators/alpha/"));
        assertEquals(List.of("nl=" + BASE + "/nl/about/", "en=" + BASE + "/en/about/", "x-default=" + BASE + "/nl/about/"),
                sitemap.get(BASE + "/en/about/"), "only the translations that exist");
        assertEquals(List.of("nl=" + BASE + "/nl/innovators/beta/", "x-default=" + BASE + "/nl/innovators/beta/"), sitemap.get(BASE + "/nl/innovators/beta/"));
        assertEquals(List.of(), sitemap.get(BASE + "/"));
    }

    @Test
    void robotsTxtLetsEveryCrawlerInAndNamesTheSitemap() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config().with(site.output(), "https://example.org/radicale", TestSite.NOW, false)).build();

        assertEquals("User-agent: *\nAllow: /\n\nSitemap: https://example.org/radicale/sitemap.xml\n", site.page("robots.txt"));
        assertTrue(site.page("sitemap.xml").contains("<loc>https://example.org/radicale/nl/innovators/alpha/</loc>"));
    }

    @Test
    void theHomePageDescribesTheOrganisation() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();

        JsonNode organisation = jsonLd(site, "fr/index.html");
        assertEquals("https://schema.org", organisation.get("@context").asText());
        assertEquals("Organization", organisation.get("@type").asText());
        assertEquals("Sociale InnovatieFabriek", organisation.get("name").asText());
        assertEquals(BASE + "/", organisation.get("url").asText());
    }

    @Test
    void theVotePageTellsSearchResultsHowToVote() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();

        Document vote = Jsoup.parse(site.page("en/campaigns/2026/vote/index.html"));
        assertTrue(vote.selectFirst("meta[name=description]").attr("content").startsWith("Choose your favourite and enter your e-mail address."));
        Document results = Jsoup.parse(site.page("fr/campaigns/2026/results/index.html"));
        assertEquals("Prix du public\u00A0: votes par nominé", results.selectFirst("meta[name=description]").attr("content"));
    }

    @Test
    void anEditionPageDescribesItsNomineesAndWinners() throws Exception {
        TestSite site = TestSite.create(folder, null);
        site.replaceLine("content/campaigns/2026/index.nl.md", "jury:", "jury: Een jury\nwinners:\n  jury: alpha");
        new SiteBuilder(site.config()).build();

        JsonNode edition = jsonLd(site, "en/campaigns/2026/index.html");
        assertEquals("ItemList", edition.get("@type").asText());
        assertEquals("Radicale Vernieuwers 2026", edition.get("name").asText());
        assertEquals(BASE + "/en/campaigns/2026/", edition.get("url").asText());
        assertEquals("Sociale InnovatieFabriek", edition.at("/publisher/name").asText());
        assertEquals(2, edition.get("numberOfItems").asInt());
        JsonNode alpha = edition.at("/itemListElement/0/item");
        assertEquals("Organization", alpha.get("@type").asText());
        assertEquals("Alpha", alpha.get("name").asText());
        assertEquals(BASE + "/en/innovators/alpha/", alpha.get("url").asText());
        assertEquals("Jury prize – Radicale Vernieuwers 2026", alpha.get("award").asText());
        JsonNode beta = edition.at("/itemListElement/1");
        assertEquals(2, beta.get("position").asInt());
        assertEquals("Beta", beta.at("/item/name").asText());
        assertNull(beta.get("item").get("award"), "a nominee has won nothing (yet)");
    }

    @Test
    void aNameCannotEndTheJsonLdScript() throws Exception {
        TestSite site = TestSite.create(folder, null);
        String name = "Beta </script><script>alert(1)</script> <!-- x";
        site.replaceLine("content/innovators/beta/index.nl.md", "name:", "name: \"" + name + "\"");
        new SiteBuilder(site.config()).build();

        String html = site.page("nl/campaigns/2026/index.html");
        assertFalse(html.contains("</script><script>alert(1)"), "no markup from content in the script element");
        assertEquals(name, jsonLd(site, "nl/campaigns/2026/index.html").at("/itemListElement/1/item/name").asText(), "the name reads back as written");
    }

    @Test
    void everyPageCarriesShareTagsWithItsExistingTranslationsAsAlternateLocales() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();

        Document profile = Jsoup.parse(site.page("fr/innovators/alpha/index.html"));
        assertEquals("Alpha", meta(profile, "og:title"));
        assertEquals("Alpha fait la différence", meta(profile, "og:description"));
        assertEquals(BASE + "/fr/innovators/alpha/", meta(profile, "og:url"));
        assertEquals(BASE + "/media/share/2026/alpha.fr.png", meta(profile, "og:image"));
        assertEquals("fr_BE", meta(profile, "og:locale"));
        assertEquals(List.of("nl_BE", "en_GB"), profile.select("meta[property=og:locale:alternate]").eachAttr("content"));
        assertEquals("summary_large_image", profile.selectFirst("meta[name=twitter:card]").attr("content"));
        assertEquals("Alpha", profile.selectFirst("meta[name=twitter:title]").attr("content"));
        assertEquals(BASE + "/media/share/2026/alpha.fr.png", profile.selectFirst("meta[name=twitter:image]").attr("content"));

        Document about = Jsoup.parse(site.page("en/about/index.html"));
        assertEquals("en_GB", meta(about, "og:locale"));
        assertEquals(List.of("nl_BE"), about.select("meta[property=og:locale:alternate]").eachAttr("content"), "no French: there is none");

        Document untranslated = Jsoup.parse(site.page("fr/innovators/beta/index.html"));
        assertEquals("nl_BE", meta(untranslated, "og:locale"), "the text is Dutch");
        assertEquals(List.of(), untranslated.select("meta[property=og:locale:alternate]").eachAttr("content"));
        assertEquals(BASE + "/nl/innovators/beta/", meta(untranslated, "og:url"));

        BufferedImage card = ImageIO.read(site.output().resolve("assets/share-default.png").toFile());
        assertEquals(List.of(1200, 630), List.of(card.getWidth(), card.getHeight()));
        assertEquals("1200", meta(profile, "og:image:width"));
    }

    /** Each listed address with its alternates as hreflang=href, read with a namespace-aware parser. */
    private static Map<String, List<String>> sitemap(TestSite site) throws Exception {
        org.w3c.dom.Document document = NewsTest.parseXml(site.output().resolve("sitemap.xml"));
        Element root = document.getDocumentElement();
        assertEquals(SITEMAP, root.getNamespaceURI());
        assertEquals("urlset", root.getLocalName());
        Map<String, List<String>> urls = new LinkedHashMap<>();
        NodeList entries = root.getElementsByTagNameNS(SITEMAP, "url");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            String loc = entry.getElementsByTagNameNS(SITEMAP, "loc").item(0).getTextContent();
            List<String> alternates = new ArrayList<>();
            NodeList links = entry.getElementsByTagNameNS(XHTML, "link");
            for (int j = 0; j < links.getLength(); j++) {
                Element link = (Element) links.item(j);
                assertEquals("alternate", link.getAttribute("rel"));
                alternates.add(link.getAttribute("hreflang") + "=" + link.getAttribute("href"));
            }
            assertNull(urls.put(loc, alternates), loc + " is listed once");
        }
        return urls;
    }

    private static JsonNode jsonLd(TestSite site, String page) throws Exception {
        Document document = Jsoup.parse(site.page(page));
        assertEquals(1, document.select("script[type=application/ld+json]").size());
        return new ObjectMapper().readTree(document.selectFirst("script[type=application/ld+json]").data());
    }

    private static String meta(Document page, String property) {
        org.jsoup.nodes.Element meta = page.selectFirst("meta[property=" + property + "]");
        assertNotNull(meta, property);
        return meta.attr("content");
    }
}
