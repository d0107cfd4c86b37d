package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.chrome.ChromeDriver;

/** The site's address sends a first-time visitor to the first of their browser's languages that the site has. */
class LanguageChoiceTest {

    @RegisterExtension
    final Browser browser = Browser.withJavaScript();


    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "fr-BE,fr | /fr/",
            "en-GB,en | /en/",
            "de-DE,en | /en/",
            "de-DE,de | /nl/",
            "nl-BE | /nl/"})
    void theRootPageFollowsTheBrowsersLanguages(String languages, String expected) {
        ChromeDriver driver = (ChromeDriver) browser.driver();
        String userAgent = (String) driver.executeScript("return navigator.userAgent");
        driver.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", userAgent, "acceptLanguage", languages));
        driver.get(browser.site().url("/"));
        Pages.arrivedAt(driver, expected);
        assertEquals(expected.substring(1, 3), Pages.language(driver));
    }
}
