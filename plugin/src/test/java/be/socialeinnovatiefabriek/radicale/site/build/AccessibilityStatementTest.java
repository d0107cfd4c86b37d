package be.socialeinnovatiefabriek.radicale.site.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.ContentException;
import be.socialeinnovatiefabriek.radicale.site.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accessibility statement: content/accessibility/ becomes /&lt;lang&gt;/accessibility/ in the order of the
 * model statement of Flemish public bodies, linked from every page's footer; its front matter is checked
 * like every other section's, each mistake named with its file, line and fix.
 */
class AccessibilityStatementTest {

    @TempDir
    Path folder;

    private TestSite built(String scenario) throws Exception {
        TestSite site = TestSite.create(folder, scenario);
        new SiteBuilder(site.config()).build();
        return site;
    }

    @Test
    void theStatementFollowsTheModelInEveryLanguage() throws Exception {
        TestSite site = built("with-accessibility-statement");
        Document nl = Jsoup.parse(site.page("nl/accessibility/index.html"));

        assertEquals("Toegankelijkheidsverklaring", nl.selectFirst("h1").text());
        assertEquals(List.of("Nalevingsstatus", "Niet-toegankelijke inhoud", "Opstelling van deze verklaring", "Feedback en contactgegevens",
                "Handhavingsprocedure"), nl.select("main h2").eachText(), "the sections of the model, in its order");
        assertTrue(nl.text().contains("Deze toegankelijkheidsverklaring is van toepassing op radicalevernieuwers.be."), nl.text());
        assertTrue(nl.text().contains("Deze website is gedeeltelijk conform met de Web Content Accessibility Guidelines (WCAG) 2.1, niveau AA"));
        assertEquals("Niet-naleving", nl.selectFirst("main h3").text(), "what is not accessible comes from the content file");
        assertEquals("Deze verklaring werd opgesteld op 1 oktober 2026. Ze werd het laatst herzien op 3 november 2026.",
                nl.selectFirst("p:has(time[datetime=2026-10-01])").text());
        assertEquals("2026-11-02", nl.selectFirst("p:contains(geëvalueerd) time").attr("datetime"));
        assertTrue(nl.text().contains("Methode: Zelfbeoordeling met axe-core"));
        assertEquals("mailto:toegankelijkheid@example.org", nl.selectFirst("a[href^=mailto:toegankelijkheid]").attr("href"));
        assertEquals("mailto:info@vlaamseombudsdienst.be", nl.selectFirst("a[href*=vlaamseombudsdienst]").attr("href"));
        assertEquals("Hoe toegankelijk deze site is", nl.selectFirst("meta[name=description]").attr("content"));

        Document fr = Jsoup.parse(site.page("fr/accessibility/index.html"));
        assertEquals("État de conformité", fr.selectFirst("main h2").text());
        assertTrue(fr.selectFirst("p:has(time[datetime=2026-10-01])").text().startsWith("Cette déclaration a été établie le 1 octobre 2026."),
                "a translation takes the dates, the status and the contact from the Dutch file");
        assertEquals("Méthode\u00A0: Auto-évaluation avec axe-core", fr.selectFirst("p:has(strong)").wholeText(), "in French, with French typography");
        assertEquals("mailto:toegankelijkheid@example.org", fr.selectFirst("a[href^=mailto:toegankelijkheid]").attr("href"));

        Document en = Jsoup.parse(site.page("en/accessibility/index.html"));
        assertEquals("This page is not yet available in English; it is shown in Dutch.", en.selectFirst(".notice").text(),
                "an untranslated statement is shown in Dutch, with the notice");
        assertEquals("Compliance status", en.selectFirst("main h2").text());
        assertTrue(site.page("sitemap.xml").contains("https://radicalevernieuwers.be/fr/accessibility/"));
    }

    @Test
    void everyPageLinksTheStatementInItsFooter() throws Exception {
        TestSite site = built("with-accessibility-statement");
        for (String page : List.of("index.html", "404.html", "nl/index.html", "fr/innovators/alpha/index.html", "en/campaigns/2026/vote/index.html",
                "fr/about/index.html", "en/accessibility/index.html")) {
            Document html = Jsoup.parse(site.page(page));
            String lang = page.contains("/") ? page.substring(0, 2) : "nl";
            assertEquals("/" + lang + "/accessibility/", html.selectFirst("footer a[href$=/accessibility/]").attr("href"), page);
        }
        assertEquals("Accessibilité", Jsoup.parse(site.page("fr/index.html")).selectFirst("footer a[href=/fr/accessibility/]").text());
    }

