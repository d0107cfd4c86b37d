package be.socialeinnovatiefabriek.radicale.vote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.TestClock;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ballots fetched from a site: a JDK HTTP server on loopback plays the published site. */
class HttpBallotSourceTest {

    private final AtomicInteger requests = new AtomicInteger();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-20T11:00:00Z"));
    private volatile int status = 200;
    private HttpServer site;
    private HttpBallotSource ballots;

    @BeforeEach
    void publishSite() throws IOException {
        byte[] ballot;
        try (InputStream in = getClass().getResourceAsStream("/aws/ballot-2026.json")) {
            ballot = in.readAllBytes();
        }
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            requests.incrementAndGet();
            boolean known = exchange.getRequestURI().getPath().equals("/ballots/2026.json");
            int answer = known ? status : 404;
            byte[] body = answer == 200 ? ballot : new byte[0];
            exchange.sendResponseHeaders(answer, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        URI url = URI.create("http://127.0.0.1:" + site.getAddress().getPort() + "/");
        ballots = new HttpBallotSource(url, HttpClient.newHttpClient(), clock);
    }

    @AfterEach
    void stopSite() {
        site.stop(0);
    }

    @Test
    void readsTheBallotTheSitePublishes() {
        Ballot ballot = ballots.find("2026").orElseThrow();

        assertEquals(List.of("papillon", "armentekort"), ballot.nominees());
        assertEquals("email", ballot.verification());
        assertEquals("https://radicalevernieuwers.be/fr/vote/merci/", ballot.pages().get("fr").get("thanks"));
    }

    @Test
    void asksTheSiteAtMostOnceAMinute() {
        ballots.find("2026");
        clock.advanceSeconds(59);
        ballots.find("2026");
        assertEquals(1, requests.get());

        clock.advanceSeconds(2);
        ballots.find("2026");
        assertEquals(2, requests.get());
    }

    @Test
    void anEditionTheSiteDoesNotHaveIsUnknown() {
        assertEquals(Optional.empty(), ballots.find("2025"));
    }

    @Test
    void anIdThatIsNotAYearIsUnknownWithoutAskingTheSite() {
        assertEquals(Optional.empty(), ballots.find("../2026"));
        assertEquals(0, requests.get());
    }

    @Test
    void theLastBallotStaysInUseWhileTheSiteIsDown() {
        ballots.find("2026");
        status = 503;
        clock.advanceSeconds(120);

        assertTrue(ballots.find("2026").isPresent());
        assertEquals(2, requests.get());
    }

    @Test
    void aSiteThatFailsBeforeAnyBallotWasFetchedIsAnErrorNamingTheUrl() {
        status = 503;

        UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> ballots.find("2026"));
        assertTrue(failure.getMessage().contains("/ballots/2026.json answered HTTP 503"), failure.getMessage());
    }

    @Test
    void aFailedFirstFetchIsAnsweredFromMemoryForAFewSecondsThenTriedAgain() {
        status = 503;
        assertThrows(UncheckedIOException.class, () -> ballots.find("2026"));
        assertThrows(UncheckedIOException.class, () -> ballots.find("2026"));
        assertEquals(1, requests.get(), "no fetch per request while the site is down");

        status = 200;
        clock.advanceSeconds(HttpBallotSource.RETRY_AFTER.toSeconds() + 1);
        assertTrue(ballots.find("2026").isPresent());
        assertEquals(2, requests.get());
    }
}
