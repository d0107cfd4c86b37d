package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The vote in French with JavaScript: the forms answer in place, without leaving the page. */
class VoteWithJavaScriptTest extends VoteJourney {

    VoteWithJavaScriptTest() {
        super(Browser.withJavaScript(), "fr", "Merci pour votre vote", "est déjà compté");
    }

    @Override
    void seesMailWasSent(WebDriver driver, WebElement form) {
        assertEquals(Pages.asShown(form.getAttribute("data-msg-pending")), Pages.feedback(driver, form));
    }
}
