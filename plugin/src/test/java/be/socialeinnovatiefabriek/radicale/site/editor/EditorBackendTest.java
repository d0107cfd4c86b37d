package be.socialeinnovatiefabriek.radicale.site.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.TestSite;
import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
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

    /** The page at {@code path} of the preview, once it shows {@code text}: the preview rebuilds by itself after a save. */
    private String pageShowing(String path, String text) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        String body = "";
        while (System.nanoTime() < deadline) {
            body = RawHttp.send(server.port(), "GET", path, Map.of("Host", "127.0.0.1:" + server.port()), null).body();
            if (body.contains(text)) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " does not show '" + text + "' within 30 s");
    }

    private JsonNode refusal(RawHttp.Answer answer) throws Exception {
        assertEquals(422, answer.status(), answer.body());
        JsonNode body = json.readTree(answer.body());
        assertEquals("content_refused", body.path("code").asText());
        return body;
    }

    private static List<String> texts(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> values.add(item.asText()));
        return values;
    }

    private static byte[] jpeg(int width, int height) throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static Map<String, Object> asset(String path, byte[] bytes) {
        return Map.of("path", path, "content", Base64.getEncoder().encodeToString(bytes), "encoding", "base64");
    }

    private static final String GAMMA = "---\nname: Gamma\ntagline: Gamma helpt buren\nthemes: [poverty]\nphoto: gamma.jpg\n"
            + "photoAlt: Twee buren aan een voordeur\n---\nGamma brengt buren samen.\n";

    @Test
    void theSavedChangeShowsOnThePreviewsPage() throws Exception {
        String french = read("content/innovators/alpha/index.fr.md");

        ok("persistEntry", persist(List.of(dataFile("content/innovators/alpha/index.fr.md", french.replace("Alpha fait la différence", "Alpha change tout"))),
                List.of()));

        assertTrue(pageShowing("/fr/innovators/alpha/", "Alpha change tout").contains("<html lang=\"fr\""));
    }

    @Test
    void anEditionWithAnUnknownNomineeIsRefusedWithTheBuildsMessageAndNothingIsWritten() throws Exception {
        String dutch = read("content/campaigns/2026/index.nl.md");

        JsonNode refused = refusal(call("persistEntry", persist(List.of(dataFile("content/campaigns/2026/index.nl.md",
                dutch.replace("nominees: [alpha, beta]", "nominees: [alpha, beta, gama]"))), List.of())));

        assertEquals(List.of("content/campaigns/2026/index.nl.md:4: unknown nominee 'gama': there is no folder content/innovators/gama/; "
                + "create the innovator's folder, or correct the name"), texts(refused.path("problems")));
        assertEquals("Not saved: content/campaigns/2026/index.nl.md:4: unknown nominee 'gama': there is no folder content/innovators/gama/; "
                + "create the innovator's folder, or correct the name", refused.path("error").asText());
        assertEquals(dutch, read("content/campaigns/2026/index.nl.md"));
        assertTrue(saves.stream().noneMatch(line -> line.startsWith("Editor saved")), saves.toString());
    }

    @Test
    void anEmptyRequiredFieldIsRefusedWithTheLineTheBuildNames() throws Exception {
        String dutch = read("content/campaigns/2026/index.nl.md");

        JsonNode refused = refusal(call("persistEntry", persist(List.of(dataFile("content/campaigns/2026/index.nl.md",
                dutch.replace("title: Radicale Vernieuwers 2026", "title: \"\""))), List.of())));

        assertEquals(List.of("content/campaigns/2026/index.nl.md:2: 'title' is empty; write a value after 'title:'"), texts(refused.path("problems")));
        assertEquals(dutch, read("content/campaigns/2026/index.nl.md"));
    }

    @Test
    void aNewInnovatorWithItsPhotoIsWrittenInItsOwnFolderThenTranslated() throws Exception {
        byte[] photo = jpeg(960, 640);

        JsonNode created = ok("persistEntry", persist(List.of(dataFile("content/innovators/gamma/index.nl.md", GAMMA)),
                List.of(asset("content/innovators/gamma/gamma.jpg", photo))));
        JsonNode translated = ok("persistEntry", persist(List.of(dataFile("content/innovators/gamma/index.nl.md", GAMMA),
                dataFile("content/innovators/gamma/index.en.md", GAMMA.replace("Gamma helpt buren", "Gamma helps neighbours")
                        .replace("Twee buren aan een voordeur", "Two neighbours at a front door").replace("Gamma brengt buren samen.", "Gamma brings neighbours together."))),
                List.of()));

        assertEquals(List.of("content/innovators/gamma/index.nl.md", "content/innovators/gamma/gamma.jpg"), texts(created.path("changed")));
        assertEquals(GAMMA, read("content/innovators/gamma/index.nl.md"));
        assertTrue(java.util.Arrays.equals(photo, Files.readAllBytes(site.root().resolve("content/innovators/gamma/gamma.jpg"))));
        assertEquals(List.of("content/innovators/gamma/index.en.md"), texts(translated.path("changed")));
        assertEquals("---\ntagline: Gamma helps neighbours\nphotoAlt: Two neighbours at a front door\n---\nGamma brings neighbours together.\n",
                read("content/innovators/gamma/index.en.md"));
        pageShowing("/en/innovators/gamma/", "Gamma helps neighbours");
    }

    @Test
    void aPhotoTooSmallForTheSiteIsRefusedAsTheBuildRefusesIt() throws Exception {
        JsonNode refused = refusal(call("persistEntry", persist(List.of(dataFile("content/innovators/gamma/index.nl.md", GAMMA)),
                List.of(asset("content/innovators/gamma/gamma.jpg", jpeg(320, 200))))));

        assertEquals(List.of("content/innovators/gamma/index.nl.md:5: the photo 'gamma.jpg' is 320 pixels wide, too small for the site; "
                + "use a photo at least 480 pixels wide (1440 or more looks sharp on large screens)"), texts(refused.path("problems")));
        assertFalse(Files.exists(site.root().resolve("content/innovators/gamma")));
    }

    @Test
    void aPhotoWithoutItsDescriptionIsRefused() throws Exception {
        JsonNode refused = refusal(call("persistEntry", persist(List.of(dataFile("content/innovators/gamma/index.nl.md",
                GAMMA.replace("photoAlt: Twee buren aan een voordeur\n", ""))), List.of(asset("content/innovators/gamma/gamma.jpg", jpeg(960, 640))))));

        assertTrue(texts(refused.path("problems")).get(0).startsWith("content/innovators/gamma/index.nl.md:1: the required field 'photoAlt' is missing"),
                refused.toString());
        assertFalse(Files.exists(site.root().resolve("content/innovators/gamma")));
    }

    @Test
    void theMediaOfAPageAreItsImagesAndTheSharedFolderHasNone() throws Exception {
        JsonNode media = ok("getMedia", Map.of("branch", "main", "mediaFolder", "content/innovators/alpha"));
        JsonNode shared = ok("getMedia", Map.of("branch", "main", "mediaFolder", "content"));

        assertEquals(1, media.size());
        assertEquals("content/innovators/alpha/photo.jpg", media.get(0).path("path").asText());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(site.root().resolve("content/innovators/alpha/photo.jpg")),
                Base64.getDecoder().decode(media.get(0).path("content").asText())));
        assertEquals(0, shared.size());
    }

    @Test
    void readingAFileThatDoesNotExistGivesNoTextAndTheLanguagelessNameIsTheOriginal() throws Exception {
        JsonNode missing = ok("getEntry", Map.of("branch", "main", "path", "content/innovators/beta/index.fr.md"));
        JsonNode languageless = ok("getEntry", Map.of("branch", "main", "path", "content/innovators/beta/index.md"));
        JsonNode files = ok("entriesByFiles", Map.of("branch", "main", "files", List.of(Map.of("path", "content/pages/about/index.en.md"))));

        assertTrue(missing.path("data").isNull());
        assertEquals(read("content/innovators/beta/index.nl.md"), languageless.path("data").asText());
        assertEquals(read("content/pages/about/index.en.md"), files.get(0).path("data").asText());
    }

    @Test
    void deletingATranslationLeavesTheOriginalAndDeletingAPageTakesItsFolder() throws Exception {
        ok("deleteFiles", Map.of("branch", "main", "paths", List.of("content/pages/about/index.en.md"), "options", Map.of("commitMessage", "x")));
        assertFalse(Files.exists(site.root().resolve("content/pages/about/index.en.md")));
        assertTrue(Files.exists(site.root().resolve("content/pages/about/index.nl.md")));

        ok("deleteFiles", Map.of("branch", "main", "paths", List.of("content/pages/about/index.nl.md"), "options", Map.of("commitMessage", "x")));
        assertFalse(Files.exists(site.root().resolve("content/pages/about")));
    }

    @Test
    void deletingANomineeIsRefusedAndNothingIsDeleted() throws Exception {
        JsonNode refused = refusal(call("deleteFiles", Map.of("branch", "main", "paths", List.of("content/innovators/beta/index.nl.md"),
                "options", Map.of("commitMessage", "x"))));

        assertTrue(texts(refused.path("problems")).get(0).startsWith("content/campaigns/2026/index.nl.md:4: unknown nominee 'beta'"), refused.toString());
        assertTrue(Files.exists(site.root().resolve("content/innovators/beta/index.nl.md")));
        assertTrue(Files.exists(site.root().resolve("content/innovators/beta/photo.jpg")));
    }

    @Test
    void theSiteStatusSaysWhichPageLacksWhichTranslation() throws Exception {
        JsonNode status = ok("siteStatus", Map.of());

        Map<String, List<String>> missing = new LinkedHashMap<>();
        status.path("pages").forEach(page -> missing.put(page.path("page").asText(), texts(page.path("missing"))));
        assertEquals(List.of(), missing.get("innovators/alpha"));
        assertEquals(List.of("fr", "en"), missing.get("innovators/beta"));
        assertEquals(List.of("fr"), missing.get("pages/about"));
        assertEquals(0, status.path("problems").size());
    }
}
