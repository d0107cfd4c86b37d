package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The vote in French with JavaScript: the forms answer in place, without leaving the page. */
class VoteWithJavaScriptTest extends VoteJourney {

    VoteWithJavaScriptTest() {
        super(Browser.withJavaScript(), "fr", "Merci pour votre vote");
    }

    @Override
    void seesMailWasSent(WebDriver driver, WebElement form) {
        assertEquals(form.getAttribute("data-msg-pending"), feedback(driver, form));
    }

    @Override
    void seesAlreadyVoted(WebDriver driver, WebElement form) {
        assertEquals(form.getAttribute("data-msg-already_voted"), feedback(driver, form));
    }

    /** The message the form shows in its live region once the counter has answered. */
    private static String feedback(WebDriver driver, WebElement form) {
        WebElement status = form.findElement(By.cssSelector(".vote-feedback[role=status]"));
        return Pages.waitUntil(driver, d -> status.getText().isBlank() ? null : status.getText().strip());
    }
}
