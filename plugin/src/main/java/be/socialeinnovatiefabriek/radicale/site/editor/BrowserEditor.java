package be.socialeinnovatiefabriek.radicale.site.editor;

import be.socialeinnovatiefabriek.radicale.site.build.ContentCheck;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The browser editor of the preview, under /admin/: the CMS (Decap CMS, served from the plugin jar),
 * its configuration made from the content schemas, and the local backend at /admin/api/v1 that saves
 * into content/. Every request passes {@link EditorGate} first.
 */
public final class BrowserEditor {

    /** The largest request accepted: a photo of {@link ContentBackend#MAX_IMAGE_BYTES}, base64-encoded, and the page's text. */
    static final int MAX_BODY = 20 * 1024 * 1024;
    private static final String ROOT = "/admin/";

    private final SiteConfig config;
    private final EditorAccess access;
    private final ContentPaths paths;
    private final ContentBackend backend;
    private final EditorGate gate;
    private final EditorAssets assets = new EditorAssets();
    private final ObjectMapper json = new ObjectMapper();
    private final Consumer<String> log;
    private final int maxBody;

    /**
     * The editor of the preview of {@code config}.
     *
     * @param scratch a folder of its own where saves are checked before they reach content/
     * @param log     receives one line per save
     */
    public BrowserEditor(SiteConfig config, EditorAccess access, Path scratch, Clock clock, Consumer<String> log) {
        this(config, access, scratch, clock, log, MAX_BODY);
    }

    /** An editor taking requests of at most {@code maxBody} bytes. */
    BrowserEditor(SiteConfig config, EditorAccess access, Path scratch, Clock clock, Consumer<String> log, int maxBody) {
        this.maxBody = maxBody;
        this.config = config;
        this.access = access;
        this.log = log;
        Path content = config.contentDir();
        String prefix = content.startsWith(config.projectDir()) && !content.equals(config.projectDir())
                ? config.projectDir().relativize(content).toString().replace('\\', '/') : content.getFileName().toString();
        this.paths = new ContentPaths(content, prefix, config.languages());
        this.backend = new ContentBackend(config, paths, new StagedCheck(config, scratch), log);
        this.gate = new EditorGate(access, clock);
    }

    /** Whether a request path belongs to the editor. */
    public static boolean claims(String rawPath) {
        return rawPath.equals("/admin") || rawPath.startsWith(ROOT);
    }

    /** What the console says about the editor of a preview on {@code origin}. */
    public String describe(String origin) {
        if (!access.enabled()) {
            return "Editor off: " + access.reason();
        }
        if (!assets.built()) {
            return "Editor off: " + EditorAssets.NOT_BUILT;
        }
        return "Editor on " + origin + ROOT + (access.signIn() ? " (sign in with $" + EditorAccess.SECRET_VARIABLE + ")" : "");
    }

