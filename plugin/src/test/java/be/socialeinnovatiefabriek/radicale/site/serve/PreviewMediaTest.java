package be.socialeinnovatiefabriek.radicale.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.TestSite;
import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview serves its pages before the media are drawn: an image a page shows is drawn as soon as the browser
 * asks for it and arrives whole, every other file follows on the pool, and the console says how far it is.
 */
class PreviewMediaTest {

    @TempDir
    Path folder;

    private PreviewServer server;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A pool that runs nothing until released, so that every medium is still to draw while the test looks. */
    private static final class HeldPool implements Executor {
        private final List<Runnable> held = new ArrayList<>();
        private boolean released;

        @Override
        public synchronized void execute(Runnable task) {
            if (released) {
                runOnItsOwnThread(task);
            } else {
                held.add(task);
            }
        }

        synchronized void release() {
            released = true;
            held.forEach(HeldPool::runOnItsOwnThread);
            held.clear();
        }

        private static void runOnItsOwnThread(Runnable task) {
            Thread thread = new Thread(task, "test-media");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** The preview of {@code site} serving, its media drawn on {@code pool} after its pages. */
    private SiteBuilder startPreview(TestSite site, HeldPool pool) throws Exception {
        SiteConfig config = site.config(true).with(site.output(), "http://localhost:0", TestSite.NOW, true);
        SiteBuilder builder = new SiteBuilder(config);
        server = new PreviewServer(builder, log::add, errors::add);
        builder.drawMediaInBackground(log::add, errors::add, pool);
        server.start("127.0.0.1", 0);
        return builder;
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesThePagesBeforeTheMediaAndEachImageOnceDrawn() throws Exception {
        TestSite site = TestSite.create(folder, null);
        HeldPool pool = new HeldPool();
        SiteBuilder builder = startPreview(site, pool);

        HttpResponse<byte[]> page = get("/en/innovators/alpha/");
        assertEquals(200, page.statusCode());
        Element img = Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8)).selectFirst("img[src*=/photo-]");
        String src = img.attr("src");
        assertFalse(Files.exists(site.output().resolve(src.substring(1))), "the page is served before its photo is drawn: " + src);
        assertTrue(log.stream().anyMatch(line -> line.matches("Built \\d+ pages .*; media: \\d+ images and \\d+ posters to draw next, .*")),
                "the summary says what is still to draw: " + log);

        HttpResponse<byte[]> image = get(src);
        assertEquals(200, image.statusCode(), "the photo asked for is drawn at once, the pool still held");
        assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElse(""));
        BufferedImage pixels = ImageIO.read(new ByteArrayInputStream(image.body()));
        assertEquals(Integer.parseInt(img.attr("width")), pixels.getWidth(), "the real image, as wide as the page says");
        assertEquals("no-store", image.headers().firstValue("Cache-Control").orElse(""), "never a copy the browser keeps");

        pool.release();
        builder.mediaDrawing().finished().get(2, TimeUnit.MINUTES);
        String last = log.get(log.size() - 1);
        assertTrue(last.matches("Drew media: (\\d+) files \\((\\d+) images, (\\d+) posters\\) in \\d+\\.\\d s"), last);
        for (String lang : List.of("nl", "fr", "en")) {
            for (String path : mediaOf(site.output().resolve(lang + "/index.html"), site.output())) {
                assertEquals(200, get(path).statusCode(), path);
                assertTrue(Files.isRegularFile(site.output().resolve(path.substring(1))), "written to the preview folder too: " + path);
            }
        }
        HttpResponse<byte[]> poster = get(posterOf(site.output()));
        assertEquals(200, poster.statusCode());
        assertEquals("%PDF", new String(poster.body(), 0, 4, StandardCharsets.US_ASCII));
        assertEquals(List.of(), errors);
    }

    @Test
    void aPageEditedWhileTheMediaAreDrawnKeepsThemComing() throws Exception {
        TestSite site = TestSite.create(folder, null);
        HeldPool pool = new HeldPool();
        SiteBuilder builder = startPreview(site, pool);

        Path profile = site.root().resolve("content/innovators/alpha/index.en.md");
        save(profile, Files.readString(profile).replace("Alpha text in en.", "Alpha, freshly edited."));
        server.rebuild();
        // A front matter edit plans the media again: what was to draw is still to draw.
        save(profile, Files.readString(profile).replace("tagline: ", "tagline: Newly "));
        server.rebuild();
        pool.release();
        builder.mediaDrawing().finished().get(2, TimeUnit.MINUTES);

        for (String path : mediaOf(site.output().resolve("en/index.html"), site.output())) {
            assertTrue(Files.isRegularFile(site.output().resolve(path.substring(1))), path);
        }
        assertEquals(List.of(), errors);
    }

    /**
     * Saves {@code text} in one step, as editors that replace a file do: the preview's own watcher also sees the
     * save and must never read it half written, or its problem would end up in {@code errors}.
     */
    private static void save(Path file, String text) throws Exception {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".saving");
        Files.writeString(temporary, text);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The image files a page names (src and every srcset entry), as site paths. */
    static List<String> mediaOf(Path page, Path output) throws Exception {
        Document html = Jsoup.parse(Files.readString(page));
        List<String> paths = new ArrayList<>();
        for (Element element : html.select("img[src], source[srcset], img[srcset]")) {
            if (element.hasAttr("src")) {
                paths.add(element.attr("src"));
            }
            for (String entry : element.attr("srcset").split(",")) {
                if (!entry.isBlank()) {
                    paths.add(entry.strip().split(" ")[0]);
                }
            }
        }
        assertFalse(paths.isEmpty(), page + " shows no image");
        return paths.stream().filter(path -> path.startsWith("/media/")).distinct().toList();
    }

    private static String posterOf(Path output) throws Exception {
        try (Stream<Path> files = Files.walk(output.resolve("media/posters"))) {
            return "/" + output.relativize(files.filter(file -> file.toString().endsWith(".pdf")).findFirst().orElseThrow())
                    .toString().replace('\\', '/');
        }
    }
}