    @Test
    void siteCheckListsTheStatementsMissingTranslations() throws Exception {
        TestSite site = TestSite.create(folder, "with-accessibility-statement");
        SiteBuilder builder = new SiteBuilder(site.config());
        builder.build();
        List<String> table = builder.translations().table();
        assertTrue(table.stream().anyMatch(line -> line.matches("accessibility\\s+ok\\s+ok\\s+MISSING")), String.join("\n", table));
    }

    @Test
    void aSiteWithoutAStatementHasNoLinkToOne() throws Exception {
        TestSite site = built(null);
        assertFalse(Files.exists(site.output().resolve("nl/accessibility/index.html")));
        assertTrue(Jsoup.parse(site.page("nl/index.html")).select("footer a[href$=/accessibility/]").isEmpty());
    }

    @Test
    void aWrongConformanceDateOrContactIsNamedWithItsLineAndFix() throws Exception {
        assertEquals(List.of(
                        "content/accessibility/index.nl.md:3: 'conformance' must be full, partial or none (got \"mostly\"); write conformance: "
                                + "partial while any part of the site falls short of WCAG 2.1 level AA, full once none does",
                        "content/accessibility/index.nl.md:4: 'evaluated' is not a date (got \"5 december 2026\"); write it as year-month-day, such as 2026-12-05",
                        "content/accessibility/index.nl.md:7: the statement is reviewed (2026-11-01) before it was prepared (2026-12-05); "
                                + "set 'reviewed' to the date of the last review, on or after 'prepared'",
                        "content/accessibility/index.nl.md:8: 'contact' is neither an e-mail address nor a web address (got \"bel ons maar\"); "
                                + "write the address where visitors report a problem, such as contact: toegankelijkheid@example.org"),
                problems("fails-on-bad-accessibility-statement"));
    }

    @Test
    void aStatementWithoutItsFactsSaysWhichAreMissing() throws Exception {
        assertEquals(List.of(
                        "content/accessibility/index.nl.md:1: the required field 'evaluated' is missing; add a line 'evaluated: ...' (a date, such as 2026-12-05) between the two '---' lines",
                        "content/accessibility/index.nl.md:1: the required field 'method' is missing; add a line 'method: ...' (a text) between the two '---' lines",
                        "content/accessibility/index.nl.md:1: the required field 'prepared' is missing; add a line 'prepared: ...' (a date, such as 2026-12-05) between the two '---' lines",
                        "content/accessibility/index.nl.md:1: the required field 'contact' is missing; add a line 'contact: ...' (a text) between the two '---' lines",
                        "content/accessibility/index.nl.md:3: the site is partially conformant, but the text does not say what is not accessible; "
                                + "list below the front matter what is not accessible and why, or write conformance: full"),
                problems("fails-on-incomplete-accessibility-statement"));
    }

    @Test
    void anUnknownFieldInTheStatementSuggestsTheOneMeant() throws Exception {
        TestSite site = TestSite.create(folder, "with-accessibility-statement");
        site.replaceLine("content/accessibility/index.nl.md", "reviewed:", "revieweed: 2026-11-03");
        ContentException failure = assertThrows(ContentException.class, () -> new SiteBuilder(site.config()).build());
        assertEquals(List.of("content/accessibility/index.nl.md:8: unknown field 'revieweed'; did you mean 'reviewed'? The fields allowed here are: "
                + "conformance, contact, description, draft, evaluated, expiryDate, method, prepared, publishDate, reviewed, title"), failure.lines());
    }

    private List<String> problems(String scenario) throws Exception {
        TestSite site = TestSite.create(folder, scenario);
        ContentException failure = assertThrows(ContentException.class, () -> new SiteBuilder(site.config()).build());
        for (String line : failure.lines()) {
            assertTrue(line.matches("[^:]+(:\\d+)?: .+; .+"), "every problem reads path:line: what; fix -- " + line);
        }
        return failure.lines();
    }
}
