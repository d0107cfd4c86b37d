package be.socialeinnovatiefabriek.radicale.vote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.TestClock;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ballots fetched from the published site: the ballot source contract against a JDK HTTP server on loopback
 * that serves the site's files, and what fetching adds (at most once a minute, the last ballot while the site
 * is down).
 */
class HttpBallotSourceTest extends BallotSourceContract {

    private final AtomicInteger requests = new AtomicInteger();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-20T11:00:00Z"));
    private volatile int failWith;
    private HttpServer server;
    private HttpBallotSource ballots;

    @BeforeEach
    void serveTheSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        ballots = new HttpBallotSource(url, HttpClient.newHttpClient(), clock);
    }

    /** A static file server as the site's host is: the file at the path, else 404; or the failure set. */
    private void serve(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        Path file = site.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
        int status = failWith != 0 ? failWith : file.startsWith(site) && Files.isRegularFile(file) ? 200 : 404;
        byte[] body = status == 200 ? Files.readAllBytes(file) : new byte[0];
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterEach
    void stopTheSite() {
        server.stop(0);
    }

    @Override
    protected BallotSource open() {
        return ballots;
    }

    @Override
    protected void timePasses() {
        clock.advanceSeconds(HttpBallotSource.FRESH_FOR.toSeconds() + 1);
    }

    private void publishGolden() throws IOException {
        publish("2026", Files.readString(BallotParserTest.GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void asksTheSiteAtMostOnceAMinute() throws IOException {
        publishGolden();
        ballots.find("2026");
        clock.advanceSeconds(59);
        ballots.find("2026");
        assertEquals(1, requests.get());

        clock.advanceSeconds(2);
        ballots.find("2026");
        assertEquals(2, requests.get());
    }

    @Test
    void anIdThatIsNotAYearIsUnknownWithoutAskingTheSite() {
        ballots.find("../2026");

        assertEquals(0, requests.get());
    }

    @Test
    void theLastBallotStaysInUseWhileTheSiteIsDown() throws IOException {
        publishGolden();
        ballots.find("2026");
        failWith = 503;
        clock.advanceSeconds(120);

        assertTrue(ballots.find("2026").isPresent());
        assertEquals(2, requests.get());
    }

    @Test
    void aSiteThatFailsBeforeAnyBallotWasFetchedIsAnErrorNamingTheUrl() throws IOException {
        publishGolden();
        failWith = 503;

        UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> ballots.find("2026"));
        assertTrue(failure.getMessage().contains("/ballots/2026.json answered HTTP 503"), failure.getMessage());
    }

    @Test
    void aFailedFirstFetchIsAnsweredFromMemoryForAFewSecondsThenTriedAgain() throws IOException {
        publishGolden();
        failWith = 503;
        assertThrows(UncheckedIOException.class, () -> ballots.find("2026"));
        assertThrows(UncheckedIOException.class, () -> ballots.find("2026"));
        assertEquals(1, requests.get(), "no fetch per request while the site is down");

        failWith = 0;
        clock.advanceSeconds(HttpBallotSource.RETRY_AFTER.toSeconds() + 1);
        assertTrue(ballots.find("2026").isPresent());
        assertEquals(2, requests.get());
    }

    @Test
    void aBucketThatHidesAMissingBallotBehind403IsNoEdition() throws IOException {
        failWith = 403;

        assertEquals(Optional.empty(), ballots.find("2026"));
    }
}
