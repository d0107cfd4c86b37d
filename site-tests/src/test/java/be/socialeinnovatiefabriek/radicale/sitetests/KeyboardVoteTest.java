package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The whole vote with the keyboard only: no click anywhere. Every element the visitor tabs through
 * shows where the focus is.
 */
class KeyboardVoteTest {

    @RegisterExtension
    final Browser browser = Browser.withJavaScript();

    private final List<String> passed = new ArrayList<>();

    @Test
    void aVisitorVotesConfirmsAndIsThankedUsingOnlyTheKeyboard() {
        WebDriver driver = browser.driver();
        String address = "keyboard-" + UUID.randomUUID() + "@example.org";
        driver.get(browser.site().url("/en/campaigns/2026/vote/"));

        WebElement skip = tabTo(driver, "the skip link", element -> element.getAttribute("class").contains("skip-link"));
        assertEquals("#main", skip.getDomAttribute("href"));
        press(driver, Keys.ENTER);

        WebElement first = tabTo(driver, "the first nominee", element -> "radio".equals(element.getAttribute("type")));
        press(driver, Keys.SPACE);
        assertTrue(first.isSelected(), "Space chooses the focused nominee");
        press(driver, Keys.ARROW_DOWN);
        WebElement chosen = driver.switchTo().activeElement();
        assertTrue(chosen.isSelected() && !first.isSelected(), "the arrow keys move the choice to the next nominee");

        tabTo(driver, "the e-mail field", element -> "email".equals(element.getAttribute("type")));
        new Actions(driver).sendKeys(address).perform();
        WebElement send = tabTo(driver, "the vote button", element -> "submit".equals(element.getAttribute("type")));
        press(driver, Keys.ENTER);
        WebElement form = send.findElement(By.xpath("./ancestor::form"));
        assertEquals(Pages.asShown(form.getAttribute("data-msg-pending")), Pages.feedback(driver, form));

        driver.get(browser.site().url("/_outbox/"));
        String link = Pages.outboxLink(driver, address).getAttribute("href");
        tabTo(driver, "the confirmation link in the mail", element -> link.equals(element.getAttribute("href")));
        press(driver, Keys.ENTER);
        Pages.waitUntil(driver, d -> d.getCurrentUrl().equals(link));
        tabTo(driver, "the confirm button", element -> "submit".equals(element.getAttribute("type")));
        press(driver, Keys.ENTER);
        assertEquals("Thank you for voting", Pages.arrivedAt(driver, "/en/campaigns/2026/vote/thank-you/"));
    }

    /** Presses Tab until {@code wanted} holds for the focused element, checking that each one shows its focus. */
    private WebElement tabTo(WebDriver driver, String what, Predicate<WebElement> wanted) {
        for (int presses = 0; presses < 80; presses++) {
            press(driver, Keys.TAB);
            WebElement focused = driver.switchTo().activeElement();
            passed.add(focused.getTagName() + " " + focused.getText().strip());
            assertTrue(showsFocus(driver, focused), "no visible focus on " + focused.getTagName() + " \"" + focused.getText().strip()
                    + "\" on " + driver.getCurrentUrl());
            if (wanted.test(focused)) {
                return focused;
            }
        }
        return fail("Tab never reached " + what + " on " + driver.getCurrentUrl() + "; focus went through " + passed);
    }

    private static void press(WebDriver driver, CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** An outline or a ring of shadow is drawn around the focused element (WCAG 2.4.7). */
    private static boolean showsFocus(WebDriver driver, WebElement element) {
        Object drawn = ((JavascriptExecutor) driver).executeScript(
                "var s = getComputedStyle(arguments[0]);"
                        + "return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';", element);
        return Boolean.TRUE.equals(drawn);
    }
}
