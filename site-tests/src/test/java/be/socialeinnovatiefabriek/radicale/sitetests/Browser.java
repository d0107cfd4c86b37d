package be.socialeinnovatiefabriek.radicale.sitetests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The sample site's preview ({@link PreviewSite}) and a fresh headless Chromium for each test, driven through the system's ChromeDriver (Debian's
 * {@code chromium} and {@code chromium-driver}; nothing is downloaded). Register it with
 * {@code @RegisterExtension}. Without a browser the tests are skipped with a one-line notice, unless
 * the environment says {@code REQUIRE_BROWSER_TESTS=true} (as CI does): then they fail. When a test
 * fails, a screenshot and the page's HTML are kept under {@code target/screenshots/}.
 */
public final class Browser implements ExecutionCondition, BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

    private static final Path CHROMIUM = Path.of(env("CHROME_BIN", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(env("CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final AtomicBoolean NOTICE_SHOWN = new AtomicBoolean();

    private final boolean javaScript;
    private final Supplier<PreviewSite> sites;
    private WebDriver driver;
    private PreviewSite site;

    private Browser(boolean javaScript, Supplier<PreviewSite> sites) {
        this.javaScript = javaScript;
        this.sites = sites;
    }

    /** This browser on another preview than the sample site's, such as {@link PreviewSite#withoutEmail()}. */
    public Browser on(Supplier<PreviewSite> preview) {
        return new Browser(javaScript, preview);
    }

    /** A browser as most visitors have it. */
    public static Browser withJavaScript() {
        return new Browser(true, PreviewSite::get);
    }

    /** A browser with JavaScript turned off: every page must still work. */
    public static Browser withoutJavaScript() {
        return new Browser(false, PreviewSite::get);
    }

    /** The preview the browser visits, started with the first test that runs (a skipped test starts nothing). */
    public PreviewSite site() {
        return site;
    }

    /** The browser of the running test. */
    public WebDriver driver() {
        return driver;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(program -> !Files.isExecutable(program))
                .map(Path::toString).collect(Collectors.joining(" or "));
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("Chromium found");
        }
        String notice = "Browser tests skipped: no " + missing + "; install them with `sudo apt-get install chromium chromium-driver`"
                + " (or set CHROME_BIN and CHROMEDRIVER) to run them.";
        if (Boolean.parseBoolean(System.getenv("REQUIRE_BROWSER_TESTS"))) {
            throw new IllegalStateException("REQUIRE_BROWSER_TESTS is set but the browser tests cannot run: no " + missing
                    + "; install chromium and chromium-driver");
        }
        if (NOTICE_SHOWN.compareAndSet(false, true)) {
            System.out.println(notice);
        }
        return ConditionEvaluationResult.disabled(notice);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        site = sites.get();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
                "--window-size=1280,900", "--lang=nl",
                // Smooth scrolling would move a target away from where WebDriver clicks right after scrolling to it.
                "--force-prefers-reduced-motion");
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (driver != null) {
            keepEvidence(context);
        }
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /** Saves what the browser showed when the test failed, beside the test reports. */
    private void keepEvidence(ExtensionContext context) {
        String name = (context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName()).replaceAll("[^A-Za-z0-9.-]+", "_");
        Path folder = SampleSite.targetDir().resolve("screenshots");
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(folder.resolve(name + ".html"), "<!-- " + driver.getCurrentUrl() + " -->\n"
                    + Optional.ofNullable(driver.getPageSource()).orElse(""), StandardCharsets.UTF_8);
            System.err.println("Screenshot of the failed step: " + folder.resolve(name + ".png"));
        } catch (IOException | RuntimeException e) {
            System.err.println("No screenshot of the failed step: " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
