package be.socialeinnovatiefabriek.radicale.sitetests;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a visitor reads off the page in front of them. */
final class Pages {

    private Pages() {
    }

    private static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    static <T> T waitUntil(WebDriver driver, Function<WebDriver, T> condition) {
        return waitFor(driver).until(condition);
    }

    /** Waits until the browser shows the page at {@code path} (a site path such as /fr/), then returns its h1. */
    static String arrivedAt(WebDriver driver, String path) {
        waitFor(driver).withMessage(() -> "the browser should show " + path + " but shows " + driver.getCurrentUrl())
                .until(d -> path(d).equals(path));
        return heading(driver);
    }

    static String heading(WebDriver driver) {
        return driver.findElement(By.tagName("h1")).getText().strip();
    }

    static String language(WebDriver driver) {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    static String path(WebDriver driver) {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /**
     * {@code text} as WebDriver reads it off the page: it reports a no-break space (French typography puts
     * one before ':') as an ordinary space.
     */
    static String asShown(String text) {
        return text.replace('\u00A0', ' ');
    }

    /** The message the vote {@code form} shows in its live region once the counter has answered. */
    static String feedback(WebDriver driver, WebElement form) {
        WebElement status = form.findElement(By.cssSelector(".vote-feedback[role=status]"));
        return waitUntil(driver, d -> status.getText().isBlank() ? null : status.getText().strip());
    }

    /** Chooses {@code choice}, a nominee's radio button, by its label as a visitor does. */
    static void choose(WebDriver driver, WebElement choice) {
        driver.findElement(By.cssSelector("label[for='" + choice.getAttribute("id") + "']")).click();
    }

    /** The cells (to, subject, language, time, link) of the newest mail to {@code address} in the preview's outbox. */
    static List<WebElement> outboxRow(WebDriver driver, String address) {
        return driver.findElement(By.xpath("//tr[td[1][normalize-space()='" + address + "']]")).findElements(By.tagName("td"));
    }

    /** The confirmation link of the newest mail to {@code address} in the preview's outbox that has one. */
    static WebElement outboxLink(WebDriver driver, String address) {
        return driver.findElement(By.xpath("//tr[td[1][normalize-space()='" + address + "']]//a"));
    }
}
