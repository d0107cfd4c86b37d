package be.socialeinnovatiefabriek.radicale.site.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One answer of the editor: status, type, body and headers, sent with the editor's security policy. */
final class EditorResponse {

    /**
     * The CMS is a large React application: it injects its styles, decodes images it shows through
     * blob: addresses, compiles its configuration schema at run time and encodes WebP in WebAssembly.
     * The policy allows that on /admin/ only; the site's own pages keep theirs.
     */
    static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self' blob: data:; font-src 'self' data:; "
            + "frame-src 'self' blob:; worker-src 'self' blob:; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String type;
    private final byte[] body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private EditorResponse(int status, String type, byte[] body) {
        this.status = status;
        this.type = type;
        this.body = body;
    }

    static EditorResponse body(int status, String type, byte[] body) {
        return new EditorResponse(status, type, body);
    }

    static EditorResponse page(int status, String html) {
        return body(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static EditorResponse text(int status, String text) {
        return body(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    static EditorResponse json(int status, JsonNode node) {
        try {
            return body(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    static EditorResponse error(EditorException e) {
        return json(e.status(), BrowserEditor.errorJson(e));
    }

    static EditorResponse error(int status, String code, String message) {
        return error(new EditorException(status, code, message));
    }

    static EditorResponse redirect(String location) {
        return body(303, "text/plain; charset=utf-8", new byte[0]).header("Location", location);
    }

    EditorResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    EditorResponse allow(String methods) {
        return header("Allow", methods);
    }

    void send(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        // Not no-referrer: under it, browsers send "Origin: null" with the editor's own saves, and the gate needs the origin.
        exchange.getResponseHeaders().set("Referrer-Policy", "same-origin");
        exchange.getResponseHeaders().set("X-Robots-Tag", "noindex");
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        boolean empty = head || body.length == 0 || status == 304;
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            exchange.getResponseBody().write(body);
        }
    }
}
