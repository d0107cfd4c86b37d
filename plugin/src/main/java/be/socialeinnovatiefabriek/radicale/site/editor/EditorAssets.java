package be.socialeinnovatiefabriek.radicale.site.editor;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The editor's files in the plugin jar: the pinned Decap CMS bundle (editor/decap/) and this site's script and styles (editor/). */
final class EditorAssets {

    /** Why /admin/ has no CMS when the plugin was built without it. */
    static final String NOT_BUILT = "the plugin jar holds no CMS (it was built without its generate-resources step, which fetches it with npm); "
            + "run mvn install again";
    private static final Pattern DECAP = Pattern.compile("decap/[0-9a-z-]+(\\.[0-9a-z-]+)*\\.(js|wasm|txt)");
    private static final Map<String, String> OWN = Map.of("editor.js", "text/javascript; charset=utf-8", "local.js", "text/javascript; charset=utf-8",
            "editor.css", "text/css; charset=utf-8", "preview.css", "text/css; charset=utf-8");

    private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

    /** Whether the CMS is in the jar. */
    boolean built() {
        return EditorAssets.class.getResource("/editor/decap/decap-cms.js") != null;
    }

    /** The file named {@code name} below /admin/, or null; unchanged since {@code ifNoneMatch} gives 304. */
    EditorResponse serve(String name, String ifNoneMatch) throws IOException {
        String type = OWN.get(name);
        if (type == null && DECAP.matcher(name).matches()) {
            type = name.endsWith(".wasm") ? "application/wasm" : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/plain; charset=utf-8";
        }
        if (type == null) {
            return null;
        }
        Asset asset = load(name);
        if (asset == null) {
            return null;
        }
        if (asset.etag().equals(ifNoneMatch)) {
            return EditorResponse.body(304, type, new byte[0]).header("ETag", asset.etag()).header("Cache-Control", "no-cache");
        }
        return EditorResponse.body(200, type, asset.bytes()).header("ETag", asset.etag()).header("Cache-Control", "no-cache");
    }

    /** The bytes of a file of the editor, as the published site copies them; null when absent. */
    static byte[] bytes(String name) throws IOException {
        try (InputStream in = EditorAssets.class.getResourceAsStream("/editor/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private Asset load(String name) throws IOException {
        Asset known = loaded.get(name);
        if (known != null) {
            return known;
        }
        byte[] bytes = bytes(name);
        if (bytes == null) {
            return null;
        }
        Asset asset = new Asset(bytes, "\"" + sha256(bytes).substring(0, 32) + "\"");
        loaded.put(name, asset);
        return asset;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private record Asset(byte[] bytes, String etag) {
    }
}
