package be.socialeinnovatiefabriek.radicale.site.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.ContentException;
import be.socialeinnovatiefabriek.radicale.site.TestSite;
import be.socialeinnovatiefabriek.radicale.site.output.OutputFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one run of {@code mvn site} keeps for the next (target/.site-cache: Markdown bodies and pages): the next run
 * renders only what changed, and writes byte for byte the site a build without any cache writes, whatever changed in
 * between: a template, a UI string, a text, an image, or the cache file itself.
 */
class BuildCacheTest {

    @TempDir
    Path folder;

    private static BuildReport run(TestSite site) throws Exception {
        return new SiteBuilder(site.config()).build(); // a new run: nothing kept in memory
    }

    /** The site a build without a cache makes of the same project now. */
    private static Map<String, String> withoutCache(TestSite site) throws Exception {
        Path caches = site.output().resolveSibling(".site-cache");
        Path aside = caches.resolveSibling(".site-cache-aside");
        Files.move(caches, aside);
        try {
            run(site);
            return files(site.output());
        } finally {
            OutputFolder.deleteTree(caches);
            Files.move(aside, caches);
        }
    }

    private static Map<String, String> files(Path output) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(output)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".jpg") && !f.toString().endsWith(".webp")
                    && !f.toString().endsWith(".png") && !f.toString().endsWith(".pdf")).toList()) {
                files.put(output.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    @Test
    void aSecondRunRendersNothingAndWritesTheSameSite() throws Exception {
        TestSite site = TestSite.create(folder, "with-news");
        BuildReport first = run(site);
        assertEquals(first.pages(), first.rendered());
        assertTrue(Files.isRegularFile(site.output().resolveSibling(".site-cache/pages.pack")));
        assertTrue(Files.isRegularFile(site.output().resolveSibling(".site-cache/markdown.pack")));
        Map<String, String> before = files(site.output());

        BuildReport second = run(site);
        assertEquals(0, second.rendered(), second.summary());
        assertEquals(before, files(site.output()));
        assertEquals(before, withoutCache(site));
    }

    @Test
    void aTemplateEditedBetweenRunsReachesEveryPage() throws Exception {
        TestSite site = TestSite.create(folder, null);
        run(site);
        Path layout = site.root().resolve("site-template/templates/layout.ftl");
        Files.writeString(layout, Files.readString(layout).replace("</body>", "<!-- footer edited --></body>"));

        BuildReport second = run(site);
        assertEquals(second.pages(), second.rendered(), second.summary());
        assertTrue(site.page("nl/index.html").contains("<!-- footer edited -->"));
        assertTrue(site.page("en/about/index.html").contains("<!-- footer edited -->"));
        assertEquals(files(site.output()), withoutCache(site));
    }

    @Test
    void aUiStringEditedBetweenRunsReRendersThatLanguageOnly() throws Exception {
        TestSite site = TestSite.create(folder, null);
        BuildReport first = run(site);
        Path english = site.root().resolve("site-template/i18n/messages_en.properties");
        String text = Files.readString(english);
        String line = text.lines().filter(l -> l.startsWith("org.name=")).findFirst().orElseThrow();
        Files.writeString(english, text.replace(line, "org.name=Social Innovation Factory (edited)"));

        BuildReport second = run(site);
        assertTrue(second.rendered() > 0 && second.rendered() < first.rendered(), second.summary());
        assertTrue(site.page("en/index.html").contains("Social Innovation Factory (edited)"));
        assertFalse(site.page("nl/index.html").contains("(edited)"));
        assertEquals(files(site.output()), withoutCache(site));
    }

    @Test
    void aTextEditedBetweenRunsShowsAndTheUnchangedTextsComeFromTheCache() throws Exception {
        TestSite site = TestSite.create(folder, null);
        run(site);
        Path about = site.root().resolve("content/pages/about/index.en.md");
        Files.writeString(about, Files.readString(about) + "\nA sentence added between two runs.\n");

        BuildReport second = run(site);
        assertTrue(second.rendered() > 0 && second.rendered() < second.pages(), second.summary());
        assertTrue(site.page("en/about/index.html").contains("A sentence added between two runs."));
        assertEquals(files(site.output()), withoutCache(site));
    }

    @Test
    void anImageRemovedBetweenRunsStopsTheBuildAsItWouldWithoutACache() throws Exception {
        TestSite site = TestSite.create(folder, null);
        TestSite.writePhoto(site.root().resolve("content/pages/about/schema.jpg"), 800, 600);
        Path about = site.root().resolve("content/pages/about/index.nl.md");
        Files.writeString(about, Files.readString(about) + "\n![Het schema van de stemming](schema.jpg)\n");
        run(site);
        assertTrue(site.page("nl/about/index.html").contains("schema.jpg"));
        String before = site.page("nl/about/index.html");

        Files.delete(site.root().resolve("content/pages/about/schema.jpg"));
        ContentException missing = assertThrows(ContentException.class, () -> run(site));
        assertTrue(missing.getMessage().contains("content/pages/about/index.nl.md:7: the image 'schema.jpg' is not in about/"),
                missing.getMessage());
        assertEquals(before, site.page("nl/about/index.html"), "the last good site is still there");
    }

    @Test
    void aDamagedOrForeignCacheFileIsIgnoredAndWrittenAnew() throws Exception {
        TestSite site = TestSite.create(folder, "with-news");
        BuildReport first = run(site);
        Map<String, String> before = files(site.output());
        Path pages = site.output().resolveSibling(".site-cache/pages.pack");
        Path markdown = site.output().resolveSibling(".site-cache/markdown.pack");
        byte[] bytes = Files.readAllBytes(pages);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(pages, bytes);
        Files.writeString(markdown, "not what a build writes");

        BuildReport second = run(site);
        assertEquals(first.pages(), second.rendered(), "every page rendered again: " + second.summary());
        assertEquals(before, files(site.output()));
        assertEquals(0, run(site).rendered(), "and the cache written anew");
    }

    @Test
    void aCacheThatCannotBeWrittenIsSaidAndTheSiteIsStillWhole() throws Exception {
        TestSite site = TestSite.create(folder, "with-news");
        Path pages = site.output().resolveSibling(".site-cache/pages.pack");
        Files.createDirectories(pages.resolve("in-the-way")); // a folder where the file must go: it cannot be replaced

        BuildReport first = run(site);
        assertTrue(first.summary().contains("; the cache for the next build could not be written (") && first.summary().contains(pages.toString()),
                first.summary());
        assertTrue(first.summary().endsWith("this site is complete, the next build renders every page again"), first.summary());
        Map<String, String> written = files(site.output());

        Files.delete(pages.resolve("in-the-way"));
        Files.delete(pages);
        BuildReport second = run(site);
        assertEquals(second.pages(), second.rendered(), "no page was kept: " + second.summary());
        assertFalse(second.summary().contains("could not be written"), second.summary());
        assertEquals(written, files(site.output()));
    }
}
