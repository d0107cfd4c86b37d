package be.socialeinnovatiefabriek.radicale.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.serve.Preview;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A first {@code mvn site:run} of the sample site as the goal starts it: no site, no media cache and no votes yet,
 * the vote counter started beside the first build. Voting works from the first page served, and the page's photo
 * arrives though the media are drawn after the pages.
 */
class PreviewStartTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theVoteWorksFromTheFirstPageServedAndItsPhotoArrives() throws Exception {
        Path work = SampleSite.targetDir().resolve("preview-start");
        FileTrees.deleteTree(work);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String origin = "http://127.0.0.1:" + port;
        SiteConfig config = SampleSite.config(work.resolve("site-preview"), origin, true);
        List<String> log = new CopyOnWriteArrayList<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        try (Preview preview = Preview.start(config, "127.0.0.1", port, false,
                new Preview.Counter(PreviewSite::counterClasspath, work.resolve("votes"), SampleSite.NOW), log::add, errors::add)) {
            HttpResponse<String> page = get(origin + "/nl/");
            assertEquals(200, page.statusCode());

            HttpResponse<String> campaign = get(origin + "/api/campaigns/2026");
            assertEquals(200, campaign.statusCode(), campaign.body());
            assertFalse(campaign.body().contains("counter_unavailable"), campaign.body());

            Matcher img = Pattern.compile("<img[^>]* src=\"(/media/innovators/[^\"]+\\.jpg)\"").matcher(page.body());
            assertTrue(img.find(), "the home page shows a nominee's photo");
            String photo = img.group(1);
            HttpResponse<byte[]> image = HTTP.send(HttpRequest.newBuilder(URI.create(origin + photo)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, image.statusCode(), photo);
            assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElse(""));
            assertTrue(image.body().length > 1000 && (image.body()[0] & 0xff) == 0xFF && (image.body()[1] & 0xff) == 0xD8, "a JPEG");
            assertTrue(preview.counting());
            assertTrue(log.stream().anyMatch(line -> line.contains(" posters to draw next, ")), log.toString());
        }
        assertEquals(List.of(), errors);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
