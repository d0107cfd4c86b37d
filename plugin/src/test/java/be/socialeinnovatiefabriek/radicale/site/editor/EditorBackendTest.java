package be.socialeinnovatiefabriek.radicale.site.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.TestSite;
import be.socialeinnovatiefabriek.radicale.site.core.SiteBuilder;
import be.socialeinnovatiefabriek.radicale.site.core.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.serve.PreviewServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor's backend as the CMS uses it, over the preview's real HTTP server: it lists and reads
 * page files, saves a change into the file on disk changing only what changed, refuses with the
 * build's own messages what would not build (writing nothing), and takes photos into a page's folder.
 */
class EditorBackendTest {

    @TempDir
    Path folder;

    private TestSite site;
    private PreviewServer server;
    private final List<String> saves = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        site = TestSite.create(folder, null);
        SiteConfig config = site.config(true).with(site.root().resolve("target/site-preview"), "http://localhost:0", TestSite.NOW, true);
        server = new PreviewServer(new SiteBuilder(config), line -> { }, line -> { });
        server.useEditor(new BrowserEditor(config, EditorAccess.forPreview("127.0.0.1", true, null), site.root().resolve("target/editor-check"),
                Clock.fixed(TestSite.NOW.toInstant(), ZoneOffset.UTC), saves::add));
        server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** The headers the CMS's page sends with each request to its backend. */
    private Map<String, String> fromTheEditor() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "127.0.0.1:" + server.port());
        headers.put("Origin", "http://127.0.0.1:" + server.port());
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Sec-Fetch-Site", "same-origin");
        return headers;
    }

    private RawHttp.Answer call(String action, Object params) throws Exception {
        ObjectNode request = json.createObjectNode().put("action", action);
        request.set("params", json.valueToTree(params));
        return RawHttp.send(server.port(), "POST", "/admin/api/v1", fromTheEditor(), json.writeValueAsBytes(request));
    }

    private JsonNode ok(String action, Object params) throws Exception {
        RawHttp.Answer answer = call(action, params);
        assertEquals(200, answer.status(), answer.body());
        return json.readTree(answer.body());
    }

    private String read(String path) throws Exception {
        return Files.readString(site.root().resolve(path), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> dataFile(String path, String raw) {
        return Map.of("slug", path.split("/")[2], "path", path, "raw", raw);
    }

    private static Map<String, Object> persist(List<Map<String, Object>> dataFiles, List<Map<String, Object>> assets) {
        return Map.of("branch", "main", "dataFiles", dataFiles, "assets", assets,
                "options", Map.of("commitMessage", "Update", "useWorkflow", false, "status", "draft"));
    }

    @Test
    void listsTheLanguageFilesOfASectionWithTheirText() throws Exception {
        JsonNode entries = ok("entriesByFolder", Map.of("branch", "main", "folder", "content/innovators", "extension", "md", "depth", 2));

        List<String> paths = new ArrayList<>();
        entries.forEach(entry -> paths.add(entry.path("file").path("path").asText()));
        assertEquals(List.of("content/innovators/alpha/index.en.md", "content/innovators/alpha/index.fr.md", "content/innovators/alpha/index.nl.md",
                "content/innovators/beta/index.nl.md"), paths);
        assertEquals(read("content/innovators/alpha/index.fr.md"), entries.get(1).path("data").asText());
    }

    @Test
    void savingAnUnchangedEntryChangesNoByte() throws Exception {
        String dutch = read("content/innovators/alpha/index.nl.md");
        long modified = Files.getLastModifiedTime(site.root().resolve("content/innovators/alpha/index.nl.md")).toMillis();

        JsonNode answer = ok("persistEntry", persist(List.of(dataFile("content/innovators/alpha/index.nl.md",
                "---\nphotoAlt: \"Het logo van Alfa\"\nname: \"Alpha\"\ntagline: \"Alfa maakt het verschil\"\nthemes:\n  - poverty\n  - climate\n"
                        + "photo: photo.jpg\n---\nAlpha text in nl.\n")), List.of()));

        assertEquals(0, answer.path("changed").size());
        assertEquals(dutch, read("content/innovators/alpha/index.nl.md"));
        assertEquals(modified, Files.getLastModifiedTime(site.root().resolve("content/innovators/alpha/index.nl.md")).toMillis());
    }

    @Test
    void changingTheFrenchTaglineChangesThatLineOnly() throws Exception {
        String french = read("content/innovators/alpha/index.fr.md");

        JsonNode answer = ok("persistEntry", persist(List.of(
                dataFile("content/innovators/alpha/index.nl.md", read("content/innovators/alpha/index.nl.md")),
                dataFile("content/innovators/alpha/index.fr.md", french.replace("Alpha fait la différence", "Alpha change tout"))), List.of()));

        assertEquals(List.of("content/innovators/alpha/index.fr.md"), List.of(answer.path("changed").get(0).asText()));
        assertEquals(french.replace("tagline: Alpha fait la différence", "tagline: Alpha change tout"), read("content/innovators/alpha/index.fr.md"));
    }
}
