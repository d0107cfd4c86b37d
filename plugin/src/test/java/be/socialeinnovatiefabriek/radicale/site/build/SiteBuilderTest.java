package be.socialeinnovatiefabriek.radicale.site.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.ContentException;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.TestSite;
import be.socialeinnovatiefabriek.radicale.site.links.LinkChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A valid multilingual site: what visitors get in each language. */
class SiteBuilderTest {

    @TempDir
    Path folder;

    private Document build(TestSite site, String path) throws Exception {
        new SiteBuilder(site.config()).build();
        return Jsoup.parse(site.page(path));
    }

    @Test
    void writesAHomePagePerLanguageAndALanguageChoiceAtTheRoot() throws Exception {
        TestSite site = TestSite.create(folder, null);
        BuildReport report = new SiteBuilder(site.config()).build();

        for (String lang : List.of("nl", "fr", "en")) {
            Document home = Jsoup.parse(site.page(lang + "/index.html"));
            assertEquals(lang, home.selectFirst("html").attr("lang"));
        }
        Document root = Jsoup.parse(site.page("index.html"));
        List<String> links = root.select("a[href]").eachAttr("href");
        assertTrue(links.containsAll(List.of("/nl/", "/fr/", "/en/")), "root links all languages: " + links);
        assertEquals(report.pagesByLanguage().get("nl"), report.pagesByLanguage().get("fr"));
        assertTrue(report.summary().matches("Built \\d+ pages \\(nl \\d+, fr \\d+, en \\d+\\) in \\d+ ms; "
                + "media: \\d+ images and \\d+ posters made, \\d+ from cache, in \\d+ ms"), report.summary());
    }

    @Test
    void linksTranslationsWithHreflangAndXDefault() throws Exception {
        Document profile = build(TestSite.create(folder, null), "fr/innovators/alpha/index.html");

        List<String> alternates = profile.select("link[rel=alternate][hreflang]").stream()
                .map(link -> link.attr("hreflang") + "=" + link.attr("href")).collect(Collectors.toList());
        assertEquals(List.of(
                "nl=https://radicalevernieuwers.be/nl/innovators/alpha/",
                "fr=https://radicalevernieuwers.be/fr/innovators/alpha/",
                "en=https://radicalevernieuwers.be/en/innovators/alpha/",
                "x-default=https://radicalevernieuwers.be/nl/innovators/alpha/"), alternates);
        assertEquals("Alpha fait la différence", profile.selectFirst(".lead").text());
    }

