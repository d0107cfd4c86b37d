package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/** The main menu with JavaScript: as without, and Escape or a tap beside it closes it on a phone. */
class PhoneMenuWithJavaScriptTest extends PhoneMenu {

    PhoneMenuWithJavaScriptTest() {
        super(Browser.withJavaScript());
    }

    /** axe needs a script: the state without one is the same page, its list folded away by the browser. */
    @Test
    void axeFindsNoViolationWithTheMenuOpen() {
        for (String lang : SampleSite.LANGUAGES) {
            WebDriver driver = open("/" + lang + "/campaigns/2026/vote/", PHONE);
            button(driver).click();
            assertEquals(List.of(), Axe.violations(driver), lang);
        }
    }

    @Test
    void escapeClosesTheMenuAndPutsTheFocusBackOnItsButton() {
        WebDriver driver = open("/en/", PHONE);
        tabTo(driver, "the menu's button", element -> element.getTagName().equals("summary"));
        press(driver, Keys.ENTER);
        tabTo(driver, "the menu's first link", element -> element.getTagName().equals("a"));

        press(driver, Keys.ESCAPE);
        assertNull(menu(driver).getAttribute("open"), "Escape closes the menu");
        assertEquals("summary", driver.switchTo().activeElement().getTagName(), "the focus is back on the button");
    }

    @Test
    void aTapBesideTheOpenMenuClosesIt() {
        WebDriver driver = open("/en/", PHONE);
        button(driver).click();
        driver.findElement(By.cssSelector(".lang-switch [aria-current]")).click();
        assertNull(menu(driver).getAttribute("open"));
    }
}