    /** Answers a request under /admin/. */
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            boolean api = path.equals(CmsConfig.API);
            EditorResponse refusal = refusal(exchange, path, api);
            if (refusal != null) {
                refusal.send(exchange);
                return;
            }
            if (api) {
                api(exchange).send(exchange);
            } else if (path.equals("/admin/login")) {
                gate.login(exchange, readSmall(exchange)).send(exchange);
            } else {
                page(exchange, path).send(exchange);
            }
        }
    }

    /** Why this request is refused before anything else, or null. */
    private EditorResponse refusal(HttpExchange exchange, String path, boolean api) {
        if (!access.enabled()) {
            return api ? EditorResponse.error(403, "editor_off", "The editor is off: " + access.reason() + ".")
                    : EditorResponse.page(403, EditorPages.off(access.reason()));
        }
        EditorException refused = gate.refuse(exchange, api);
        if (refused != null) {
            return api ? EditorResponse.error(refused) : EditorResponse.page(refused.status(), EditorPages.refused(refused.getMessage()));
        }
        if (access.signIn() && !gate.signedIn(exchange) && !path.equals("/admin/login") && !path.equals("/admin/editor.css")) {
            return api ? EditorResponse.error(401, "sign_in", "Sign in at /admin/login first.") : EditorResponse.redirect("/admin/login");
        }
        if (!assets.built() && !api && !path.equals("/admin/login") && !path.equals("/admin/editor.css")) {
            return EditorResponse.page(503, EditorPages.notBuilt());
        }
        return null;
    }

    private EditorResponse api(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return EditorResponse.error(405, "method_not_allowed", "The editor's backend takes POST requests only.").allow("POST");
        }
        byte[] body;
        try {
            body = read(exchange, maxBody);
        } catch (EditorException e) {
            return EditorResponse.error(e);
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JsonProcessingException e) {
            return EditorResponse.error(400, "bad_json", "The request is not JSON.");
        }
        try {
            return EditorResponse.json(200, backend.handle(request));
        } catch (EditorException e) {
            log.accept("Editor refused " + request.path("action").asText("a request") + ": " + e.getMessage());
            return EditorResponse.error(e);
        }
    }

    private EditorResponse page(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return EditorResponse.text(405, "Only GET and HEAD are served here.").allow("GET, HEAD");
        }
        if (path.equals("/admin")) {
            return EditorResponse.redirect(ROOT);
        }
        String name = path.substring(ROOT.length());
        switch (name) {
            case "" -> {
                return EditorResponse.page(200, EditorPages.cms(true));
            }
            case "config.yml" -> {
                String origin = "http://" + exchange.getRequestHeaders().getFirst("Host");
                return EditorResponse.body(200, "text/yaml; charset=utf-8", cmsConfig().forPreview(origin).getBytes(StandardCharsets.UTF_8));
            }
            case "fields.json" -> {
                return EditorResponse.json(200, EditorPages.fields(config));
            }
            default -> {
                EditorResponse asset = assets.serve(name, exchange.getRequestHeaders().getFirst("If-None-Match"));
                return asset != null ? asset : EditorResponse.page(404, EditorPages.notFound());
            }
        }
    }

    private CmsConfig cmsConfig() throws IOException {
        return new CmsConfig(config, paths.prefix(), ContentCheck.themes(config));
    }

    /** The configuration of the CMS for a published site whose editor commits to {@code repo} on the Git host {@code name}. */
    static String publishedConfig(SiteConfig config, String name, String repo, String branch, String baseUrl, String appId) throws IOException {
        Path content = config.contentDir();
        String prefix = content.startsWith(config.projectDir()) ? config.projectDir().relativize(content).toString().replace('\\', '/')
                : content.getFileName().toString();
        return new CmsConfig(config, prefix, ContentCheck.themes(config)).forPublishing(new CmsConfig.GitBackend(name, repo, branch, baseUrl, appId));
    }

    private static byte[] readSmall(HttpExchange exchange) throws IOException {
        try {
            return read(exchange, 4096);
        } catch (EditorException e) {
            return new byte[0];
        }
    }

    /** The request body, refused when larger than {@code limit}, whatever its Content-Length says. */
    static byte[] read(HttpExchange exchange, int limit) throws IOException, EditorException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            if (length != null && Long.parseLong(length.strip()) > limit) {
                throw tooLarge(limit);
            }
        } catch (NumberFormatException e) {
            throw EditorException.badRequest("The Content-Length is not a number.");
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        }
    }

    private static EditorException tooLarge(int limit) {
        return new EditorException(413, "too_large", "The request is larger than " + Math.max(1, limit / (1024 * 1024))
                + " MB; add photos one at a time, each under " + ContentBackend.MAX_IMAGE_BYTES / (1024 * 1024) + " MB.");
    }

    /** The JSON of an error: a code for programs, and the sentence the CMS shows (it reads 'error'). */
    static ObjectNode errorJson(EditorException e) {
        ObjectNode error = new ObjectMapper().createObjectNode().put("error", e.getMessage()).put("code", e.code()).put("message", e.getMessage());
        List<String> problems = e.problems();
        if (!problems.isEmpty()) {
            problems.forEach(error.putArray("problems")::add);
        }
        return error;
    }
}
