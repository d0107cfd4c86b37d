package be.socialeinnovatiefabriek.radicale.vote.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.socialeinnovatiefabriek.radicale.vote.address.DisposableDomains;
import be.socialeinnovatiefabriek.radicale.vote.address.MailboxRules;
import be.socialeinnovatiefabriek.radicale.vote.identity.TrustedProxies;
import be.socialeinnovatiefabriek.radicale.vote.mail.OutboxMailer;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits per client over real HTTP, with clients that send their own X-Forwarded-For. The test connects
 * from 127.0.0.1; in some tests that address is the trusted reverse proxy. Each client may submit twice a minute.
 */
class ClientAddressOverHttpTest {

    @TempDir
    Path directory;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger voters = new AtomicInteger();
    private LocalServer server;

    private void start(TrustedProxies proxies) throws Exception {
        Path ballots = Files.createDirectories(directory.resolve("ballots"));
        Files.writeString(ballots.resolve("2026.json"), LocalServerTest.ballot());
        ServerOptions options = ServerOptions.parse("--ballots", ballots.toString(), "--db",
                directory.resolve("votes.db").toString(), "--now", "2026-11-20T12:00+01:00", "--outbox");
        CounterSettings settings = new CounterSettings("0123456789abcdef0123456789abcdef-key", "admin-token-0123456789",
                List.of(LocalServerTest.SITE), URI.create(LocalServerTest.SITE), 1, 2, 3, MailboxRules.builtIn(), proxies,
                DisposableDomains.bundled());
        server = LocalServer.start(options, options.clock(), settings, new OutboxMailer(50, options.clock()));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A vote by a new voter, with {@code forwardedFor} as its X-Forwarded-For header (none when null). */
    private int vote(String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/campaigns/2026/votes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"nominee\": \"papillon\", \"email\": \"voter"
                        + voters.incrementAndGet() + "@example.be\"}"));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 429) {
            assertEquals("rate_limited", new ObjectMapper().readTree(response.body()).path("error").asText());
        }
        return response.statusCode();
    }

    @Test
    void withoutATrustedProxyAClientCannotChooseItsAddress() throws Exception {
        start(TrustedProxies.none());

        assertEquals(202, vote("203.0.113.1"));
        assertEquals(202, vote("203.0.113.2"));
        assertEquals(429, vote("203.0.113.3"), "every request came from 127.0.0.1");
        assertEquals(429, vote(null));
    }

    @Test
    void aHeaderFromAnUntrustedConnectionIsIgnored() throws Exception {
        start(TrustedProxies.of(List.of("10.0.0.0/8"), "X-Forwarded-For"));

        assertEquals(202, vote("203.0.113.1"));
        assertEquals(202, vote("203.0.113.2"));
        assertEquals(429, vote("203.0.113.3"));
    }

    @Test
    void behindTheTrustedProxyEachClientHasItsOwnBudgetWhateverItPrepends() throws Exception {
        start(TrustedProxies.of(List.of("127.0.0.1"), "X-Forwarded-For"));

        assertEquals(202, vote("203.0.113.1"));
        assertEquals(202, vote("203.0.113.1"));
        assertEquals(429, vote("203.0.113.1"));
        // nginx appends the address it saw to what the client sent: the client's own entries are on the left.
        assertEquals(429, vote("198.51.100.99, 203.0.113.1"));
        assertEquals(429, vote("127.0.0.1, 203.0.113.1"));
        assertEquals(202, vote("203.0.113.2"), "another client");
    }

    @Test
    void anIpv6ClientRotatingAddressesInItsSlash64SharesOneBudget() throws Exception {
        start(TrustedProxies.of(List.of("127.0.0.1"), "X-Forwarded-For"));

        assertEquals(202, vote("2001:db8:1:2::1"));
        assertEquals(202, vote("2001:db8:1:2:ffff::2"));
        assertEquals(429, vote("2001:db8:1:2:1234:5678:9abc:def0"));
        assertEquals(202, vote("2001:db8:1:3::1"), "the next /64 is another subscriber");
    }

    @Test
    void aMalformedHeaderFallsBackToTheConnectionAndNeverBreaksTheCounter() throws Exception {
        start(TrustedProxies.of(List.of("127.0.0.1"), "X-Forwarded-For"));

        assertEquals(202, vote("unknown"));
        assertEquals(202, vote("203.0.113.1, not-an-address"));
        assertEquals(429, vote("localhost"), "all three counted as 127.0.0.1");
        assertEquals(429, vote("%zz, [::1, ::::, 999.1.1.1"));
        assertEquals(202, vote("203.0.113.1"), "a well-formed header still counts");
    }
}
