package be.socialeinnovatiefabriek.radicale.site.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.Problem;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.TestSite;
import be.socialeinnovatiefabriek.radicale.site.build.ContentCheck;
import be.socialeinnovatiefabriek.radicale.site.content.ContentFields.Field;
import be.socialeinnovatiefabriek.radicale.site.content.ContentFields.SectionFields;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schemas as data (which the browser editor builds its forms from) say what the build checks: a file
 * with every field is accepted; leaving out a field marked required is refused with the build's message
 * naming it, and leaving out any other is not; a translation may leave out exactly the inherited fields.
 */
class ContentFieldsTest {

    /** A valid value of every field, as staff write it; a field missing here fails the test, so new fields get one. */
    private static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("name", "Gamma"), Map.entry("tagline", "Gamma helpt"), Map.entry("organisation", "Gamma vzw"),
            Map.entry("themes", "[poverty]"), Map.entry("region", "Gent"), Map.entry("website", "https://gamma.example"),
            Map.entry("photo", "photo.jpg"), Map.entry("photoAlt", "Het logo van Gamma"), Map.entry("title", "Een titel"),
            Map.entry("summary", "Een samenvatting"), Map.entry("nominees", "[alpha, beta]"), Map.entry("opens", "2026-11-16T09:00+01:00"),
            Map.entry("closes", "2026-12-13T20:00+01:00"), Map.entry("results", "live"), Map.entry("verification", "email"),
            Map.entry("votesPerVoter", "1"), Map.entry("jury", "Een jury"), Map.entry("winners", "{jury: alpha}"),
            Map.entry("description", "Een beschrijving"), Map.entry("menu", "5"), Map.entry("edition", "2026"),
            Map.entry("draft", "false"), Map.entry("publishDate", "2026-01-01"), Map.entry("expiryDate", "2027-12-31"),
            Map.entry("conformance", "full"), Map.entry("evaluated", "2026-11-01"), Map.entry("method", "Zelfbeoordeling"),
            Map.entry("prepared", "2026-11-02"), Map.entry("reviewed", "2026-11-03"), Map.entry("contact", "hallo@example.org"));
    private static final Map<String, String> FOLDERS = Map.of("innovators", "innovators/gamma", "campaigns", "campaigns/2027",
            "pages", "pages/contact", "news", "news/2026-10-01-gamma", "accessibility", "accessibility");

    @TempDir
    Path folder;

    @TestFactory
    Stream<DynamicTest> everySectionChecksWhatItsFieldsSay() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SectionFields section : ContentFields.SECTIONS) {
            tests.add(DynamicTest.dynamicTest(section.folder() + ": every field given", () -> assertEquals(List.of(), problems(section, null, null))));
            for (Field field : section.fields()) {
                tests.add(DynamicTest.dynamicTest(section.folder() + ": " + field.key() + " left out", () -> {
                    List<String> original = problems(section, field.key(), null);
                    List<String> translation = problems(section, null, field.key());
                    String file = "content/" + FOLDERS.get(section.folder()) + "/index.";
                    if (field.required()) {
                        // Only that, or what follows from it (winners no longer among the nominees left out).
                        assertTrue(original.stream().map(line -> line.replaceFirst(" \\(.*", "")).toList().contains(file + "nl.md:1: the required field '"
                                + field.key() + "' is missing; add a line '" + field.key() + ": ...'"), original.toString());
                    } else {
                        assertEquals(List.of(), original);
                    }
                    if (field.required() && !field.inherited()) {
                        assertEquals(1, translation.size(), translation.toString());
                        assertTrue(translation.get(0).startsWith(file + "fr.md:1: the required field '" + field.key() + "' is missing"), translation.toString());
                    } else {
                        assertEquals(List.of(), translation);
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** The problems of a site with a complete page of {@code section} in nl and fr, {@code fromOriginal} left out of nl, {@code fromTranslation} out of fr. */
    private List<String> problems(SectionFields section, String fromOriginal, String fromTranslation) throws Exception {
        TestSite site = TestSite.create(folder.resolve(section.folder() + "-" + fromOriginal + "-" + fromTranslation), null);
        String dir = "content/" + FOLDERS.get(section.folder());
        site.write(dir + "/index.nl.md", file(section, fromOriginal));
        site.write(dir + "/index.fr.md", file(section, fromTranslation));
        if (section.folder().equals("campaigns")) {
            site.write(dir + "/index.en.md", file(section, null)); // an edition exists in every language
        }
        if (section.folder().equals("innovators")) {
            TestSite.writePhoto(site.root().resolve(dir + "/photo.jpg"), 960, 640);
        }
        SiteConfig config = site.config();
        List<String> lines = new ArrayList<>();
        for (Problem problem : ContentCheck.run(config).problems()) {
            lines.add(problem.format(config.projectDir()));
        }
        return lines;
    }

    private static String file(SectionFields section, String without) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : section.fields()) {
            String example = EXAMPLES.get(field.key());
            if (example == null) {
                throw new AssertionError("give an example value of '" + field.key() + "' in EXAMPLES");
            }
            if (!field.key().equals(without)) {
                values.put(field.key(), example);
            }
        }
        StringBuilder text = new StringBuilder("---\n");
        values.forEach((key, value) -> text.append(key).append(": ").append(value).append('\n'));
        return text.append("---\nTekst.\n").toString();
    }
}
