package be.socialeinnovatiefabriek.radicale.site.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.ContentException;
import be.socialeinnovatiefabriek.radicale.site.TestSite;
import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every content mistake stops the build with {@code path:line: what is wrong; what to do} and leaves
 * the site that was there before untouched. Each scenario in src/test/resources/sites/ is one mistake
 * laid over a valid site.
 */
class ContentErrorsTest {

    @TempDir
    Path folder;

    /** Builds the valid site, lays the scenario over it, and returns the problems of the second build. */
    private List<String> problemsAfter(String scenario) throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();
        String before = site.page("nl/index.html");
        site.overlay(scenario);
        return problemsOf(site, before);
    }

    private List<String> problemsOf(TestSite site, String homeBefore) throws Exception {
        ContentException failure = assertThrows(ContentException.class, () -> new SiteBuilder(site.config()).build());
        assertEquals(homeBefore, site.page("nl/index.html"), "the previous site is left as it was");
        assertTrue(Files.notExists(site.root().resolve("target/.site.building")), "no half-built site is left behind");
        for (String line : failure.lines()) {
            assertTrue(line.matches("[^:]+(:\\d+)?: .+; .+"), "every problem reads path:line: what; fix -- " + line);
        }
        return failure.lines();
    }

    @Test
    void invalidYamlNamesTheLineOfTheMistake() throws Exception {
        List<String> problems = problemsAfter("fails-on-invalid-yaml");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("content/innovators/alpha/index.nl.md:3: the front matter is not valid YAML"), problems.get(0));
        assertTrue(problems.get(0).contains("put quotes around values that contain ':'"), problems.get(0));
    }

    @Test
    void aMissingRequiredFieldSaysWhichAndHowToAddIt() throws Exception {
        assertEquals(List.of("content/innovators/alpha/index.nl.md:1: the required field 'tagline' is missing; "
                        + "add a line 'tagline: ...' (a text) between the two '---' lines"),
                problemsAfter("fails-on-missing-required-field"));
    }

    @Test
    void aWrongTypeShowsWhatWasWrittenAndHowToWriteIt() throws Exception {
        assertEquals(List.of(
                        "content/campaigns/2026/index.nl.md:3: 'nominees' must be a list (got \"alpha\"); write it as nominees: [first, second]",
                        "content/campaigns/2026/index.nl.md:6: 'votesPerVoter' must be a whole number of at least 1 (got \"twee\"); write it as votesPerVoter: 1"),
                problemsAfter("fails-on-wrong-type"));
    }

    @Test
    void anUnknownKeySuggestsTheFieldThatWasMeant() throws Exception {
        List<String> problems = problemsAfter("fails-on-unknown-key");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("content/innovators/alpha/index.nl.md:5: unknown field 'foto'; did you mean 'photo'?"), problems.get(0));
    }

    @Test
    void anUnknownNomineeIsNamedWithTheClosestExistingOne() throws Exception {
        assertEquals(List.of("content/campaigns/2026/index.nl.md:3: unknown nominee 'betta': there is no folder content/innovators/betta/; "
                        + "did you mean 'beta'? create the innovator's folder, or correct the name"),
                problemsAfter("fails-on-unknown-nominee"));
    }

    @Test
    void aBadDateShowsTheExpectedFormat() throws Exception {
        assertEquals(List.of(
                        "content/campaigns/2026/index.nl.md:4: 'opens' has no time zone offset (got \"2026-11-16T09:00\"); "
                                + "write it as 2026-12-13T20:00+01:00 (+01:00 in winter, +02:00 in summer in Brussels)",
                        "content/campaigns/2026/index.nl.md:5: 'closes' is not a date with time and offset (got \"31 december\"); "
                                + "write it as 2026-12-13T20:00+01:00 (+01:00 in winter, +02:00 in summer in Brussels)"),
                problemsAfter("fails-on-bad-date"));
    }

    @Test
    void anEditionPageMissingInALanguageFailsTheBuild() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();
        String before = site.page("nl/index.html");
        site.delete("content/campaigns/2026/index.fr.md");

        assertEquals(List.of("content/campaigns/2026/index.nl.md: edition 2026 has no 'fr' page; edition pages must exist in every language "
                        + "(nl, fr, en); add content/campaigns/2026/index.fr.md"),
                problemsOf(site, before));
    }

    @Test
    void aUiStringMissingInOneLanguageFailsTheBuild() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();
        String before = site.page("nl/index.html");
        site.replaceLine("site-template/i18n/messages_en.properties", "nav.home", "");

        assertEquals(List.of("site-template/i18n/messages_en.properties: the UI string 'nav.home' is missing "
                        + "(messages_nl.properties has it); add a line 'nav.home = ...' in this language"),
                problemsOf(site, before));
    }

    @Test
    void aBrokenEscapeInTheUiStringsNamesItsLineAndNothingElse() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();
        String before = site.page("nl/index.html");
        site.replaceLine("site-template/i18n/messages_fr.properties", "nav.home", "nav.home=Accueil \\u00e");
        int line = Files.readAllLines(site.root().resolve("site-template/i18n/messages_fr.properties")).indexOf("nav.home=Accueil \\u00e") + 1;

        assertEquals(List.of("site-template/i18n/messages_fr.properties:" + line + ": '\\u00e' is not a character: \\u needs four hexadecimal digits; "
                        + "write the character itself (the file is UTF-8), or four digits as in \\u00e9 for \u00e9"),
                problemsOf(site, before));
    }

    @Test
    void aMissingFontNamesTheFileAndHowToRestoreIt() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();
        String before = site.page("nl/index.html");
        site.delete("site-template/fonts/OpenSans-Bold.ttf");

        assertEquals(List.of("site-template/fonts/OpenSans-Bold.ttf: the share cards and posters need this font, and it is missing; "
                        + "restore site-template/fonts/OpenSans-Bold.ttf from the project (git checkout -- site-template/fonts/OpenSans-Bold.ttf)"),
                problemsOf(site, before));
    }

    @Test
    void aFontThatIsNotAFontNamesTheFileAndHowToRestoreIt() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();
        String before = site.page("nl/index.html");
        site.write("site-template/fonts/OpenSans-Regular.ttf", "<html>not a font</html>");

        List<String> problems = problemsOf(site, before);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("site-template/fonts/OpenSans-Regular.ttf: this file is not a TrueType font"), problems.get(0));
        assertTrue(problems.get(0).endsWith("; restore site-template/fonts/OpenSans-Regular.ttf from the project "
                + "(git checkout -- site-template/fonts/OpenSans-Regular.ttf)"), problems.get(0));
    }

    @Test
    void aMissingPhotoNamesTheFolderItShouldBeIn() throws Exception {
        assertEquals(List.of("content/innovators/alpha/index.nl.md:5: the photo 'portret.jpg' is not in the folder alpha/; "
                        + "copy the photo into that folder, or correct the file name after 'photo:'"),
                problemsAfter("fails-on-missing-photo"));
    }

    @Test
    void aPhotoWithoutAltTextInATranslationFailsTheBuild() throws Exception {
        assertEquals(List.of("content/innovators/alpha/index.fr.md:1: the required field 'photoAlt' is missing; "
                        + "add a line 'photoAlt: ...' (a text) between the two '---' lines"),
                problemsAfter("fails-on-missing-alt-text"));
    }

    @Test
    void anImageWithoutAltTextInTheTextFailsTheBuild() throws Exception {
        List<String> problems = problemsAfter("fails-on-image-without-alt-in-text");

        assertTrue(problems.contains("content/pages/about/index.nl.md:6: the image photo.jpg has no alt text; "
                + "describe what it shows between the brackets: ![what the image shows](photo.jpg)"), problems.toString());
    }

    @Test
    void aTranslationPublishedWhileTheDutchTextIsADraftFailsTheBuild() throws Exception {
        assertEquals(List.of(
                        "content/campaigns/2026/index.en.md:1: published while index.nl.md is a draft; "
                                + "publish the Dutch text first, or make this one a draft too (draft: true)",
                        "content/campaigns/2026/index.fr.md:1: published while index.nl.md is a draft; "
                                + "publish the Dutch text first, or make this one a draft too (draft: true)"),
                problemsAfter("fails-on-translation-published-before-dutch"));
    }

    @Test
    void aTranslationPublishedBeforeItsScheduledDutchTextNamesItsScheduleLine() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();
        String before = site.page("nl/index.html");
        site.write("content/pages/about/index.nl.md", "---\ntitle: Over ons\npublishDate: 2027-01-01T00:00+01:00\n---\nLater.\n");
        site.write("content/pages/about/index.en.md", "---\ntitle: About us\npublishDate: 2026-11-01\n---\nNow.\n");

        assertEquals(List.of("content/pages/about/index.en.md:3: published while index.nl.md is scheduled for later; "
                        + "publish the Dutch text first, or give this one the same publishDate"),
                problemsOf(site, before));
    }

    @Test
    void twoPagesOnOneAddressFailTheBuild() throws Exception {
        assertEquals(List.of(
                        "content/pages/innovators/index.nl.md: this page would be published at /nl/innovators/, which is already taken by the site's innovators page; rename the page's folder"),
                problemsAfter("fails-on-duplicate-slug"));
    }

    @Test
    void aFolderNameThatCannotBeAnAddressFailsTheBuild() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();
        String before = site.page("nl/index.html");
        Files.move(site.root().resolve("content/innovators/beta"), site.root().resolve("content/innovators/Beta Team"));

        List<String> problems = problemsOf(site, before);
        assertTrue(problems.contains("content/innovators/Beta Team: the folder name 'Beta Team' cannot be used in a web address; "
                + "rename the folder to a folder name such as papillon (lowercase letters, digits, '-')"), problems.toString());
    }

    @Test
    void aNewsFolderWithoutARealDateInItsNameFailsTheBuild() throws Exception {
        assertEquals(List.of(
                        "content/news/2026-02-30-oeps: the folder name '2026-02-30-oeps' starts with '2026-02-30', which is not a date in the calendar; "
                                + "rename the folder to the real date of the item (yyyy-mm-dd) and a short name, such as 2026-11-16-stemming-open",
                        "content/news/stemming-open: the folder name 'stemming-open' does not start with the date of the news item; "
                                + "rename the folder to the date (yyyy-mm-dd) and a short name, such as 2026-11-16-stemming-open"),
                problemsAfter("fails-on-bad-news-folder"));
    }

    @Test
    void aNewsItemAboutAnUnknownEditionOrWithABadDateNamesTheLine() throws Exception {
        assertEquals(List.of(
                        "content/news/2026-11-16-voting-open/index.nl.md:3: there is no edition 2031 (no folder content/campaigns/2031/); "
                                + "use one of 2026, or remove 'edition'",
                        "content/news/2026-11-16-voting-open/index.nl.md:4: 'publishDate' is not a date (got \"16 november\"); "
                                + "write it as 2026-12-13T20:00+01:00 (+01:00 in winter, +02:00 in summer in Brussels)"),
                problemsAfter("fails-on-bad-news-fields"));
    }

    @Test
    void reportsEveryProblemAtOnce() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();
        String before = site.page("nl/index.html");
        site.overlay("fails-on-unknown-key");
        site.overlay("fails-on-bad-date");

        assertEquals(3, problemsOf(site, before).size());
    }
}
