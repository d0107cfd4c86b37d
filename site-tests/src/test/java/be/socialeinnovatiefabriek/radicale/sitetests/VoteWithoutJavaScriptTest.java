package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The vote in English with JavaScript turned off: plain forms and the site's own pages carry it. */
class VoteWithoutJavaScriptTest extends VoteJourney {

    VoteWithoutJavaScriptTest() {
        super(Browser.withoutJavaScript(), "en", "Thank you for voting", "is already counted");
    }

    @Override
    void seesMailWasSent(WebDriver driver, WebElement form) {
        assertEquals("Check your inbox", Pages.arrivedAt(driver, "/en/campaigns/2026/vote/check-your-mail/"));
    }
}
