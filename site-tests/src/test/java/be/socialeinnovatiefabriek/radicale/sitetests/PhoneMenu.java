package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The main menu as a visitor meets it on a 390 x 844 phone: one "Menu" button that opens and closes the
 * list by touch and by keyboard, the languages always in view, and the page's own content near the top;
 * on a desktop, the whole list without a button. Subclasses run it with and without JavaScript.
 */
abstract class PhoneMenu {

    static final Dimension PHONE = new Dimension(390, 844);
    static final Dimension DESKTOP = new Dimension(1280, 900);

    @RegisterExtension
    final Browser browser;

    PhoneMenu(Browser browser) {
        this.browser = browser;
    }

    @Test
    void onAPhoneTheMenuIsOneButtonTheLanguagesStayInViewAndTheVoteIsNearTheTop() {
        WebDriver driver = open("/nl/campaigns/2026/vote/", PHONE);

        WebElement button = button(driver);
        assertTrue(button.isDisplayed());
        assertEquals("Menu", button.getText().strip());
        assertTrue(links(driver).stream().noneMatch(link -> shows(driver, link)), "the menu's links are folded away");
        List<WebElement> languages = driver.findElements(By.cssSelector(".lang-switch a"));
        assertEquals(List.of("fr", "en"), languages.stream().map(a -> a.getAttribute("hreflang")).toList());
        assertTrue(languages.stream().allMatch(link -> shows(driver, link)), "the languages are in view");
        assertTrue(languages.stream().allMatch(a -> bottom(a) <= PHONE.height / 5), "the languages are at the top");

        int header = bottom(driver.findElement(By.cssSelector(".site-header")));
        assertTrue(header <= PHONE.height / 5, "the header takes less than a fifth of the screen, it ends at " + header + " px");
        int form = top(driver.findElement(By.cssSelector("form.vote-form")));
        assertTrue(form < PHONE.height, "the vote form starts on the first screen, at " + form + " px");
    }

    @Test
    void theButtonOpensTheMenuAndALinkLeadsToItsPage() {
        WebDriver driver = open("/nl/campaigns/2026/vote/", PHONE);

        button(driver).click();
        assertNotNull(menu(driver).getAttribute("open"));
        assertEquals(8, links(driver).size());
        assertTrue(links(driver).stream().allMatch(link -> shows(driver, link)), "every link of the menu shows");
        assertTrue(shows(driver, driver.findElement(By.cssSelector(".lang-switch a[hreflang=fr]"))), "the languages stay in view");
        driver.findElement(By.cssSelector(".menu__list a[href='/nl/news/']")).click();
        assertEquals("Nieuws", Pages.arrivedAt(driver, "/nl/news/"));

        button(driver).click();
        button(driver).click();
        assertTrue(links(driver).stream().noneMatch(link -> shows(driver, link)), "the button closes the menu again");
    }

    @Test
    void theKeyboardReachesTheButtonOpensTheMenuAndFollowsALink() {
        WebDriver driver = open("/fr/", PHONE);

        WebElement focused = tabTo(driver, "the menu's button", element -> element.getTagName().equals("summary"));
        assertTrue(showsFocus(driver, focused), "the button shows its focus");
        press(driver, Keys.ENTER);
        assertNotNull(menu(driver).getAttribute("open"), "Enter opens the menu");
        WebElement first = tabTo(driver, "the menu's first link", element -> element.getTagName().equals("a"));
        assertEquals("/fr/", first.getDomAttribute("href"), "the next stop after the button is the menu's first link");
        assertTrue(shows(driver, first) && showsFocus(driver, first));
        tabTo(driver, "the link to the editions", element -> "/fr/campaigns/".equals(element.getDomAttribute("href")));
        press(driver, Keys.ENTER);
        assertEquals("Éditions", Pages.arrivedAt(driver, "/fr/campaigns/"));
    }

    @Test
    void onADesktopTheWholeMenuShowsWithoutAButton() {
        WebDriver driver = open("/en/", DESKTOP);

        assertFalse(shows(driver, button(driver)));
        assertEquals(8, links(driver).size());
        assertTrue(links(driver).stream().allMatch(link -> shows(driver, link)), "every link of the menu shows");
        // Where it is marked closed (no script), WebDriver takes the list for hidden although it shows: click where it is.
        new Actions(driver).moveToElement(driver.findElement(By.cssSelector(".menu__list a[href='/en/themes/']"))).click().perform();
        assertEquals("Themes", Pages.arrivedAt(driver, "/en/themes/"));
    }

    WebDriver open(String path, Dimension size) {
        WebDriver driver = browser.driver();
        driver.manage().window().setSize(size);
        driver.get(browser.site().url(path));
        return driver;
    }

    static WebElement menu(WebDriver driver) {
        return driver.findElement(By.cssSelector("nav.main-nav details.menu"));
    }

    static WebElement button(WebDriver driver) {
        return driver.findElement(By.cssSelector("nav.main-nav details.menu > summary"));
    }

    static List<WebElement> links(WebDriver driver) {
        return driver.findElements(By.cssSelector(".menu__list a"));
    }

    static void press(WebDriver driver, CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** Presses Tab until {@code wanted} holds for the focused element. */
    static WebElement tabTo(WebDriver driver, String what, java.util.function.Predicate<WebElement> wanted) {
        for (int presses = 0; presses < 40; presses++) {
            press(driver, Keys.TAB);
            WebElement focused = driver.switchTo().activeElement();
            if (wanted.test(focused)) {
                return focused;
            }
        }
        return fail("Tab never reached " + what + " on " + driver.getCurrentUrl());
    }

    /**
     * Whether the browser draws {@code element}: it has a box and nothing above it hides its content (a
     * closed disclosure hides it, unless the stylesheet shows it).
     */
    static boolean shows(WebDriver driver, WebElement element) {
        Object shown = ((JavascriptExecutor) driver).executeScript(
                "var r = arguments[0].getBoundingClientRect();"
                        + "return arguments[0].checkVisibility({ visibilityProperty: true }) && r.width > 0 && r.height > 0;", element);
        return Boolean.TRUE.equals(shown);
    }

    /** An outline or a ring of shadow is drawn around the focused element (WCAG 2.4.7). */
    static boolean showsFocus(WebDriver driver, WebElement element) {
        Object drawn = ((JavascriptExecutor) driver).executeScript(
                "var s = getComputedStyle(arguments[0]);"
                        + "return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';", element);
        return Boolean.TRUE.equals(drawn);
    }

    private static int top(WebElement element) {
        return element.getRect().getY();
    }

    private static int bottom(WebElement element) {
        return element.getRect().getY() + element.getRect().getHeight();
    }
}
