package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.editor.EditorAccess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editor's own pages when the preview listens beyond this machine: without a secret it says it is
 * off and why; with one, staff sign in once. Both have no WCAG 2.1 A/AA violation.
 */
class EditorAccessTest {

    private static final String SECRET = "site-tests-editor-secret-0123";

    @RegisterExtension
    final Browser browser = Browser.forOwnSite();

    @Test
    void withASecretStaffSignInOnTheEditorsOwnPage() {
        try (EditorSite site = EditorSite.start("editor-site-secret", EditorAccess.forPreview("0.0.0.0", true, SECRET))) {
            WebDriver driver = browser.driver();
            driver.get(site.url("/admin/"));

            assertEquals("/admin/login", Pages.path(driver));
            assertEquals("Sign in to the editor", Pages.heading(driver));
            assertEquals(List.of(), Axe.violations(driver), "the sign-in page");
            driver.findElement(By.id("secret")).sendKeys("not the secret");
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            assertEquals("That is not the editor's secret.", new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> d.findElements(By.cssSelector("[role=alert]")).stream().findFirst().orElse(null)).getText());
            assertEquals(List.of(), Axe.violations(driver), "the sign-in page with its error");
            driver.findElement(By.id("secret")).sendKeys(SECRET);
            driver.findElement(By.cssSelector("button[type=submit]")).click();

            new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage("the CMS should open after signing in")
                    .until(d -> !d.findElements(By.xpath("//*[normalize-space(text())='Innovators']")).isEmpty());
            assertEquals("/admin/", Pages.path(driver));
        }
    }

    @Test
    void withoutASecretTheEditorSaysItIsOffAndWhy() {
        try (EditorSite site = EditorSite.start("editor-site-off", EditorAccess.forPreview("0.0.0.0", true, null))) {
            WebDriver driver = browser.driver();
            driver.get(site.url("/admin/"));

            assertEquals("The editor is off", Pages.heading(driver));
            assertTrue(driver.findElement(By.tagName("main")).getText().contains("SITE_EDITOR_SECRET"));
            assertEquals(List.of(), Axe.violations(driver), "the page of an editor that is off");
        }
    }
}
