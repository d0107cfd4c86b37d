package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.links.LinkChecker;
import be.socialeinnovatiefabriek.radicale.site.links.LinkReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every internal link, image, asset and language alternate of the published sample site leads somewhere. */
class SiteLinksTest {

    @Test
    void everyReferenceOfThePublishedSiteResolves() throws Exception {
        Path site = SampleSite.published();

        long started = System.nanoTime();
        LinkReport report = new LinkChecker(site, SampleSite.BASE_URL).check();
        System.out.printf("%s in %.1f s%n", report.summary(), (System.nanoTime() - started) / 1e9);

        assertEquals(List.of(), report.lines(), String.join("\n", report.lines()));
        long checkable;
        try (Stream<Path> walk = Files.walk(site)) {
            checkable = walk.filter(p -> p.toString().matches(".*\\.(html|css|xml)$")).count();
        }
        assertEquals(checkable, report.files(), "every page, stylesheet, feed and sitemap is read");
        assertTrue(report.files() > 150, "the sample site has only " + report.files() + " pages");
        assertTrue(report.references() > 20 * report.files(), report.summary());
    }
}
