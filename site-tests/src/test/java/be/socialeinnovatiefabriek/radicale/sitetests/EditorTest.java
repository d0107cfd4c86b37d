package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Communications staff editing in the browser: the CMS on /admin/ of the preview, over a copy of the
 * sample content. What they save is checked on disk (the diff) and on the preview's pages.
 */
class EditorTest {

    @RegisterExtension
    final Browser browser = Browser.forOwnSite();

    private static EditorSite site;

    @BeforeAll
    static void start() {
        site = EditorSite.start();
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    private WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Opens a page's editor, with the default language on the left and its translation on the right. */
    private void open(WebDriver driver, String collection, String folder) {
        driver.get(site.url("/admin/#/collections/" + collection + "/entries/" + folder + "/index"));
        waiting(driver).until(d -> !d.findElements(By.xpath("//label[starts-with(normalize-space(.), 'Name') or starts-with(normalize-space(.), 'Title')]")).isEmpty());
    }

    /** The input of the field labelled {@code label} in the editing pane of {@code pane} (0: the left one, 1: the right one). */
    private static WebElement field(WebDriver driver, String label, int pane) {
        List<WebElement> labels = driver.findElements(By.xpath("//label[normalize-space(text())='" + label + "']"));
        return driver.findElement(By.id(labels.get(pane).getAttribute("for")));
    }

    private static void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    /** Publishes as staff do: the Publish button, then "Publish now". */
    private void publish(WebDriver driver) {
        WebElement button = waiting(driver).until(d -> d.findElements(By.xpath("//*[normalize-space(text())='Publish']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        button.click();
        waiting(driver).until(d -> d.findElements(By.xpath("//*[normalize-space(text())='Publish now']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
    }

    @Test
    void changingTheFrenchTaglineChangesThatLineAndTheFrenchPage() {
        WebDriver driver = browser.driver();
        String path = "content/innovators/papillon/index.fr.md";
        String before = site.read(path);
        open(driver, "innovators", "papillon");

        type(field(driver, "Tagline (required)", 1), "Des appareils économes en location");
        publish(driver);

        waiting(driver).withMessage("the French file should change on disk").until(d -> !site.read(path).equals(before));
        List<String> old = before.lines().toList();
        List<String> now = site.read(path).lines().toList();
        assertEquals(old.size(), now.size());
        List<Integer> changed = new java.util.ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            if (!old.get(i).equals(now.get(i))) {
                changed.add(i);
            }
        }
        assertEquals(1, changed.size(), "one line changed: " + changed);
        assertEquals("tagline: Des appareils économes en location", now.get(changed.get(0)));
        assertEquals(EditorSite.original("content/innovators/papillon/index.nl.md"), site.read("content/innovators/papillon/index.nl.md"));

        driver.get(site.url("/fr/innovators/papillon/"));
        waiting(driver).withMessage("the French profile should show the new tagline").until(d -> {
            d.navigate().refresh();
            return d.getPageSource().contains("Des appareils économes en location");
        });
    }
}
