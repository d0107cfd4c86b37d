package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
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
 * sample content. What they save is checked on disk (the lines that differ) and on the preview's pages;
 * what the build would refuse is refused in the form with the build's message, and nothing is written.
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

    @Test
    void changingTheFrenchTaglineChangesThatLineAndTheFrenchPage() {
        WebDriver driver = browser.driver();
        String french = "content/innovators/papillon/index.fr.md";
        String before = site.read(french);
        open(driver, "innovators", "papillon");

        type(field(driver, "Tagline (required)", 1), "Des appareils économes en location");
        publish(driver);

        waiting(driver).withMessage("the French file should change on disk").until(d -> !site.read(french).equals(before));
        assertEquals(List.of("tagline: Des appareils économes en location"), changedLines(before, site.read(french)));
        assertEquals(EditorSite.original("content/innovators/papillon/index.nl.md"), site.read("content/innovators/papillon/index.nl.md"));
        assertEquals(EditorSite.original("content/innovators/papillon/index.en.md"), site.read("content/innovators/papillon/index.en.md"));
        assertTrue(showsAfterReload(driver, "/fr/innovators/papillon/", "Des appareils économes en location"));
    }

    @Test
    void aNewInnovatorWithAPhotoInDutchIsThenTranslatedToEnglish() throws Exception {
        WebDriver driver = browser.driver();
        Path photo = photo(SampleSite.targetDir().resolve("zonnige-buurt.jpg"), 960, 640);
        driver.get(site.url("/admin/#/collections/innovators/new"));
        waitForForm(driver);

        type(field(driver, "Name (required)", 0), "Zonnige Buurt");
        type(field(driver, "Tagline (required)", 0), "Zonnepanelen voor de hele straat");
        WebElement themes = field(driver, "Themes", 0);
        themes.sendKeys("climate");
        themes.sendKeys(Keys.ENTER);
        WebElement choose = driver.findElement(By.xpath("//button[contains(., 'Choose an image')]"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", choose);
        choose.click();
        waiting(driver).until(d -> d.findElement(By.cssSelector("input[type=file]"))).sendKeys(photo.toString());
        waiting(driver).until(d -> d.findElements(By.xpath("//button[normalize-space(.)='Choose selected']")).stream()
                .filter(WebElement::isEnabled).findFirst().orElse(null)).click();
        type(field(driver, "Photo description (required)", 0), "Een straat met zonnepanelen op elk dak");
        publish(driver);

        Path folder = site.file("content/innovators/zonnige-buurt");
        waiting(driver).withMessage("the innovator's folder should appear").until(d -> Files.isRegularFile(folder.resolve("index.nl.md")));
        assertEquals("""
                ---
                name: Zonnige Buurt
                tagline: Zonnepanelen voor de hele straat
                themes: [climate]
                photo: zonnige-buurt.jpg
                photoAlt: Een straat met zonnepanelen op elk dak
                ---
                """, site.read("content/innovators/zonnige-buurt/index.nl.md"));
        assertArrayEquals(Files.readAllBytes(photo), Files.readAllBytes(folder.resolve("zonnige-buurt.jpg")));
        assertEquals(List.of("index.nl.md", "zonnige-buurt.jpg"), names(folder));
        assertTrue(showsAfterReload(driver, "/nl/innovators/zonnige-buurt/", "Zonnepanelen voor de hele straat"));

        driver.get(site.url("/admin/#/collections/innovators/entries/zonnige-buurt/index"));
        waitForForm(driver);
        List<String> status = translationStatus(driver);
        assertTrue(status.contains("English (en): not translated yet (visitors see the Nederlands text)"), status.toString());
        driver.switchTo().defaultContent();
        driver.findElement(By.cssSelector("button[title='Toggle i18n']")).click();
        showSecondLanguage(driver, "en");
        fillFrom(driver, "nl");
        type(field(driver, "Tagline (required)", 1), "Solar panels for the whole street");
        type(field(driver, "Photo description (required)", 1), "A street with solar panels on every roof");
        publish(driver);

        waiting(driver).withMessage("the English file should appear").until(d -> Files.isRegularFile(folder.resolve("index.en.md")));
        assertEquals("""
                ---
                tagline: Solar panels for the whole street
                photoAlt: A street with solar panels on every roof
                ---
                """, site.read("content/innovators/zonnige-buurt/index.en.md"));
        assertTrue(showsAfterReload(driver, "/en/innovators/zonnige-buurt/", "Solar panels for the whole street"));
    }

    @Test
    void anEditionWithANomineeThatDoesNotExistIsRefusedWithTheBuildsMessage() {
        WebDriver driver = browser.driver();
        String dutch = "content/campaigns/2026/index.nl.md";
        String before = site.read(dutch);
        site.copy("content/innovators/papillon", "content/innovators/vertrokken");
        site.write("content/innovators/vertrokken/index.nl.md", site.read("content/innovators/vertrokken/index.nl.md").replace("name: Papillon", "name: Vertrokken"));
        open(driver, "campaigns", "2026");

        WebElement nominees = field(driver, "Nominees (required)", 0);
        nominees.sendKeys("Vertrokken");
        visible(driver, "//*[contains(@class, 'option')][normalize-space(.)='Vertrokken']");
        nominees.sendKeys(Keys.ENTER);
        site.remove("content/innovators/vertrokken"); // a colleague deleted it meanwhile
        publish(driver);

        List<String> problems = refusal(driver);
        assertTrue(problems.stream().anyMatch(problem -> problem.startsWith("content/campaigns/2026/index.nl.md:4: unknown nominee 'vertrokken':"
                + " there is no folder content/innovators/vertrokken/;")), problems.toString());
        assertEquals(before, site.read(dutch));
        assertEquals(List.of(), Axe.violations(driver, ".editor-problems"), "the panel of a refused save");
    }

    @Test
    void anEditionWithAnEmptyRequiredFieldIsRefusedWithTheBuildsMessage() {
        WebDriver driver = browser.driver();
        String dutch = "content/campaigns/2026/index.nl.md";
        String before = site.read(dutch);
        open(driver, "campaigns", "2026");

        type(field(driver, "Title (required)", 0), "");
        publish(driver);

        assertEquals(List.of("content/campaigns/2026/index.nl.md:2: 'title' is empty; write a value after 'title:'"), refusal(driver));
        assertTrue(driver.findElements(By.cssSelector(".Toastify__toast")).stream().map(WebElement::getText)
                .anyMatch(toast -> toast.contains("content/campaigns/2026/index.nl.md:2: 'title' is empty")));
        assertEquals(before, site.read(dutch));
    }

    @Test
    void theEditorsOwnPartOfTheFormHasNoAccessibilityViolation() {
        WebDriver driver = browser.driver();
        open(driver, "innovators", "armentekort");
        translationStatus(driver);

        assertEquals(List.of(), Axe.violations(driver, ".translation-status"), "the preview pane's translation status");
    }

    @Test
    void theCmsRunsUnderTheEditorsSecurityPolicyWithNothingRefused() {
        WebDriver driver = browser.driver();
        open(driver, "innovators", "papillon");
        translationStatus(driver);
        driver.switchTo().defaultContent();

        assertEquals(List.of(), Browser.console(driver).stream().filter(line -> line.contains("Content Security Policy")).toList());
    }

    private WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private void waitForForm(WebDriver driver) {
        waiting(driver).until(d -> !d.findElements(By.xpath("//label[starts-with(normalize-space(text()), 'Name') "
                + "or starts-with(normalize-space(text()), 'Title')]")).isEmpty());
    }

    /** Opens a page's editor, with the default language on the left and its translation on the right. */
    private void open(WebDriver driver, String collection, String folder) {
        driver.get(site.url("/admin/#/collections/" + collection + "/entries/" + folder + "/index"));
        waitForForm(driver);
    }

    /** The input of the field labelled {@code label} in the left (0) or right (1) pane. */
    private static WebElement field(WebDriver driver, String label, int pane) {
        List<WebElement> labels = driver.findElements(By.xpath("//label[normalize-space(text())='" + label + "']"));
        return driver.findElement(By.id(labels.get(pane).getAttribute("for")));
    }

    private static void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    /** Publishes as staff do: the Publish button, then "Publish now". */
    private void publish(WebDriver driver) {
        visible(driver, "//*[normalize-space(text())='Publish']").click();
        visible(driver, "//*[normalize-space(text())='Publish now']").click();
    }

    private WebElement visible(WebDriver driver, String xpath) {
        return waiting(driver).until(d -> d.findElements(By.xpath(xpath)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Shows {@code lang} in the right pane. */
    private void showSecondLanguage(WebDriver driver, String lang) {
        driver.findElements(By.xpath("//*[@role='button'][starts-with(normalize-space(.), 'Writing in')]")).get(1).click();
        visible(driver, "//*[@role='menuitem'][normalize-space(.)='" + lang + "']").click();
    }

    /** Starts the right pane's translation from the text in {@code lang}, confirming the question. */
    private void fillFrom(WebDriver driver, String lang) {
        driver.findElements(By.xpath("//*[@role='button'][starts-with(normalize-space(.), 'Fill in from another locale')]")).get(1).click();
        visible(driver, "//*[@role='menuitem'][normalize-space(.)='" + lang + "']").click();
        waiting(driver).until(d -> d.switchTo().alert()).accept();
    }

    /** The preview pane's translation status, one line per language (the browser is left inside the pane's frame). */
    private List<String> translationStatus(WebDriver driver) {
        driver.findElement(By.cssSelector("button[title='Toggle preview']")).click();
        WebElement frame = waiting(driver).until(d -> d.findElement(By.id("preview-pane")));
        driver.switchTo().frame(frame);
        return waiting(driver).until(d -> {
            List<String> lines = d.findElements(By.cssSelector(".translation-status > ul > li")).stream().map(WebElement::getText).toList();
            return lines.isEmpty() ? null : lines;
        });
    }

    /** The build's messages in the panel of a refused save. */
    private List<String> refusal(WebDriver driver) {
        WebElement panel = waiting(driver).until(d -> d.findElements(By.cssSelector(".editor-problems[role=alert]")).stream().findFirst().orElse(null));
        assertEquals("Not saved: the site would not build. Nothing was written.", panel.findElement(By.tagName("h2")).getText());
        return panel.findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
    }

    /** Whether the preview's page at {@code path} shows {@code text} once the save has been built (it rebuilds on its own). */
    private boolean showsAfterReload(WebDriver driver, String path, String text) {
        driver.get(site.url(path));
        return waiting(driver).withMessage(path + " should show " + text).until(d -> {
            if (d.getPageSource().contains(text)) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
    }

    private static List<String> changedLines(String before, String after) {
        List<String> old = before.lines().toList();
        List<String> now = after.lines().toList();
        assertEquals(old.size(), now.size(), "the same number of lines");
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            if (!old.get(i).equals(now.get(i))) {
                changed.add(now.get(i));
            }
        }
        return changed;
    }

    private static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static Path photo(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0xf2, 0xa9, 0x00));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }
}
