package be.socialeinnovatiefabriek.radicale.sitetests;

import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.editor.BrowserEditor;
import be.socialeinnovatiefabriek.radicale.site.editor.EditorAccess;
import be.socialeinnovatiefabriek.radicale.site.serve.PreviewServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The preview of {@code mvn site:run} with its browser editor on /admin/, over a copy of the sample
 * content (the editor writes into it; the project's content/ stays as it is), on a free port of
 * 127.0.0.1, as of {@link SampleSite#NOW}. One per test class: {@link #start()} copies the content afresh.
 */
public final class EditorSite implements AutoCloseable {

    private final Path root;
    private final PreviewServer server;
    private final String origin;

    private EditorSite(Path root, PreviewServer server, String origin) {
        this.root = root;
        this.server = server;
        this.origin = origin;
    }

    /** A fresh copy of the sample content under the preview and its editor, for anyone at this machine. */
    public static EditorSite start() {
        return start("editor-site", EditorAccess.forPreview("127.0.0.1", true, null));
    }

    /** A fresh copy of the sample content in target/{@code name}/ under the preview and its editor, with {@code access}. */
    public static EditorSite start(String name, EditorAccess access) {
        try {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            String origin = "http://127.0.0.1:" + port;
            Path root = SampleSite.targetDir().resolve(name);
            FileTrees.deleteTree(root);
            FileTrees.copyTree(SampleSite.projectDir().resolve("content"), root.resolve("content"));
            Path project = SampleSite.projectDir();
            SiteConfig config = new SiteConfig(root, root.resolve("content"), project.resolve("site-template"), root.resolve("target/site-preview"),
                    SampleSite.LANGUAGES, origin, ZoneId.of("Europe/Brussels"), SampleSite.NOW, true, "");
            PreviewServer server = new PreviewServer(new SiteBuilder(config), line -> { }, line -> System.err.println("[preview] " + line));
            server.useEditor(new BrowserEditor(config, access,
                    root.resolve("target/.site-cache/editor-check"), Clock.systemUTC(), line -> System.err.println("[editor] " + line)));
            server.start("127.0.0.1", port);
            return new EditorSite(root, server, origin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The preview's address, such as {@code http://127.0.0.1:40123}. */
    public String origin() {
        return origin;
    }

    public String url(String path) {
        return origin + path;
    }

    /** A file of the edited content, such as {@code content/innovators/papillon/index.fr.md}. */
    public Path file(String path) {
        return root.resolve(path);
    }

    /** Copies a content folder, as staff copying a page by hand do. */
    public void copy(String from, String to) {
        try {
            FileTrees.copyTree(file(from), file(to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a content file, as staff saving it in a text editor do. */
    public void write(String path, String text) {
        try {
            Files.writeString(file(path), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a content folder, as a colleague deleting a page by hand does. */
    public void remove(String folder) {
        try {
            FileTrees.deleteTree(file(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a content file as it is on disk now. */
    public String read(String path) {
        try {
            return Files.readString(file(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same file in the project's own content/, as it was before any edit. */
    public static String original(String path) {
        try {
            return Files.readString(SampleSite.projectDir().resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // stopping anyway
        }
    }
}
