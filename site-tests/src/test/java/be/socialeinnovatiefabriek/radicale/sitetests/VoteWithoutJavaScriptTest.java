package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The vote in English with JavaScript turned off: plain forms and the site's own pages carry it. */
class VoteWithoutJavaScriptTest extends VoteJourney {

    @RegisterExtension
    final Browser browser = Browser.withoutJavaScript();

    @Override
    Browser browser() {
        return browser;
    }

    @Override
    String language() {
        return "en";
    }

    @Override
    List<String> headings() {
        return List.of("Check your mailbox", "Thank you for voting", "You have already voted");
    }

    @Override
    void seesMailWasSent(WebDriver driver, WebElement form) {
        assertEquals(headings().get(0), Pages.arrivedAt(driver, "/en/campaigns/2026/vote/check-your-mail/"));
    }

    @Override
    void seesAlreadyVoted(WebDriver driver, WebElement form) {
        assertEquals(headings().get(2), Pages.arrivedAt(driver, "/en/campaigns/2026/vote/already-voted/"));
    }
}