    @Test
    void showsAMissingTranslationInDutchWithANoticeInTheVisitorsLanguage() throws Exception {
        TestSite site = TestSite.create(folder, null);
        Document beta = build(site, "fr/innovators/beta/index.html");

        assertEquals("Cette page n’est pas encore traduite en français. Elle est affichée en néerlandais.", beta.selectFirst(".notice").text());
        assertEquals("Alleen in het Nederlands.", beta.selectFirst("[lang=nl] p:containsOwn(Alleen)").text(), "the Dutch text is marked as Dutch");
        List<String> switcher = beta.select("a[hreflang]").eachAttr("href");
        assertTrue(switcher.contains("/nl/innovators/beta/"), "switcher offers the Dutch original: " + switcher);
        assertFalse(switcher.contains("/en/innovators/beta/"), "switcher offers no language that does not exist: " + switcher);
        assertEquals("https://radicalevernieuwers.be/nl/innovators/beta/", beta.selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void formatsTheVotingWindowPerLanguageInBrusselsTime() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();

        assertTrue(Jsoup.parse(site.page("fr/campaigns/2026/index.html")).text().contains("16 novembre 2026"));
        assertTrue(Jsoup.parse(site.page("nl/campaigns/2026/index.html")).text().contains("16 november 2026"));
        assertTrue(Jsoup.parse(site.page("en/campaigns/2026/index.html")).text().contains("16 November 2026"));
    }

    @Test
    void escapesMarkupInContentValuesAndText() throws Exception {
        TestSite site = TestSite.create(folder, null);
        site.replaceLine("content/innovators/alpha/index.nl.md", "name:", "name: \"Alpha <img src=x onerror=alert(1)>\"");
        site.write("content/innovators/alpha/index.nl.md", Files.readString(site.root().resolve("content/innovators/alpha/index.nl.md"))
                + "\n<script>alert(2)</script>\n");
        new SiteBuilder(site.config()).build();

        String html = site.page("nl/innovators/alpha/index.html");
        assertFalse(html.contains("<img src=x"), "a name never becomes markup");
        assertFalse(html.contains("<script>alert(2)"), "HTML in Markdown is shown as text");
        assertTrue(Jsoup.parse(html).selectFirst("h1").text().startsWith("Alpha <img"));
    }

    @Test
    void turnsWebAndMailAddressesWrittenInTheTextIntoLinks() throws Exception {
        TestSite site = TestSite.create(folder, null);
        site.write("content/pages/contact/index.nl.md", "---\ntitle: Contact\n---\n"
                + "Zie https://socialeinnovatiefabriek.be/oproep of mail info@example.org.\n");
        site.write("content/pages/web/index.nl.md", "---\ntitle: Web\n---\nOok op www.example.org.\n");
        site.write("content/pages/plain/index.nl.md", "---\ntitle: Tekst\n---\nGewoon *tekst* zonder adres.\n");

        new SiteBuilder(site.config()).build();
        Document contact = Jsoup.parse(site.page("nl/contact/index.html"));
        assertEquals(List.of("https://socialeinnovatiefabriek.be/oproep", "mailto:info@example.org"), contact.select(".prose a").eachAttr("href"));
        assertEquals(List.of("http://www.example.org"), Jsoup.parse(site.page("nl/web/index.html")).select(".prose a").eachAttr("href"));
        assertEquals("<p>Gewoon <em>tekst</em> zonder adres.</p>", Jsoup.parse(site.page("nl/plain/index.html")).selectFirst(".prose").html());
    }

    @Test
    void editorBackupAndSwapFilesAreNeverPublished() throws Exception {
        TestSite site = TestSite.create(folder, null);
        site.write("content/innovators/alpha/index.nl.md~", "an editor's backup");
        site.write("content/innovators/alpha/.index.nl.md.swp", "an editor's swap file");

        new SiteBuilder(site.config()).build();
        try (var files = Files.walk(site.output())) {
            assertEquals(List.of(), files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith("~") || name.endsWith(".swp")).collect(Collectors.toList()));
        }
    }

    @Test
    void leavesDraftsOutOfThePublishedSiteAndShowsThemInPreviewWithABanner() throws Exception {
        TestSite site = TestSite.create(folder, null);
        site.write("content/pages/plans/index.nl.md", "---\ntitle: Plannen\ndraft: true\n---\nNog geheim.\n");
        site.write("content/pages/later/index.nl.md", "---\ntitle: Later\npublishDate: 2027-01-01T00:00+01:00\n---\nStraks.\n");

        new SiteBuilder(site.config()).build();
        assertFalse(Files.exists(site.output().resolve("nl/plans/index.html")));
        assertFalse(Files.exists(site.output().resolve("nl/later/index.html")));

        new SiteBuilder(site.config(true)).build();
        assertTrue(Jsoup.parse(site.page("nl/plans/index.html")).selectFirst(".status-banner--draft") != null);
        assertTrue(Jsoup.parse(site.page("nl/later/index.html")).selectFirst(".status-banner--scheduled") != null);
    }

    @Test
    void takesAPageDownInEveryLanguageOnceItsDutchTextHasExpired() throws Exception {
        TestSite site = TestSite.create(folder, null);
        site.write("content/pages/about/index.nl.md", "---\ntitle: Over ons\nmenu: 1\nexpiryDate: 2026-11-01\n---\nVoorbij.\n");

        new SiteBuilder(site.config()).build();

        assertFalse(Files.exists(site.output().resolve("nl/about/index.html")));
        assertFalse(Files.exists(site.output().resolve("en/about/index.html")), "the English text goes with the Dutch one it starts from");
    }

    @Test
    void publishesAScheduledPageOnceItsMomentHasCome() throws Exception {
        TestSite site = TestSite.create(folder, null);
        site.write("content/pages/later/index.nl.md", "---\ntitle: Later\npublishDate: 2026-11-20\n---\nNu.\n");

        new SiteBuilder(site.config()).build();

        assertTrue(Files.exists(site.output().resolve("nl/later/index.html")));
    }

    @Test
    void listsInnovatorsPerThemeWithTranslatedLabels() throws Exception {
        Document theme = build(TestSite.create(folder, null), "en/themes/care/index.html");

        assertEquals("Beta", theme.select("main a[href=/en/innovators/beta/]").first().text());
        assertTrue(theme.select("main a[href=/en/innovators/alpha/]").isEmpty());
    }

