package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * An edition that asks no e-mail address, with JavaScript turned off: the browser cannot solve the proof of
 * work, so each language's page says so plainly and its vote button cannot be pressed.
 */
class VoteWithoutEmailNoScriptTest {

    @RegisterExtension
    final Browser browser = Browser.withoutJavaScript().on(PreviewSite::withoutEmail);

    @Test
    void eachLanguageSaysTheVoteNeedsJavaScriptAndTheButtonCannotBePressed() {
        WebDriver driver = browser.driver();
        for (String lang : List.of("nl", "fr", "en")) {
            driver.get(browser.site().url("/" + lang + "/campaigns/2026/vote/"));
            WebElement form = driver.findElement(By.cssSelector("form.vote-form"));

            String notice = form.findElement(By.cssSelector(".notice")).getText();
            assertEquals(true, notice.contains("JavaScript"), lang + ": " + notice);
            assertFalse(form.findElement(By.cssSelector("button[type=submit]")).isEnabled(), lang);
        }
        assertEquals("Voting here needs JavaScript: your browser has to do a short calculation before your vote counts. "
                + "Turn JavaScript on and reload this page.",
                driver.findElement(By.cssSelector("form.vote-form .notice")).getText());
    }
}
