package be.socialeinnovatiefabriek.radicale.sitetests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the npm package, pinned in site-tests/package.json and installed by the build) injected
 * into the page in the browser, checking the rules of WCAG 2.1 levels A and AA.
 */
final class Axe {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static String source;

    private Axe() {
    }

    /** The violations on the page the browser shows now, one line each: rule, impact, help and the elements. */
    static List<String> violations(WebDriver driver) {
        return violations(driver, null);
    }

    /**
     * The violations within the elements that {@code selector} matches (all of the page when null): for a page
     * whose other parts are not this project's own, such as the CMS's application around the editor's additions.
     */
    static List<String> violations(WebDriver driver, String selector) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(source());
        Object answer = js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var context = arguments[1] ? { include: [[arguments[1]]] } : document;"
                        + "axe.run(context, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })"
                        + ".then(function (r) { done(r.violations.map(function (v) {"
                        + "  return { id: v.id, impact: v.impact, help: v.help,"
                        + "    nodes: v.nodes.map(function (n) { return n.target.join(' ') + ' (' + n.failureSummary.replace(/\\s+/g, ' ') + ')'; }) };"
                        + "})); }, function (e) { done('axe failed: ' + e); });",
                WCAG_21_AA, selector);
        if (answer instanceof String failure) {
            throw new IllegalStateException(failure);
        }
        List<String> lines = new ArrayList<>();
        for (Object item : (List<?>) answer) {
            Map<?, ?> violation = (Map<?, ?>) item;
            lines.add(violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("help") + " at " + violation.get("nodes"));
        }
        return lines;
    }

    private static synchronized String source() {
        if (source == null) {
            Path script = Path.of(System.getProperty("sitetests.nodeModules", "node_modules"), "axe-core", "axe.min.js");
            if (!Files.isRegularFile(script)) {
                throw new IllegalStateException("axe-core is not installed at " + script + "; run `npm ci --omit=dev` in site-tests"
                        + " (mvn install does this where Chromium is installed)");
            }
            try {
                source = Files.readString(script);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