    @Test
    void aProfileWhoseSourcesNameNoChallengeGoesWithoutThemes() throws Exception {
        TestSite site = TestSite.create(folder, null);
        site.replaceLine("content/innovators/beta/index.nl.md", "themes:", "region: Gent");
        Document beta = build(site, "en/innovators/beta/index.html");

        assertEquals(List.of("Region"), beta.select(".profile .facts dt").eachText().stream().filter(dt -> !dt.equals("Organisation")
                && !dt.equals("Editions")).toList(), "no themes are listed");
        assertTrue(Jsoup.parse(site.page("en/themes/index.html")).select("main a[href=/en/themes/care/]").isEmpty(),
                "a theme nobody works on has no page");
    }

    @Test
    void publishesPhotosInSeveralWidthsNeverTheOriginal() throws Exception {
        TestSite site = TestSite.create(folder, null);
        Document profile = build(site, "en/innovators/alpha/index.html");

        var photo = profile.selectFirst("img.profile__photo");
        assertEquals("The Alpha logo", photo.attr("alt"));
        assertEquals("/media/innovators/alpha/photo-960.jpg", photo.attr("src"));
        assertEquals("/media/innovators/alpha/photo-480.jpg 480w, /media/innovators/alpha/photo-960.jpg 960w", photo.attr("srcset"));
        assertEquals("960", photo.attr("width"));
        assertEquals("640", photo.attr("height"));
        assertTrue(Files.isRegularFile(site.output().resolve("media/innovators/alpha/photo-480.jpg")));
        assertFalse(Files.exists(site.output().resolve("media/innovators/alpha/photo.jpg")), "the original is not shipped");
        assertTrue(profile.select("main .card__photo").stream().allMatch(img -> "lazy".equals(img.attr("loading"))), "cards load lazily");
    }

    @Test
    void drawsAShareCardAndAPosterPerNomineeAndLanguageOnlyOnce() throws Exception {
        TestSite site = TestSite.create(folder, null);
        BuildReport first = new SiteBuilder(site.config()).build();
        Document profile = Jsoup.parse(site.page("fr/innovators/alpha/index.html"));

        assertEquals("https://radicalevernieuwers.be/media/share/2026/alpha.fr.png", profile.selectFirst("meta[property=og:image]").attr("content"));
        var card = javax.imageio.ImageIO.read(site.output().resolve("media/share/2026/alpha.fr.png").toFile());
        assertEquals(1200, card.getWidth());
        assertEquals(630, card.getHeight());
        assertEquals("/media/posters/2026/alpha.fr.pdf", profile.selectFirst("a[href$=.pdf]").attr("href"));
        assertTrue(Files.isRegularFile(site.output().resolve("media/posters/2026/beta.en.pdf")));
        assertEquals(6, first.posters(), "2 nominees x 3 languages");

        BuildReport again = new SiteBuilder(site.config()).build();
        assertEquals(0, again.images() + again.posters(), "an unchanged site draws nothing: " + again.summary());
    }

    @Test
    void theSiteBuildWritesEveryImageAndPosterBeforeItFinishes() throws Exception {
        TestSite site = TestSite.create(folder, null);
        BuildReport report = new SiteBuilder(site.config()).build();

        assertFalse(report.mediaLater(), report.summary());
        List<String> named = new java.util.ArrayList<>();
        for (String lang : List.of("nl", "fr", "en")) {
            Document profile = Jsoup.parse(site.page(lang + "/innovators/alpha/index.html"));
            profile.select("img[src]").forEach(img -> named.add(img.attr("src")));
            profile.select("img[srcset], source[srcset]").forEach(element -> java.util.Arrays.stream(element.attr("srcset").split(","))
                    .map(entry -> entry.strip().split(" ")[0]).forEach(named::add));
            profile.select("a[href$=.pdf]").forEach(link -> named.add(link.attr("href")));
            named.add(profile.selectFirst("meta[property=og:image]").attr("content").replace("https://radicalevernieuwers.be", ""));
        }
        assertTrue(named.stream().anyMatch(path -> path.endsWith(".webp")) && named.stream().anyMatch(path -> path.endsWith(".pdf")), named.toString());
        for (String path : named) {
            assertTrue(Files.isRegularFile(site.output().resolve(path.substring(1))), "written by the build: " + path);
        }
    }

