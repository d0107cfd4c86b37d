package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A visitor's whole vote in a real browser against the preview server and its counter: switch language,
 * open a nominee, vote, follow the link from the mail, see the thank-you page; then a second vote with the
 * same address gets the same answer as any vote (nobody learns from the page that the address voted), its
 * mailbox is told the vote is already counted, and nothing more is counted. Subclasses run it with and
 * without JavaScript.
 */
abstract class VoteJourney {

    @RegisterExtension
    final Browser browser;
    private final String lang;
    private final String thanks;
    private final String alreadyCounted;

    /**
     * The journey in {@code browser}, switching from Dutch to {@code lang}, whose thank-you page is headed
     * {@code thanks} and whose "already counted" mail's subject holds {@code alreadyCounted}.
     */
    VoteJourney(Browser browser, String lang, String thanks, String alreadyCounted) {
        this.browser = browser;
        this.lang = lang;
        this.thanks = thanks;
        this.alreadyCounted = alreadyCounted;
    }

    /** What the visitor sees after sending the vote form: the check-your-mail page or a message in place. */
    abstract void seesMailWasSent(WebDriver driver, WebElement form);

    @Test
    void aVisitorSwitchesLanguageVotesForANomineeConfirmsByMailAndCannotVoteTwice() {
        WebDriver driver = browser.driver();
        String address = "voter-" + UUID.randomUUID() + "@example.org";

        driver.get(browser.site().url("/nl/"));
        assertEquals("nl", Pages.language(driver));
        driver.findElement(By.cssSelector(".lang-switch a[hreflang='" + lang + "']")).click();
        Pages.arrivedAt(driver, "/" + lang + "/");
        assertEquals(lang, Pages.language(driver));

        WebElement nominee = driver.findElement(By.cssSelector(".edition-current .card__title a"));
        String name = nominee.getText().strip();
        String slug = nominee.getAttribute("href").replaceAll(".*/innovators/([^/]+)/$", "$1");
        Map<String, Long> before = browser.site().tallies("2026");
        nominee.click();
        assertEquals(name, Pages.heading(driver), "the profile of the nominee the visitor chose");
        assertTrue(Pages.path(driver).startsWith("/" + lang + "/innovators/"), Pages.path(driver));

        WebElement form = driver.findElement(By.cssSelector("form.vote-form"));
        form.findElement(By.cssSelector("input[type=email]")).sendKeys(address);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        seesMailWasSent(driver, form);

        driver.get(browser.site().url("/_outbox/"));
        Pages.outboxLink(driver, address).click();
        assertEquals(lang, Pages.language(driver), "the confirmation page speaks the voter's language");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        assertEquals(thanks, Pages.arrivedAt(driver, "/" + lang + "/campaigns/2026/vote/thank-you/"));
        Map<String, Long> counted = browser.site().tallies("2026");
        assertEquals(before.get(slug) + 1, counted.get(slug), "one vote more for " + slug);
        assertEquals(before.get("total") + 1, counted.get("total"));

        // Back to the confirmation page and pressing again (or reloading): thanked again, counted once.
        driver.navigate().back();
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        assertEquals(thanks, Pages.arrivedAt(driver, "/" + lang + "/campaigns/2026/vote/thank-you/"));

        driver.get(browser.site().url("/" + lang + "/campaigns/2026/vote/"));
        WebElement again = driver.findElement(By.cssSelector("form.vote-form"));
        List<WebElement> choices = again.findElements(By.cssSelector("input[type=radio]"));
        Pages.choose(driver, choices.get(choices.size() - 1));
        again.findElement(By.cssSelector("input[type=email]")).sendKeys(address.toUpperCase());
        again.findElement(By.cssSelector("button[type=submit]")).click();
        seesMailWasSent(driver, again);
        driver.get(browser.site().url("/_outbox/"));
        String shouted = address.toUpperCase();
        // Mailed as typed, with the domain in lower case.
        List<WebElement> told = Pages.outboxRow(driver, shouted.substring(0, shouted.indexOf('@')) + "@example.org");
        assertTrue(told.get(1).getText().contains(alreadyCounted), "the mailbox is told: " + told.get(1).getText());
        assertEquals(lang, told.get(2).getText());
        assertTrue(told.get(4).findElements(By.tagName("a")).isEmpty(), "no confirmation link in that mail");
        assertEquals(counted, browser.site().tallies("2026"), "neither the second press nor the second vote counted");
    }
}
