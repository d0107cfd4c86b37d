package be.socialeinnovatiefabriek.radicale.sitetests;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

class ExploreEditorTest {

    @RegisterExtension
    final Browser browser = Browser.forOwnSite();

    @Test
    void explore() throws Exception {
        try (EditorSite site = EditorSite.start()) {
            WebDriver driver = browser.driver();
            String[] urls = System.getProperty("explore.urls", "/admin/").split("\\|");
            Path folder = SampleSite.targetDir().resolve("explore");
            Files.createDirectories(folder);
            int i = 0;
            for (String url : urls) {
                if (url.startsWith("async:")) {
                    Object out = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                            "var done = arguments[arguments.length - 1];" + url.substring(6));
                    System.out.println("ASYNC RESULT: " + out);
                } else if (url.startsWith("js:")) {
                    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(url.substring(3));
                } else {
                    driver.get(site.url(url));
                }
                Thread.sleep(Long.getLong("explore.wait", 8000));
                Files.write(folder.resolve(i + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                Files.writeString(folder.resolve(i + ".html"), driver.getPageSource());
                Files.write(folder.resolve(i + ".console.txt"), Browser.console(driver));
                i++;
            }
        }
    }
}
