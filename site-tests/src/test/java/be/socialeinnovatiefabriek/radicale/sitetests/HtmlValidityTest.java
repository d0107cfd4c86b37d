package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page of the published sample site passes the Nu HTML Checker with no errors. */
class HtmlValidityTest {

    @TempDir
    Path folder;

    @Test
    void everyPublishedPageIsValidHtml() throws Exception {
        Path site = SampleSite.published();
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().collect(Collectors.toList());
        }
        NuHtmlChecker checker = new NuHtmlChecker();
        List<String> errors = new ArrayList<>();
        long started = System.nanoTime();
        for (Path page : pages) {
            errors.addAll(checker.check(page, site.relativize(page).toString().replace('\\', '/')));
        }
        System.out.printf("Nu HTML Checker: %d pages in %.1f s, %d errors%n", pages.size(), (System.nanoTime() - started) / 1e9, errors.size());

        assertTrue(pages.size() > 150, "the sample site has only " + pages.size() + " pages");
        assertEquals(List.of(), errors, errors.size() + " HTML errors:\n" + String.join("\n", errors));
    }

    @Test
    void theCheckerReportsADuplicateIdAndAStrayEndTagWithTheirLines() throws Exception {
        Path page = folder.resolve("page.html");
        Files.writeString(page, String.join("\n",
                "<!doctype html>",
                "<html lang=\"en\"><head><title>A page</title></head>",
                "<body>",
                "<p id=\"vote\">One</p>",
                "<p id=\"vote\">Two</p>",
                "</div>",
                "</body></html>"), StandardCharsets.UTF_8);

        List<String> errors = new NuHtmlChecker().check(page, "page.html");

        assertEquals(List.of("page.html:5:13: Duplicate ID “vote”.", "page.html:6:6: Stray end tag “div”."), errors);
    }
}
