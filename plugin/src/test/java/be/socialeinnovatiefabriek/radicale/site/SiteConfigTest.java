package be.socialeinnovatiefabriek.radicale.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings check: every wrong setting at once, each named by the property a user sets (site.*) with the fix. */
class SiteConfigTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T12:00+01:00");

    @TempDir
    Path project;

    @Test
    void acceptsTheSettingsOfTheCampaignSite() throws Exception {
        Path content = Files.createDirectories(project.resolve("content"));
        Path templates = Files.createDirectories(project.resolve("site-template"));

        SiteConfig config = SiteConfig.validated(project, content, templates, project.resolve("target/site"),
                List.of("nl", "fr", "en", "fry"), "https://radicalevernieuwers.be/", BRUSSELS, NOW, false, "");

        assertEquals("nl", config.defaultLanguage());
        assertEquals("https://radicalevernieuwers.be", config.baseUrl());
    }

    @Test
    void namesEveryWrongSettingByItsPropertyWithTheFix() {
        InvalidSettingException wrong = assertThrows(InvalidSettingException.class, () -> SiteConfig.validated(project,
                project.resolve("no-content"), project.resolve("no-templates"), project.resolve("target/site"),
                List.of("nl", "Dutch", "nl"), "radicalevernieuwers.be", BRUSSELS, NOW, false, "ftp://counter"));

        assertEquals(List.of(
                "site.languages holds \"Dutch\", which is not a language code of two or three lowercase letters; use codes such as nl,fr,en",
                "site.languages lists a language twice (nl,Dutch,nl); list each once",
                "site.baseUrl \"radicalevernieuwers.be\" is not a web address; set it to the site's public address, such as https://radicalevernieuwers.be",
                "site.voteEndpoint \"ftp://counter\" is not a web address; set it to the counter's address, "
                        + "such as https://abc123.execute-api.eu-west-1.amazonaws.com, or leave it empty for the site's own origin",
                "site.contentDirectory " + project.resolve("no-content") + " does not exist; create it or point site.contentDirectory at the content folder",
                "site.templateDirectory " + project.resolve("no-templates") + " does not exist; point site.templateDirectory at the site-template folder"),
                wrong.getMessage().lines().toList());
    }

    @Test
    void anEmptyLanguageListIsNamed() throws Exception {
        Path content = Files.createDirectories(project.resolve("content"));
        Path templates = Files.createDirectories(project.resolve("site-template"));

        InvalidSettingException wrong = assertThrows(InvalidSettingException.class, () -> SiteConfig.validated(project, content, templates,
                project.resolve("target/site"), List.of(), "https://radicalevernieuwers.be", BRUSSELS, NOW, false, null));

        assertEquals("site.languages is empty; set it to a list such as nl,fr,en (the first is the default)", wrong.getMessage());
    }
}