    @Test
    void aPhotoTooSmallStopsTheBuildWithWhatToDo() throws Exception {
        TestSite site = TestSite.create(folder, null);
        TestSite.writePhoto(site.root().resolve("content/innovators/beta/photo.jpg"), 300, 200);

        ContentException failure = org.junit.jupiter.api.Assertions.assertThrows(ContentException.class, () -> new SiteBuilder(site.config()).build());

        assertEquals(List.of("content/innovators/beta/index.nl.md:6: the photo 'photo.jpg' is 300 pixels wide, too small for the site; "
                        + "use a photo at least 480 pixels wide (1440 or more looks sharp on large screens)"), failure.lines(),
                "the problem is at the line that names the photo, once");
    }

    @Test
    void aPhotoTooSmallIsReportedWithTheOtherContentProblems() throws Exception {
        TestSite site = TestSite.create(folder, "fails-on-unknown-key");
        TestSite.writePhoto(site.root().resolve("content/innovators/beta/photo.jpg"), 300, 200);

        ContentException failure = org.junit.jupiter.api.Assertions.assertThrows(ContentException.class, () -> new SiteBuilder(site.config()).build());

        assertEquals(2, failure.lines().size(), failure.lines().toString());
        assertTrue(failure.lines().get(0).startsWith("content/innovators/alpha/index.nl.md:5: unknown field 'foto'"), failure.lines().toString());
        assertTrue(failure.lines().get(1).startsWith("content/innovators/beta/index.nl.md:6: the photo 'photo.jpg' is 300 pixels wide"),
                failure.lines().toString());
    }

    @Test
    void answersUnknownAddressesWithA404PagePerLanguage() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();

        Document notFound = Jsoup.parse(site.page("fr/404.html"));
        assertEquals("fr", notFound.selectFirst("html").attr("lang"));
        assertEquals("Page introuvable – Radicale Vernieuwers", notFound.title());
        assertTrue(Files.isRegularFile(site.output().resolve("404.html")));
    }

    @Test
    void prefixesEveryLinkWithThePathOfTheBaseUrl() throws Exception {
        TestSite site = TestSite.create(folder, null);
        SiteConfig config = site.config().with(site.output(), "https://example.org/radicale", TestSite.NOW, false);
        new SiteBuilder(config).build();

        Document home = Jsoup.parse(site.page("nl/index.html"));
        assertEquals(List.of(), home.select("a[href^=/nl/], a[href^=/fr/], a[href^=/en/]").eachAttr("href"), "no link escapes the base path");
        assertFalse(home.select("a[href^=/radicale/nl/]").isEmpty());
        assertTrue(new LinkChecker(site.output(), "https://example.org/radicale").check().problems().isEmpty());
    }

    @Test
    void producesASiteWithoutBrokenLinksOrImagesWithoutAltText() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();

        assertEquals(List.of(), new LinkChecker(site.output(), "https://radicalevernieuwers.be").check().lines());
    }

    @Test
    void tellsWhichPagesLackWhichTranslation() throws Exception {
        TestSite site = TestSite.create(folder, null);
        SiteBuilder builder = new SiteBuilder(site.config());
        builder.build();

        List<String> table = builder.translations().table();
        assertTrue(table.stream().anyMatch(line -> line.matches("innovators/beta\\s+ok\\s+MISSING\\s+MISSING")), String.join("\n", table));
        assertTrue(table.stream().anyMatch(line -> line.matches("pages/about\\s+ok\\s+MISSING\\s+ok")), String.join("\n", table));
        assertEquals(3, builder.translations().missing());
    }

    @Test
    void aTranslationDeletedDuringThePreviewFallsBackToDutchOnTheNextBuild() throws Exception {
        TestSite site = TestSite.create(folder, null);
        SiteBuilder preview = new SiteBuilder(site.config(true));
        preview.build();
        assertEquals("Alpha fait la différence", Jsoup.parse(site.page("fr/innovators/alpha/index.html")).selectFirst(".lead").text());

        site.delete("content/innovators/alpha/index.fr.md");
        preview.build();
        String rebuilt = site.page("fr/innovators/alpha/index.html");

        assertEquals("Cette page n’est pas encore traduite en français. Elle est affichée en néerlandais.",
                Jsoup.parse(rebuilt).select(".notice").text());
        new SiteBuilder(site.config(true)).build();
        assertEquals(site.page("fr/innovators/alpha/index.html"), rebuilt, "the page is as a fresh build makes it");
    }
}
