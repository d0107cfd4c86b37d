package be.socialeinnovatiefabriek.radicale.sitetests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * What the proof of work of an edition without e-mail costs a visitor: votes in headless Chromium on the preview
 * of {@link PreviewSite#withoutEmail()}, each from the press of the button to the counter's answer (fetching the
 * challenge, solving it with the site's script, sending the vote), each from a browser without a voter cookie.
 * The counter's difficulty is its default unless VOTE_CHALLENGE_MAX_NUMBER is set. Not a test: run it with
 * {@code bash bench/challenge-benchmark.sh [votes=20]}.
 */
public final class ChallengeBenchmark {

    private ChallengeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int votes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        System.out.println("load average " + Files.readString(Path.of("/proc/loadavg")).strip() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, VOTE_CHALLENGE_MAX_NUMBER="
                + System.getenv().getOrDefault("VOTE_CHALLENGE_MAX_NUMBER", "(default)"));
        PreviewSite site = PreviewSite.withoutEmail();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1280,900", "--force-prefers-reduced-motion");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        List<Long> millis = new ArrayList<>();
        try {
            for (int i = 0; i <= votes; i++) {
                driver.get(site.url("/api/campaigns/2026"));
                driver.manage().deleteAllCookies();
                driver.get(site.url("/en/campaigns/2026/vote/"));
                WebElement form = driver.findElement(By.cssSelector("form.vote-form"));
                WebElement button = form.findElement(By.cssSelector("button[type=submit]"));
                Pages.waitUntil(driver, d -> button.isEnabled());
                // The script starts solving on the first change of the form: press at once, as a hurried voter does.
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "arguments[0].checked = true;", form.findElement(By.cssSelector("input[type=radio]")));
                WebElement status = form.findElement(By.cssSelector(".vote-feedback[role=status]"));
                long start = System.nanoTime();
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].click();", button);
                String answer = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofMinutes(2)).until(
                        d -> status.getAttribute("class").matches(".*vote-feedback--(ok|error).*") ? status.getText() : null);
                long took = (System.nanoTime() - start) / 1_000_000;
                if (!answer.equals(form.getAttribute("data-msg-counted"))) {
                    throw new IllegalStateException("vote " + i + " was not counted: " + answer);
                }
                if (i > 0) { // the first warms the browser and the counter up
                    millis.add(took);
                }
            }
        } finally {
            driver.quit();
        }
        millis.sort(null);
        Map<String, Long> tallies = site.tallies("2026");
        System.out.printf(Locale.ROOT, "%d votes, press to answer: median %d ms, p90 %d ms, min %d ms, max %d ms (total counted %d)%n",
                millis.size(), millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.9) - 1),
                millis.get(0), millis.get(millis.size() - 1), tallies.get("total"));
        System.exit(0);
    }
}
