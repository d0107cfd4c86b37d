package be.socialeinnovatiefabriek.radicale.site.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.TestSite;
import be.socialeinnovatiefabriek.radicale.site.build.ContentCheck;
import be.socialeinnovatiefabriek.radicale.site.content.ContentFields;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The CMS's configuration follows the content schemas: one collection per section, one form field per key, the site's languages. */
class CmsConfigTest {

    @TempDir
    Path folder;

    @SuppressWarnings("unchecked")
    private Map<String, Object> preview() throws Exception {
        TestSite site = TestSite.create(folder, null);
        String yaml = new CmsConfig(site.config(), "content", ContentCheck.themes(site.config())).forPreview("http://localhost:8080");
        return (Map<String, Object>) new Yaml().load(yaml);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @Test
    void everySectionIsACollectionOfPageFoldersWithOneFilePerLanguage() throws Exception {
        Map<String, Object> config = preview();

        assertEquals(Map.of("structure", "multiple_files", "locales", List.of("nl", "fr", "en"), "default_locale", "nl"), config.get("i18n"));
        List<String> names = new ArrayList<>();
        for (Map<String, Object> collection : list(config.get("collections"))) {
            names.add((String) collection.get("name"));
            ContentFields.SectionFields section = ContentFields.SECTIONS.stream().filter(s -> s.folder().equals(collection.get("name"))).findFirst().orElseThrow();
            assertEquals("content/" + section.folder(), collection.get("folder"));
            assertEquals(section.single() ? "index" : "{{slug}}/index", collection.get("path"));
            assertEquals("", collection.get("media_folder"), "photos in the page's own folder");
            assertEquals(true, collection.get("i18n"));
            List<String> keys = list(collection.get("fields")).stream().map(field -> (String) field.get("name")).toList();
            List<String> expected = new ArrayList<>(section.fields().stream().map(ContentFields.Field::key).toList());
            expected.add("body");
            assertEquals(expected, keys);
        }
        assertEquals(ContentFields.SECTIONS.stream().map(ContentFields.SectionFields::folder).toList(), names);
    }

    @Test
    void requiredFieldsSaySoAndTheBackendChecksThemWithTheBuildsRules() throws Exception {
        Map<String, Object> innovators = list(preview().get("collections")).get(0);

        for (Map<String, Object> field : list(innovators.get("fields"))) {
            assertEquals(false, field.get("required"), field.toString());
            boolean required = ContentFields.INNOVATORS.field((String) field.get("name")).map(ContentFields.Field::required).orElse(false);
            assertEquals(required, ((String) field.get("label")).endsWith("(required)"), field.toString());
        }
    }

    @Test
    void themesAreTheSitesNomineesAreInnovatorsAndMomentsKeepTheirOffset() throws Exception {
        Map<String, Object> config = preview();
        Map<String, Object> themes = field(config, "innovators", "themes");
        Map<String, Object> nominees = field(config, "campaigns", "nominees");
        Map<String, Object> opens = field(config, "campaigns", "opens");

        List<String> options = list(themes.get("options")).stream().map(option -> (String) option.get("value")).toList();
        assertTrue(options.containsAll(List.of("poverty", "climate")) && !options.contains("empty"), options.toString());
        assertEquals("Armoede (poverty)", list(themes.get("options")).stream().filter(o -> o.get("value").equals("poverty")).findFirst().orElseThrow().get("label"));
        assertEquals("page-folder", nominees.get("widget"));
        assertEquals("innovators", nominees.get("collection"));
        assertEquals(true, nominees.get("multiple"));
        assertTrue("2026-12-13T20:00+01:00".matches(((List<?>) opens.get("pattern")).get(0).toString()));
        assertFalse("2026-12-13T20:00".matches(((List<?>) opens.get("pattern")).get(0).toString()));
        assertEquals("duplicate", nominees.get("i18n"), "the same nominees in every language");
        assertEquals(true, field(config, "innovators", "tagline").get("i18n"));
    }

    @Test
    void theBackendIsThePreviewsOwnBesideTheEditorNotTheCountersApi() throws Exception {
        Map<String, Object> config = preview();

        assertEquals(Map.of("name", "proxy", "proxy_url", "/admin/api/v1", "branch", "main"), config.get("backend"));
        assertEquals("http://localhost:8080", config.get("site_url"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePublishedEditorCommitsToTheConfiguredGitHost() throws Exception {
        TestSite site = TestSite.create(folder, null);

        Map<String, Object> config = (Map<String, Object>) new Yaml().load(BrowserEditor.publishedConfig(site.config(), "github",
                "socialeinnovatiefabriek/radicale-vernieuwers", "main", "https://auth.example.org", null));

        assertEquals(Map.of("name", "github", "repo", "socialeinnovatiefabriek/radicale-vernieuwers", "branch", "main",
                "base_url", "https://auth.example.org"), config.get("backend"));
        assertEquals("https://radicalevernieuwers.be", config.get("site_url"));
    }

    private static Map<String, Object> field(Map<String, Object> config, String collection, String key) {
        return list(list(config.get("collections")).stream().filter(c -> c.get("name").equals(collection)).findFirst().orElseThrow().get("fields"))
                .stream().filter(field -> field.get("name").equals(key)).findFirst().orElseThrow();
    }
}
