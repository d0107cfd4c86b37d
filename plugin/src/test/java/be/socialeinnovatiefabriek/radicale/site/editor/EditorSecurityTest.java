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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor's backend tried as an attacker would, through the preview's real HTTP server: paths that
 * lead out of content/ (parent steps, encoded, absolute, through a symbolic link), names no page has,
 * requests from another page or another host name (DNS rebinding), bodies too large, actions that do
 * not exist. Each gets a 4xx with a JSON error and message, and content/ (and what lies outside it) is
 * left exactly as it was.
 */
class EditorSecurityTest {

    private static final String SECRET = "correct-horse-battery-staple";

    @TempDir
    Path folder;

    private TestSite site;
    private PreviewServer server;
    private Path outside;
    private final ObjectMapper json = new ObjectMapper();

    private void start(EditorAccess access) throws Exception {
        start(access, BrowserEditor.MAX_BODY);
    }

    private void start(EditorAccess access, int maxBody) throws Exception {
        site = TestSite.create(folder.resolve("site"), null);
        outside = folder.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("index.nl.md"), "---\nname: Outside\n---\nNot content.\n");
        SiteConfig config = site.config(true).with(site.root().resolve("target/site-preview"), "http://localhost:0", TestSite.NOW, true);
        server = new PreviewServer(new SiteBuilder(config), line -> { }, line -> { });
        server.useEditor(new BrowserEditor(config, access, site.root().resolve("target/editor-check"),
                Clock.fixed(TestSite.NOW.toInstant(), ZoneOffset.UTC), line -> { }, maxBody));
        server.start("127.0.0.1", 0);
    }

    private void start() throws Exception {
        start(EditorAccess.forPreview("127.0.0.1", true, null));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private String host() {
        return "127.0.0.1:" + server.port();
    }

    private Map<String, String> editorHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host());
        headers.put("Origin", "http://" + host());
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private RawHttp.Answer post(Map<String, String> headers, String body) throws Exception {
        return RawHttp.send(server.port(), "POST", "/admin/api/v1", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private RawHttp.Answer call(String action, Map<String, Object> params) throws Exception {
        return post(editorHeaders(), json.writeValueAsString(Map.of("action", action, "params", params)));
    }

    /** A refusal: the status, a JSON body with a code and a sentence, and nothing of content/ touched. */
    private JsonNode refused(RawHttp.Answer answer, int status, String code) throws Exception {
        assertEquals(status, answer.status(), answer.body());
        JsonNode body = json.readTree(answer.body());
        assertEquals(code, body.path("code").asText(), answer.body());
        assertFalse(body.path("message").asText().isBlank());
        assertEquals(body.path("message").asText(), body.path("error").asText());
        return body;
    }

    /** Every file of content/ and of the folder beside it that an attack aims at, with its bytes, to compare before and after. */
    private Map<String, String> files() throws Exception {
        Map<String, String> files = new java.util.TreeMap<>();
        for (Path root : List.of(site.root().resolve("content"), outside)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(folder.relativize(file).toString(), Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
                }
            }
        }
        return files;
    }

    private static Map<String, Object> persist(String path) {
        return Map.of("branch", "main", "dataFiles", List.of(Map.of("slug", "x", "path", path, "raw", "---\nname: Evil\n---\nEvil.\n")),
                "assets", List.of(), "options", Map.of("commitMessage", "x", "useWorkflow", false, "status", "draft"));
    }

    private static Map<String, Object> persistAsset(String entryPath, String assetPath, byte[] bytes) throws Exception {
        String dutch = new String(Files.readAllBytes(Path.of("src/test/resources/sites/base/content/innovators/alpha/index.nl.md")), StandardCharsets.UTF_8);
        return Map.of("branch", "main", "dataFiles", List.of(Map.of("slug", "alpha", "path", entryPath, "raw", dutch)),
                "assets", List.of(Map.of("path", assetPath, "content", Base64.getEncoder().encodeToString(bytes), "encoding", "base64")),
                "options", Map.of("commitMessage", "x", "useWorkflow", false, "status", "draft"));
    }

    @TestFactory
    Stream<DynamicTest> pathsThatLeadOutOfAPageFolderAreRefused() throws Exception {
        List<String> paths = List.of(
                "content/innovators/alpha/../../../pom.xml",
                "content/innovators/../../outside/index.nl.md",
                "content/innovators/%2e%2e/%2e%2e/outside/index.nl.md",
                "content/innovators/alpha/%2e%2e%2findex.nl.md",
                "content/innovators/alpha\\..\\..\\index.nl.md",
                "/etc/passwd",
                "//etc/passwd",
                "C:/Windows/win.ini",
                "~/index.nl.md",
                "content//innovators/alpha/index.nl.md",
                "content/./innovators/alpha/index.nl.md",
                "content/innovators/alpha/index.nl.md\u0000.jpg",
                "site-template/templates/layout.ftl",
                "content/templates/x/index.nl.md",
                "content/innovators/Alpha/index.nl.md",
                "content/innovators/alpha/index.de.md",
                "content/innovators/alpha/notes.md",
                "content/innovators/alpha/index.nl.md.bak",
                "content/innovators/alpha/sub/index.nl.md",
                "content/README.md",
                "content/innovators/index.nl.md",
                "content/innovators/alpha/" + "a".repeat(400) + ".jpg");
        start(); // one preview for all: each refusal must leave every file as it was
        return paths.stream().flatMap(path -> Stream.of(
                DynamicTest.dynamicTest("read " + path.replace('\u0000', '0'), () -> {
                    Map<String, String> before = files();
                    refused(call("getEntry", Map.of("branch", "main", "path", path)), 403, "path_refused");
                    refused(call("getMediaFile", Map.of("branch", "main", "path", path)), 403, "path_refused");
                    assertEquals(before, files());
                }),
                DynamicTest.dynamicTest("write " + path.replace('\u0000', '0'), () -> {
                    Map<String, String> before = files();
                    refused(call("persistEntry", persist(path)), 403, "path_refused");
                    refused(call("persistMedia", Map.of("branch", "main", "asset", Map.of("path", path, "content", "AAAA", "encoding", "base64"),
                            "options", Map.of("commitMessage", "x"))), 403, "path_refused");
                    refused(call("deleteFile", Map.of("branch", "main", "path", path, "options", Map.of("commitMessage", "x"))), 403, "path_refused");
                    assertEquals(before, files());
                })));
    }

    @Test
    void aSymbolicLinkOutOfContentIsNeitherReadNorWritten() throws Exception {
        start();
        Files.createSymbolicLink(site.root().resolve("content/innovators/escape"), outside);
        Files.createSymbolicLink(site.root().resolve("content/innovators/alpha/shot.jpg"), outside.resolve("index.nl.md"));
        Map<String, String> before = files();

        refused(call("getEntry", Map.of("branch", "main", "path", "content/innovators/escape/index.nl.md")), 403, "path_refused");
        refused(call("persistEntry", persist("content/innovators/escape/index.nl.md")), 403, "path_refused");
        refused(call("getMediaFile", Map.of("branch", "main", "path", "content/innovators/alpha/shot.jpg")), 403, "path_refused");
        refused(call("persistMedia", Map.of("branch", "main", "asset", Map.of("path", "content/innovators/alpha/shot.jpg",
                "content", Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}), "encoding", "base64"),
                "options", Map.of("commitMessage", "x"))), 403, "path_refused");
        refused(call("deleteFile", Map.of("branch", "main", "path", "content/innovators/alpha/shot.jpg", "options", Map.of("commitMessage", "x"))),
                403, "path_refused");
        JsonNode listed = json.readTree(call("entriesByFolder", Map.of("branch", "main", "folder", "content/innovators", "extension", "md",
                "depth", 2)).body());

        assertEquals(before, files());
        listed.forEach(entry -> assertFalse(entry.path("file").path("path").asText().contains("escape"), entry.toString()));
    }

    @TestFactory
    Stream<DynamicTest> filesThatAreNotImagesOrPageTextAreNotKeptInAPageFolder() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("content/innovators/alpha/evil.svg", "<svg onload=alert(1)/>".getBytes(StandardCharsets.UTF_8));
        files.put("content/innovators/alpha/evil.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        files.put("content/innovators/alpha/evil.js", "alert(1)".getBytes(StandardCharsets.UTF_8));
        files.put("content/innovators/alpha/.htaccess", "x".getBytes(StandardCharsets.UTF_8));
        files.put("content/innovators/alpha/photo.jpg.html", "x".getBytes(StandardCharsets.UTF_8));
        files.put("content/innovators/alpha/-rf.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        start();
        return files.entrySet().stream().map(file -> DynamicTest.dynamicTest(file.getKey(), () -> {
            Map<String, String> before = files();
            refused(call("persistEntry", persistAsset("content/innovators/alpha/index.nl.md", file.getKey(), file.getValue())), 403, "path_refused");
            assertEquals(before, files());
        }));
    }

    @Test
    void aPageWithAScriptNamedAsAPhotoIsRefused() throws Exception {
        start();
        Map<String, String> before = files();

        JsonNode body = refused(call("persistEntry", persistAsset("content/innovators/alpha/index.nl.md", "content/innovators/alpha/photo2.jpg",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))), 422, "not_an_image");

        assertTrue(body.path("message").asText().contains("photo2.jpg is not a JPG image"), body.toString());
        assertEquals(before, files());
    }

    @Test
    void anImageForAnotherPageFolderIsRefused() throws Exception {
        start();
        Map<String, String> before = files();

        refused(call("persistEntry", persistAsset("content/innovators/alpha/index.nl.md", "content/innovators/beta/photo.jpg",
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})), 403, "path_refused");

        assertEquals(before, files());
    }

    @Test
    void requestsFromAnotherPageAreRefused() throws Exception {
        start();
        Map<String, String> before = files();
        String body = json.writeValueAsString(Map.of("action", "persistEntry", "params", persist("content/innovators/alpha/index.nl.md")));

        Map<String, String> foreign = editorHeaders();
        foreign.put("Origin", "http://evil.example");
        refused(post(foreign, body), 403, "foreign_origin");
        Map<String, String> nullOrigin = editorHeaders();
        nullOrigin.put("Origin", "null");
        refused(post(nullOrigin, body), 403, "foreign_origin");
        Map<String, String> noOrigin = editorHeaders();
        noOrigin.remove("Origin");
        refused(post(noOrigin, body), 403, "foreign_origin");
        Map<String, String> otherPort = editorHeaders();
        otherPort.put("Origin", "http://127.0.0.1:1");
        refused(post(otherPort, body), 403, "foreign_origin");
        Map<String, String> crossSite = editorHeaders();
        crossSite.put("Sec-Fetch-Site", "cross-site");
        refused(post(crossSite, body), 403, "foreign_origin");
        Map<String, String> formPost = editorHeaders();
        formPost.put("Content-Type", "text/plain");
        refused(post(formPost, body), 415, "not_json");

        assertEquals(before, files());
    }

    @Test
    void aHostNameOtherThanThisMachineIsRefusedAsDnsRebindingIs() throws Exception {
        start();
        Map<String, String> before = files();
        String body = json.writeValueAsString(Map.of("action", "persistEntry", "params", persist("content/innovators/alpha/index.nl.md")));

        Map<String, String> rebound = editorHeaders();
        rebound.put("Host", "evil.example:" + server.port());
        rebound.put("Origin", "http://evil.example:" + server.port());
        refused(post(rebound, body), 421, "wrong_host");
        Map<String, String> noHost = editorHeaders();
        noHost.remove("Host");
        refused(post(noHost, body), 400, "bad_host");
        Map<String, String> otherPort = editorHeaders();
        otherPort.put("Host", "127.0.0.1:1");
        otherPort.put("Origin", "http://127.0.0.1:1");
        refused(post(otherPort, body), 421, "wrong_host");
        RawHttp.Answer page = RawHttp.send(server.port(), "GET", "/admin/", Map.of("Host", "evil.example:" + server.port()), null);

        assertEquals(421, page.status());
        assertEquals(before, files());
        assertEquals(200, RawHttp.send(server.port(), "GET", "/admin/", Map.of("Host", "localhost:" + server.port()), null).status());
    }

    @Test
    void aBodyClaimingMoreThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        start();
        Map<String, String> before = files();
        Map<String, String> claimed = editorHeaders();
        claimed.put("Content-Length", String.valueOf(1L << 40));

        refused(RawHttp.send(server.port(), "POST", "/admin/api/v1", claimed, new byte[0]), 413, "too_large");

        assertEquals(before, files());
    }

    @Test
    void aBodyThatSaysNoLengthIsReadOnlyUpToTheLimit() throws Exception {
        start(EditorAccess.forPreview("127.0.0.1", true, null), 64 * 1024);
        Map<String, String> before = files();
        Map<String, String> chunked = editorHeaders();
        chunked.put("Transfer-Encoding", "chunked");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            body.append("1000\r\n").append(" ".repeat(0x1000)).append("\r\n"); // 40 chunks of 4 KB: 160 KB
        }
        body.append("0\r\n\r\n");

        refused(RawHttp.send(server.port(), "POST", "/admin/api/v1", chunked, body.toString().getBytes(StandardCharsets.US_ASCII)), 413, "too_large");

        assertEquals(before, files());
    }

    @Test
    void actionsThatDoNotExistAndBodiesThatAreNotRequestsAreRefused() throws Exception {
        start();
        Map<String, String> before = files();

        refused(call("rm -rf /", Map.of()), 422, "unknown_action");
        refused(call("unpublishedEntries", Map.of("branch", "main")), 422, "unsupported");
        refused(call("publishUnpublishedEntry", Map.of("branch", "main", "collection", "innovators", "slug", "alpha")), 422, "unsupported");
        refused(post(editorHeaders(), "{not json"), 400, "bad_json");
        refused(post(editorHeaders(), "[1, 2, 3]"), 400, "bad_request");
        refused(post(editorHeaders(), "{\"action\": \"getEntry\", \"params\": \"content/innovators/alpha/index.nl.md\"}"), 400, "bad_request");
        refused(post(editorHeaders(), "{\"action\": \"getEntry\", \"params\": {\"path\": 42}}"), 400, "bad_request");
        refused(call("persistEntry", Map.of("dataFiles", List.of(), "assets", List.of())), 400, "bad_request");
        refused(call("persistEntry", Map.of("branch", "main", "dataFiles", List.of(Map.of("path", "content/innovators/alpha/index.nl.md", "raw",
                "---\n[unclosed\n---\n")), "assets", List.of())), 400, "bad_request");
        RawHttp.Answer get = RawHttp.send(server.port(), "GET", "/admin/api/v1", Map.of("Host", host()), null);

        assertEquals(405, get.status());
        assertEquals(before, files());
    }

    @Test
    void theVoteCountersApiIsNotTheEditors() throws Exception {
        start();

        RawHttp.Answer counter = RawHttp.send(server.port(), "POST", "/api/v1", editorHeaders(), "{\"action\":\"info\"}".getBytes(StandardCharsets.UTF_8));

        assertEquals(503, counter.status()); // no counter runs in this test: /api/ goes to it, never to the editor
        assertEquals("counter_unavailable", json.readTree(counter.body()).path("error").asText());
    }

    @Test
    void onAPreviewOthersCanReachTheEditorIsOffWithoutASecret() throws Exception {
        start(EditorAccess.forPreview("0.0.0.0", true, null));
        Map<String, String> before = files();

        RawHttp.Answer page = RawHttp.send(server.port(), "GET", "/admin/", Map.of("Host", host()), null);
        JsonNode body = refused(call("persistEntry", persist("content/innovators/alpha/index.nl.md")), 403, "editor_off");

        assertEquals(403, page.status());
        assertTrue(page.body().contains("SITE_EDITOR_SECRET"), page.body());
        assertTrue(body.path("message").asText().contains("listens on 0.0.0.0"), body.toString());
        assertEquals(before, files());
    }

    @Test
    void withASecretStaffSignInOnceAndWrongSecretsAreRefused() throws Exception {
        start(EditorAccess.forPreview("0.0.0.0", true, SECRET));
        Map<String, String> lan = new LinkedHashMap<>(editorHeaders());
        lan.put("Host", "192.168.1.20:" + server.port());
        lan.put("Origin", "http://192.168.1.20:" + server.port());

        RawHttp.Answer page = RawHttp.send(server.port(), "GET", "/admin/", Map.of("Host", lan.get("Host")), null);
        RawHttp.Answer api = post(lan, "{\"action\":\"info\"}");
        Map<String, String> form = new LinkedHashMap<>(lan);
        form.put("Content-Type", "application/x-www-form-urlencoded");
        RawHttp.Answer wrong = RawHttp.send(server.port(), "POST", "/admin/login", form, "secret=guess".getBytes(StandardCharsets.UTF_8));
        RawHttp.Answer right = RawHttp.send(server.port(), "POST", "/admin/login", form, ("secret=" + SECRET).getBytes(StandardCharsets.UTF_8));
        String cookie = right.headers().get("set-cookie").split(";")[0];
        lan.put("Cookie", cookie);

        assertEquals(303, page.status());
        assertEquals("/admin/login", page.headers().get("location"));
        refused(api, 401, "sign_in");
        assertEquals(403, wrong.status());
        assertTrue(wrong.body().contains("That is not the editor"), wrong.body());
        assertEquals(303, right.status());
        assertTrue(right.headers().get("set-cookie").contains("HttpOnly") && right.headers().get("set-cookie").contains("SameSite=Strict"));
        assertEquals(200, post(lan, "{\"action\":\"info\"}").status());
        Map<String, String> forged = new LinkedHashMap<>(lan);
        forged.put("Cookie", "site-editor=" + "0".repeat(64));
        refused(post(forged, "{\"action\":\"info\"}"), 401, "sign_in");
    }

    @Test
    void guessingTheSecretStopsAfterTenWrongTries() throws Exception {
        start(EditorAccess.forPreview("0.0.0.0", true, SECRET));
        Map<String, String> form = new LinkedHashMap<>(editorHeaders());
        form.put("Content-Type", "application/x-www-form-urlencoded");

        for (int i = 0; i < 10; i++) {
            assertEquals(403, RawHttp.send(server.port(), "POST", "/admin/login", form, ("secret=guess" + i).getBytes(StandardCharsets.UTF_8)).status());
        }
        RawHttp.Answer blocked = RawHttp.send(server.port(), "POST", "/admin/login", form, ("secret=" + SECRET).getBytes(StandardCharsets.UTF_8));

        assertEquals(429, blocked.status());
        assertFalse(blocked.headers().containsKey("set-cookie"));
    }

    @Test
    void aSecretTooShortToResistGuessingKeepsTheEditorOff() {
        EditorAccess access = EditorAccess.forPreview("0.0.0.0", true, "short");

        assertFalse(access.enabled());
        assertTrue(access.reason().contains("shorter than 16 characters"), access.reason());
    }
}
