package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core finds no WCAG 2.1 A or AA violation on any page of the sample site, in every language,
 * as a visitor with JavaScript gets them from the preview: every generated page (home, profiles,
 * editions, the vote and its outcome pages, results, archive, plain pages, themes, news, 404), at
 * desktop and phone widths.
 */
class AccessibilityTest {

    @RegisterExtension
    final Browser browser = Browser.withJavaScript();

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
                .map(path -> DynamicTest.dynamicTest(path, () -> {
                    assertEquals(404, browser.site().status(path));
                    assertNoViolations(path);
                }));
    }

    /**
     * The states a vote goes through in each language: the form's answer in place, then the counter's
     * confirmation page, and the counter's page for a link that does not work.
     */
    @TestFactory
    Stream<DynamicTest> theVoteAsItGoes() {
        return SampleSite.LANGUAGES.stream().map(lang -> DynamicTest.dynamicTest(lang, () -> {
            WebDriver driver = browser.driver();
            String address = "axe-" + UUID.randomUUID() + "@example.org";
            driver.get(browser.site().url("/" + lang + "/campaigns/2026/vote/"));
            WebElement form = driver.findElement(By.cssSelector("form.vote-form"));
            Pages.choose(driver, form.findElement(By.cssSelector("input[type=radio]")));
            form.findElement(By.cssSelector("input[type=email]")).sendKeys(address);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            Pages.feedback(driver, form);
            assertEquals(List.of(), Axe.violations(driver), "the vote page with the form's answer");
            driver.get(browser.site().url("/_outbox/"));
            Pages.outboxLink(driver, address).click();
            assertEquals(lang, Pages.language(driver));
            assertEquals(List.of(), Axe.violations(driver), "the confirmation page");
            driver.get(browser.site().url("/api/votes/confirm?token=" + UUID.randomUUID()));
            assertEquals(List.of(), Axe.violations(driver), "the page of a link that does not work");
        }));
    }

    /** The root page as shown before its script sends the visitor on (or when the script does not load): the language choice. */
    @Test
    void theLanguageChoiceOfTheRootPage() {
        ChromeDriver driver = (ChromeDriver) browser.driver();
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/site.js")));
        driver.get(browser.site().url("/"));
        assertEquals("/", Pages.path(driver));
        assertEquals(List.of(), Axe.violations(driver));
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
        driver.get(browser.site().url(path));
        for (WebElement results : driver.findElements(By.cssSelector("[data-results]"))) {
            // Where the counter publishes results, the chart is drawn from its answer: check the page once it is there.
            if (browser.site().status(results.getAttribute("data-api") + "/campaigns/" + results.getAttribute("data-campaign") + "/results") == 200) {
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
