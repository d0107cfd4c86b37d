package be.socialeinnovatiefabriek.radicale.site.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.ContentException;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.TestSite;
import be.socialeinnovatiefabriek.radicale.site.output.OutputFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A preview rebuilding after a save re-renders only the pages that change, and writes exactly what a fresh build writes. */
class RebuildTest {

    @TempDir
    Path folder;

    @Test
    void aFrontMatterEditReRendersOnlyThePagesWhoseModelChangedAndMakesTheSiteAFreshBuildMakes() throws Exception {
        TestSite site = TestSite.create(folder, "with-news");
        SiteBuilder preview = new SiteBuilder(site.config(true));
        BuildReport first = preview.build();
        assertEquals(first.pages(), first.rendered());

        Path about = site.root().resolve("content/pages/about/index.en.md");
        Files.writeString(about, Files.readString(about).replaceFirst("title: ", "title: Newly "));
        BuildReport edited = preview.build();

        assertTrue(edited.rendered() < edited.pages(), "not every page: " + edited.summary());
        assertTrue(edited.rendered() > 0 && edited.filesWritten() > 0, edited.summary());
        assertTrue(site.page("en/about/index.html").contains("Newly "), "the edited page shows the edit");
        assertEquals(pages(freshBuild(site)), pages(site.output()), "every page as a fresh build makes it");

        Path alpha = site.root().resolve("content/innovators/alpha/index.en.md");
        Files.writeString(alpha, Files.readString(alpha).replace("Alpha text in en.", "Alpha, freshly edited."));
        BuildReport text = preview.build();
        assertTrue(text.rendered() < edited.pages(), text.summary());
        assertEquals(pages(freshBuild(site)), pages(site.output()), "after a text edit too");

        Path news = site.root().resolve("content/news/2026-11-09-nominees/index.en.md");
        Files.writeString(news, Files.readString(news) + "\nA line added to the news.\n");
        BuildReport newsText = preview.build();
        assertTrue(newsText.rendered() < edited.pages(), newsText.summary());
        assertTrue(Files.readString(site.output().resolve("en/news/feed.xml")).contains("A line added to the news."), "the feed shows it");
        assertEquals(pages(freshBuild(site)), pages(site.output()), "and after a text edit of a news item, the feeds too");
    }

    @Test
    void aFolderNotSavedAgainIsStillCheckedAgainstWhatChangedAroundIt() throws Exception {
        TestSite site = TestSite.create(folder, "with-news");
        SiteBuilder preview = new SiteBuilder(site.config(true));
        preview.build();

        // Beta's file is as it was; the theme it names is no longer in the messages.
        Map<Path, String> messages = new TreeMap<>();
        for (String lang : new String[] {"nl", "fr", "en"}) {
            Path file = site.root().resolve("site-template/i18n/messages_" + lang + ".properties");
            messages.put(file, Files.readString(file));
            site.replaceLine("site-template/i18n/messages_" + lang + ".properties", "theme.care=", "");
        }
        ContentException unknownTheme = assertThrows(ContentException.class, preview::build);
        assertTrue(unknownTheme.getMessage().contains("content/innovators/beta/index.nl.md"), unknownTheme.getMessage());
        assertTrue(site.page("nl/index.html").length() > 0, "the last good site is still there");

        for (Map.Entry<Path, String> file : messages.entrySet()) {
            Files.writeString(file.getKey(), file.getValue());
        }
        preview.build();
        assertEquals(pages(freshBuild(site)), pages(site.output()), "with the theme back, the site a fresh build makes");

        // A text made shorter: the page holds nothing of its longer self.
        Path alpha = site.root().resolve("content/innovators/alpha/index.en.md");
        Files.writeString(alpha, Files.readString(alpha).replace("Alpha text in en.", "A."));
        preview.build();
        assertEquals(pages(freshBuild(site)), pages(site.output()), "after a text made shorter");

        // The news items are as they were; the edition one of them names is gone.
        OutputFolder.deleteTree(site.root().resolve("content/campaigns/2026"));
        ContentException noEdition = assertThrows(ContentException.class, preview::build);
        assertTrue(noEdition.getMessage().contains("content/news/2026-11-09-nominees/index.nl.md"), noEdition.getMessage());
    }

    private Path freshBuild(TestSite site) throws Exception {
        // A folder of its own, so that its cache (beside the output) is empty too: rendered from scratch.
        Path output = folder.resolve("fresh-" + System.nanoTime()).resolve("site");
        SiteConfig config = site.config(true).with(output, site.config(true).baseUrl(), TestSite.NOW, true);
        new SiteBuilder(config).build();
        return output;
    }

    private static Map<String, String> pages(Path output) throws Exception {
        Map<String, String> pages = new TreeMap<>();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".xml")).toList()) {
                pages.put(output.relativize(file).toString(), Files.readString(file));
            }
        }
        return pages;
    }
}
