package be.socialeinnovatiefabriek.radicale.site.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.TestSite;
import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site check: every broken reference is named with the file and line where a visitor meets it. */
class LinkCheckerTest {

    private static final String BASE_URL = "https://radicalevernieuwers.be";
    private static final String FIX = " points to no page or file; fix the link or add the page it names";

    @TempDir
    Path folder;

    private List<String> problems(TestSite site) throws Exception {
        return new LinkChecker(site.output(), BASE_URL).check().lines();
    }

    /** The line of the built file on which {@code text} first occurs, counted from 1. */
    private static int lineOf(TestSite site, String page, String text) throws Exception {
        List<String> lines = Files.readAllLines(site.output().resolve(page), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + page);
    }

    @Test
    void aLinkInTheContentToAMissingPageIsNamedWithItsPageAndLine() throws Exception {
        TestSite site = TestSite.create(folder, "reports-broken-link");
        new SiteBuilder(site.config()).build();

        int line = lineOf(site, "en/about/index.html", "href=\"/en/jury/\"");
        assertEquals(List.of("en/about/index.html:" + line + ": link /en/jury/" + FIX), problems(site));
    }

    @Test
    void problemsAreListedByFileThenLineEvenWhenAFileNameHoldsAColon() throws Exception {
        Path site = Files.createDirectories(folder.resolve("site"));
        Files.createDirectories(site.resolve("notes:2026"));
        Files.writeString(site.resolve("notes:2026/index.html"), "<!doctype html>\n<p>\n<a href=\"/gone/\">gone</a>\n");
        Files.writeString(site.resolve("index.html"), "<!doctype html>\n<a href=\"/first/\">first</a>\n" + "\n".repeat(8)
                + "<img src=\"/logo.png\">\n");
        Files.writeString(site.resolve("logo.png"), "png");

        List<String> problems = new LinkChecker(site, BASE_URL).check().lines();

        assertEquals(List.of("index.html:2: link /first/" + FIX,
                "index.html:11: image /logo.png has no alt text; describe the image in the content or template",
                "notes:2026/index.html:3: link /gone/" + FIX), problems);
    }

    @Test
    void aMissingSizeOfAResponsivePhotoIsNamedOnEveryPageThatOffersIt() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();
        Files.delete(site.output().resolve("media/innovators/alpha/photo-480.webp"));

        List<String> problems = problems(site);

        int line = lineOf(site, "fr/innovators/alpha/index.html", "photo-480.webp");
        assertTrue(problems.contains("fr/innovators/alpha/index.html:" + line
                + ": image (srcset) /media/innovators/alpha/photo-480.webp" + FIX), String.join("\n", problems));
        assertTrue(problems.stream().allMatch(p -> p.contains("/media/innovators/alpha/photo-480.webp")), String.join("\n", problems));
    }

    @Test
    void aFontTheStylesheetLoadsIsCheckedRelativeToTheStylesheet() throws Exception {
        TestSite site = TestSite.create(folder, null);
        Path css = site.root().resolve("site-template/assets/site.css");
        Files.writeString(css, "\n@font-face { font-family: Brand;\n  src: url(\"fonts/brand.woff2\") format(\"woff2\"); }\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        new SiteBuilder(site.config()).build();

        int line = lineOf(site, "assets/site.css", "brand.woff2");
        assertEquals(List.of("assets/site.css:" + line + ": stylesheet url() fonts/brand.woff2" + FIX), problems(site));

        Files.createDirectories(site.output().resolve("assets/fonts"));
        Files.writeString(site.output().resolve("assets/fonts/brand.woff2"), "font");
        assertEquals(List.of(), problems(site), "the font is found next to the stylesheet");
    }

    @Test
    void aMissingTranslationPageBreaksTheLanguageAlternatesThatNameIt() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();
        Files.delete(site.output().resolve("fr/innovators/alpha/index.html"));

        List<String> problems = problems(site);

        int line = lineOf(site, "nl/innovators/alpha/index.html", "hreflang=\"fr\" href=");
        assertTrue(problems.contains("nl/innovators/alpha/index.html:" + line
                + ": language alternate (fr) " + BASE_URL + "/fr/innovators/alpha/" + FIX), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("sitemap.xml:") && p.contains("language alternate (fr)")),
                String.join("\n", problems));
    }

    @Test
    void aMissingShareImageIsNamedForTheShareCardThatShowsIt() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();
        Files.delete(site.output().resolve("assets/share-default.png"));

        List<String> problems = problems(site);

        int line = lineOf(site, "en/about/index.html", "og:image\" content=");
        assertTrue(problems.contains("en/about/index.html:" + line + ": og:image " + BASE_URL + "/assets/share-default.png" + FIX),
                String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("en/about/index.html:") && p.contains(": twitter:image ")),
                String.join("\n", problems));
    }

    @Test
    void readsEveryKindOfAddressABrowserLoadsOrFollows() throws Exception {
        Path site = folder.resolve("site");
        Files.createDirectories(site.resolve("en"));
        Files.writeString(site.resolve("en/index.html"), String.join("\n",
                "<!doctype html><html lang=en><head><title>t</title>",
                "<link rel=icon href=/missing/icon.svg>",
                "<meta http-equiv=refresh content=\"0; url=/missing/redirect/\">",
                "<style>body { background: url('../missing/paper.png') }</style>",
                "<script type=application/ld+json>{\"url\":\"" + BASE_URL + "/missing/org/\",\"sameAs\":\"https://example.org/x\"}</script>",
                "</head><body id=top-of-page>",
                "<a href=#top-of-page>up</a> <a href=\"#nowhere\">down</a> <a href=\"https://example.org/elsewhere\">out</a>",
                "<form action=/api/votes method=post></form>",
                "<video poster=/missing/poster.jpg src=/missing/clip.mp4></video>",
                "<object data=/missing/chart.svg></object>",
                "<svg><use href=\"/missing/sprite.svg#i\"></use></svg>",
                "<div style=\"background-image: url(/missing/tile.png)\"></div>",
                "<img src=/en/ alt=\"\" srcset=\"/missing/a.jpg 1x, /en/ 2x\">",
                "<a href=\"/en/#nowhere\">back</a>",
                "<a href=\"/en/a|b\">pipe</a>",
                "</body></html>"), StandardCharsets.UTF_8);

        LinkReport report = new LinkChecker(site, BASE_URL).check();

        assertEquals(List.of(
                "en/index.html:2: icon /missing/icon.svg" + FIX,
                "en/index.html:3: redirect /missing/redirect/" + FIX,
                "en/index.html:4: stylesheet url() ../missing/paper.png" + FIX,
                "en/index.html:5: structured data address " + BASE_URL + "/missing/org/" + FIX,
                "en/index.html:7: link #nowhere points to no element with id \"nowhere\" in en/index.html; fix the link or give an element of that page this id",
                "en/index.html:9: image /missing/poster.jpg" + FIX,
                "en/index.html:9: media /missing/clip.mp4" + FIX,
                "en/index.html:10: object /missing/chart.svg" + FIX,
                "en/index.html:11: graphic /missing/sprite.svg#i" + FIX,
                "en/index.html:12: stylesheet url() /missing/tile.png" + FIX,
                "en/index.html:13: image (srcset) /missing/a.jpg" + FIX,
                "en/index.html:14: link /en/#nowhere points to no element with id \"nowhere\" in en/index.html; fix the link or give an element of that page this id",
                "en/index.html:15: link /en/a|b is not a valid address (Illegal character in path); fix the link"),
                report.lines());
        assertEquals(1, report.files());
    }
}
