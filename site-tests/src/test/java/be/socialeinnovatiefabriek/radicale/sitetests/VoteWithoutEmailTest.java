package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * An edition that asks no e-mail address, in a real browser against the preview and its counter: the page
 * says what such a vote cannot prove, the browser solves the counter's proof of work with the site's own
 * script, and the vote counts once per browser (and again once the browser forgets its cookie: the weaker
 * guarantee the page states).
 */
class VoteWithoutEmailTest {

    @RegisterExtension
    final Browser browser = Browser.withJavaScript().on(PreviewSite::withoutEmail);

    /** Chooses the {@code index}th nominee, sends the form and returns the message it ends with (not the one while solving). */
    private static String vote(WebDriver driver, WebElement form, int index) {
        Pages.waitUntil(driver, d -> form.findElement(By.cssSelector("button[type=submit]")).isEnabled());
        List<WebElement> choices = form.findElements(By.cssSelector("input[type=radio]"));
        Pages.choose(driver, choices.get(index));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement status = form.findElement(By.cssSelector(".vote-feedback[role=status]"));
        return Pages.waitUntil(driver, d -> status.getAttribute("class").matches(".*vote-feedback--(ok|error).*")
                ? status.getText().strip() : null);
    }

    @Test
    void theBrowserSolvesTheChallengeAndTheVoteCountsOncePerBrowser() {
        WebDriver driver = browser.driver();
        driver.get(browser.site().url("/fr/campaigns/2026/vote/"));
        WebElement form = driver.findElement(By.cssSelector("form.vote-form"));
        assertTrue(form.findElements(By.cssSelector("input[name=email]")).isEmpty(), "no address asked");
        assertTrue(driver.findElement(By.cssSelector(".prose .notice")).getText().startsWith("Bon à savoir"),
                "the page says what this vote cannot prove");
        List<WebElement> choices = form.findElements(By.cssSelector("input[type=radio]"));
        String first = choices.get(0).getAttribute("value");
        String second = choices.get(1).getAttribute("value");
        String thanks = form.getAttribute("data-msg-counted");
        String alreadyVoted = form.getAttribute("data-msg-already_voted");
        Map<String, Long> before = browser.site().tallies("2026");

        String counted = vote(driver, form, 0);
        Map<String, Long> afterOne = browser.site().tallies("2026");
        String again = vote(driver, form, 1);
        Map<String, Long> afterRefusal = browser.site().tallies("2026");
        // The voter cookie lives on the counter's paths (/api/): forget it from there, as "clear cookies" would.
        driver.get(browser.site().url("/api/campaigns/2026"));
        driver.manage().deleteAllCookies();
        driver.get(browser.site().url("/fr/campaigns/2026/vote/"));
        String withoutCookie = vote(driver, driver.findElement(By.cssSelector("form.vote-form")), 1);

        assertEquals(thanks, counted);
        assertEquals(before.get(first) + 1, afterOne.get(first), "one vote more for " + first);
        assertEquals(alreadyVoted, again);
        assertEquals(afterOne, afterRefusal, "the same browser is refused a second vote");
        assertEquals(thanks, withoutCookie,
                "a browser that forgot its cookie votes again, after a new calculation");
        assertEquals(afterOne.get(second) + 1, browser.site().tallies("2026").get(second));
    }

    @Test
    void theEditionPageAndTheStatusPagesSpeakOfABrowserNotOfAnAddress() {
        WebDriver driver = browser.driver();
        driver.get(browser.site().url("/en/campaigns/2026/"));
        String notice = driver.findElement(By.cssSelector("#vote .notice")).getText();
        driver.get(browser.site().url("/en/campaigns/2026/vote/already-voted/"));

        assertTrue(notice.startsWith("Good to know: without a confirmation by e-mail"), notice);
        assertEquals("This browser has already been used to vote in this edition. Everyone can vote once.",
                driver.findElement(By.cssSelector(".lead")).getText());
        assertFalse(driver.getPageSource().contains("e-mail address has already"));
    }
}
