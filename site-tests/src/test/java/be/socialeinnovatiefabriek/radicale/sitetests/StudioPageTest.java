package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The studio view in Chromium, from the local counter behind the preview, as organisers use it in each
 * language: no WCAG 2.1 A or AA violation (axe-core) while it asks for the token, after a wrong token, and
 * while it shows the count; the count it shows is the admin export's; the token never enters the address.
 */
class StudioPageTest {

    @RegisterExtension
    final Browser browser = Browser.withJavaScript();

    @TestFactory
    Stream<DynamicTest> theStudioViewInEachLanguage() {
        return SampleSite.LANGUAGES.stream().map(lang -> DynamicTest.dynamicTest(lang, () -> {
            WebDriver driver = browser.driver();
            String page = browser.site().url("/api/admin/campaigns/2026/studio?lang=" + lang);
            driver.get(page);
            assertEquals(lang, Pages.language(driver));
            assertEquals(List.of(), Axe.violations(driver), "asking for the token");

            paste(driver, "not-the-admin-token-at-all");
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("status")).getText().isBlank());
            assertTrue(driver.findElement(By.id("board")).getAttribute("hidden") != null, "a wrong token shows no numbers");
            assertEquals(List.of(), Axe.violations(driver), "after a wrong token");

            paste(driver, PreviewSite.ADMIN_TOKEN);
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("board")).isDisplayed()
                    && !d.findElement(By.id("total")).getText().isBlank());
            long total = browser.site().tallies("2026").get("total");
            assertEquals(total, Long.parseLong(driver.findElement(By.id("total")).getText().replaceAll("[^0-9]", "")));
            assertFalse(driver.getCurrentUrl().contains("token"), "the token stays out of the address");
            assertFalse(driver.findElement(By.id("embargo")).getText().isBlank());
            assertEquals(List.of(), Axe.violations(driver), "showing the count");

            driver.findElement(By.id("forget")).click();
            assertTrue(driver.findElement(By.id("token-form")).isDisplayed(), "forgetting the token asks for it again");
        }));
    }

    private static void paste(WebDriver driver, String token) {
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.cssSelector("#token-form button[type=submit]")).click();
    }
}
