package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * axe-core finds no WCAG 2.1 A or AA violation on any page of the sample site, in every language,
 * as a visitor with JavaScript gets them from the preview: every generated page (home, profiles,
 * editions, the vote and its outcome pages, results, archive, plain pages, themes, news, 404), at
 * desktop and phone widths.
 */
class AccessibilityTest {

    @RegisterExtension
    final Browser browser = Browser.withJavaScript();

    final PreviewSite site = PreviewSite.get();

    @TestFactory
    Stream<DynamicTest> everyPageOfTheSiteOnADesktop() throws IOException {
        return pages().map(path -> DynamicTest.dynamicTest(path, () -> assertNoViolations(path)));
    }

    @TestFactory
    Stream<DynamicTest> everyKindOfPageOnAPhone() {
        List<String> kinds = List.of("", "innovators/papillon/", "campaigns/2026/", "campaigns/2026/vote/",
                "campaigns/2026/vote/check-your-mail/", "campaigns/2026/vote/thank-you/", "campaigns/2025/results/",
                "campaigns/", "over-ons/", "themes/", "404.html");
        return SampleSite.LANGUAGES.stream().flatMap(lang -> kinds.stream().map(kind -> "/" + lang + "/" + kind))
                .map(path -> DynamicTest.dynamicTest(path, () -> {
                    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                    assertNoViolations(path);
                }));
    }

    /** The page a missing address gets, with its 404 status, as the preview serves it. */
    @TestFactory
    Stream<DynamicTest> theNotFoundPageOfEachLanguage() {
        return SampleSite.LANGUAGES.stream().map(lang -> "/" + lang + "/no-such-page/")
                .map(path -> DynamicTest.dynamicTest(path, () -> assertNoViolations(path)));
    }

    /** The check itself sees a page's faults: a page without a language whose image has no alt text. */
    @Test
    void axeReportsAPageWithoutLanguageAndAnImageWithoutAltText() {
        WebDriver driver = browser.driver();
        driver.get("data:text/html,<!doctype html><title>t</title><main><img src='data:,'></main>");
        List<String> violations = Axe.violations(driver);
        assertEquals(List.of("html-has-lang", "image-alt"), violations.stream().map(line -> line.substring(0, line.indexOf(' '))).sorted().toList(),
                String.join("\n", violations));
    }

    private void assertNoViolations(String path) {
        WebDriver driver = browser.driver();
        driver.get(site.url(path));
        for (WebElement results : driver.findElements(By.cssSelector("[data-results]"))) {
            // Where the counter publishes results, the chart is drawn from its answer: check the page once it is there.
            if (site.status(results.getAttribute("data-api") + "/campaigns/" + results.getAttribute("data-campaign") + "/results") == 200) {
                Pages.waitUntil(driver, d -> !results.findElements(By.tagName("svg")).isEmpty());
            }
        }
        assertEquals(List.of(), Axe.violations(driver), path);
    }

    /** Every HTML page the preview built, as the site path a visitor opens (the root page picks a language and leaves). */
    private Stream<String> pages() throws IOException {
        Path root = SampleSite.targetDir().resolve("preview-site");
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(file -> file.toString().endsWith(".html"))
                    .map(file -> "/" + root.relativize(file).toString().replace('\\', '/').replaceFirst("(^|/)index\\.html$", "$1"))
                    .filter(path -> !path.equals("/"))
                    .sorted().toList().stream();
        }
    }
}
