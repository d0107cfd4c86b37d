package be.socialeinnovatiefabriek.radicale.site.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What site:check reports: the site built in a folder of its own, its broken references by file and line, and its missing translations. */
class SiteCheckTest {

    @TempDir
    Path folder;

    @Test
    void buildsIntoItsOwnFolderAndNamesEachBrokenLinkAndEachMissingTranslation() throws Exception {
        TestSite site = TestSite.create(folder, "reports-broken-link");
        Path checked = site.root().resolve("target/site-check");
        SiteConfig config = site.config().with(checked, "https://radicalevernieuwers.be", TestSite.NOW, false);

        SiteCheck.Report report = SiteCheck.run(config);

        assertTrue(Files.isRegularFile(checked.resolve("en/about/index.html")), "the checked site is kept for inspection");
        assertFalse(Files.exists(site.output()), "the published folder is left alone");
        int line = Files.readAllLines(checked.resolve("en/about/index.html")).stream().takeWhile(l -> !l.contains("/en/jury/")).toList().size() + 1;
        assertEquals(List.of("en/about/index.html:" + line + ": link /en/jury/ points to no page or file; fix the link or add the page it names"),
                report.links().lines());
        assertEquals(3, report.translations().missing());
        assertTrue(report.build().pages() > 0, report.build().summary());
    }
}
