package be.socialeinnovatiefabriek.radicale.vote.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.http.ApiRequest;
import be.socialeinnovatiefabriek.radicale.vote.ballot.BallotDirectory;
import be.socialeinnovatiefabriek.radicale.vote.http.CounterApi;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.InvalidSettings;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailProgress;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailQueue;
import be.socialeinnovatiefabriek.radicale.vote.store.DynamoDbLocal;
import be.socialeinnovatiefabriek.radicale.vote.store.DynamoDbRateLimits;
import be.socialeinnovatiefabriek.radicale.vote.store.DynamoDbVoteStore;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counter behind the site's CloudFront distribution: only requests that carry CloudFront's secret origin
 * header are answered, and those are counted under the viewer's address. Everything else, whatever it claims,
 * is refused with 403 and changes nothing. Fed API Gateway events; two instances share one DynamoDB table.
 * The clock is the real one, held still: DynamoDB Local removes items by TTL on its real clock.
 */
class CloudFrontOriginTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "0123456789abcdef0123456789abcdef-origin";
    private static final String ADMIN = "an-admin-token-for-tests";

    private final AtomicInteger voters = new AtomicInteger();
    private final List<Mailer.Mail> mails = new ArrayList<>();
    private DynamoDbVoteStore store;
    private VoteHandler instanceA;
    private VoteHandler instanceB;

    @BeforeEach
    void buildTwoInstancesBehindCloudFront(@TempDir Path ballots) throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AwsBallot.writeOpen(ballots, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)));
        // As template.yaml sets it: no trusted proxy, the origin secret instead.
        CounterSettings settings = CounterSettings.fromEnvironment(Map.of(
                "VOTE_HMAC_KEY", "an-hmac-key-for-tests-only-0123456789",
                "VOTE_ADMIN_TOKEN", ADMIN,
                "VOTE_ALLOWED_ORIGINS", "https://radicalevernieuwers.be",
                "VOTE_PUBLIC_URL", "https://radicalevernieuwers.be",
                "VOTE_RATE_IP_PER_MINUTE", "1",
                "VOTE_RATE_IP_BURST", "2"));
        String table = DynamoDbLocal.newTable();
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        MailQueue queue = mail -> {
            synchronized (mails) {
                mails.add(mail);
            }
        };
        store = new DynamoDbVoteStore(DynamoDbLocal.client(), table, queue);
        CloudFrontOrigin origin = CloudFrontOrigin.fromEnvironment(Map.of("VOTE_ORIGIN_SECRET", SECRET));
        instanceA = new VoteHandler(new CounterApi(settings, new BallotDirectory(ballots), store,
                new DynamoDbRateLimits(DynamoDbLocal.client(), table), MailProgress.ELSEWHERE, clock), origin);
        instanceB = new VoteHandler(new CounterApi(settings, new BallotDirectory(ballots),
                new DynamoDbVoteStore(DynamoDbLocal.client(), table, queue),
                new DynamoDbRateLimits(DynamoDbLocal.client(), table), MailProgress.ELSEWHERE, clock), origin);
    }

    /** The fixture's event with {@code headers} added (a null value removes the header) and a new voter. */
    private static APIGatewayV2HTTPEvent event(String fixture, Map<String, String> headers, String email) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("aws/" + fixture);
        Map<String, String> all = new HashMap<>(event.getHeaders());
        headers.forEach((name, value) -> {
            if (value == null) {
                all.remove(name);
            } else {
                all.put(name, value);
            }
        });
        event.setHeaders(all);
        if (email != null) {
            event.setBody("{\"nominee\": \"papillon\", \"email\": \"" + email + "\"}");
        }
        return event;
    }

    private APIGatewayV2HTTPResponse vote(VoteHandler instance, String fixture, String secret, String viewer) {
        Map<String, String> headers = new HashMap<>();
        headers.put(CloudFrontOrigin.SECRET_HEADER, secret);
        headers.put("cloudfront-viewer-address", viewer);
        return instance.handleRequest(event(fixture, headers, "voter" + voters.incrementAndGet() + "@example.org"), null);
    }

    @Test
    void aVoteThroughCloudFrontIsTaken() throws IOException {
        APIGatewayV2HTTPResponse response = vote(instanceA, "vote-via-cloudfront.json", SECRET, "203.0.113.9:443");

        assertEquals(202, response.getStatusCode(), response.getBody());
        assertEquals(1, mails.size());
    }

    @Test
    void aRequestWithoutTheSecretIsRefusedWhateverItClaims() throws IOException {
        for (String fixture : List.of("vote-via-cloudfront.json", "vote-spoofed-viewer-address.json", "vote-json.json")) {
            APIGatewayV2HTTPResponse response = vote(instanceA, fixture, null, "203.0.113.9:443");

            assertEquals(403, response.getStatusCode(), fixture);
            JsonNode body = JSON.readTree(response.getBody());
            assertEquals("forbidden_origin", body.path("error").asText());
            assertTrue(body.path("message").asText().contains("site's own address"));
            assertEquals("no-store", response.getHeaders().get("Cache-Control"));
        }
        assertTrue(mails.isEmpty(), "nothing was mailed");
        assertTrue(store.tallies("2026").isEmpty(), "nothing was counted");
    }

    @Test
    void aWrongSecretIsRefused() {
        List<String> guesses = List.of("", " ", SECRET.substring(0, SECRET.length() - 1),
                SECRET.substring(0, SECRET.length() - 1) + "X", SECRET + "X", SECRET.toUpperCase(), " " + SECRET,
                SECRET + "\r\nx-origin-verify: " + SECRET, "\u0000" + SECRET);
        for (String guess : guesses) {
            assertEquals(403, vote(instanceA, "vote-via-cloudfront.json", guess, "203.0.113.9:443").getStatusCode(),
                    "guess '" + guess + "'");
        }
        assertTrue(mails.isEmpty());
    }

    @Test
    void everyEndpointIsBehindTheSecretAdminExportIncluded() {
        Map<String, String> admin = new HashMap<>();
        admin.put("authorization", "Bearer " + ADMIN);
        APIGatewayV2HTTPEvent export = event("campaign-phase.json", admin, null);
        export.setRawPath("/api/admin/campaigns/2026/export.csv");
        export.getRequestContext().getHttp().setPath("/api/admin/campaigns/2026/export.csv");

        assertEquals(403, instanceA.handleRequest(export, null).getStatusCode(), "the admin token alone is not enough");
        assertEquals(403, instanceA.handleRequest(event("campaign-phase.json", Map.of(), null), null).getStatusCode());
        assertEquals(403, instanceA.handleRequest(event("preflight.json", Map.of(), null), null).getStatusCode());

        admin.put(CloudFrontOrigin.SECRET_HEADER, SECRET);
        APIGatewayV2HTTPEvent throughCloudFront = event("campaign-phase.json", admin, null);
        throughCloudFront.setRawPath("/api/admin/campaigns/2026/export.csv");
        assertEquals(200, instanceA.handleRequest(throughCloudFront, null).getStatusCode());
    }

    @Test
    void throughCloudFrontTheViewerIsLimitedPerSlash64AcrossInstances() {
        assertEquals(202, vote(instanceA, "vote-via-cloudfront.json", SECRET, "2001:db8:1:2::1:46532").getStatusCode());
        assertEquals(202, vote(instanceB, "vote-via-cloudfront.json", SECRET, "2001:db8:1:2::2:443").getStatusCode());
        assertEquals(429, vote(instanceA, "vote-via-cloudfront.json", SECRET, "2001:db8:1:2::3:443").getStatusCode(),
                "the same /64, whichever instance answers");
        assertEquals(202, vote(instanceB, "vote-via-cloudfront.json", SECRET, "2001:db8:1:3::1:443").getStatusCode(),
                "another /64: CloudFront's own address (the event's sourceIp) is not the key");
        assertEquals(202, vote(instanceA, "vote-via-cloudfront.json", SECRET, "198.51.100.7:443").getStatusCode());
    }

    @Test
    void anUnreadableViewerAddressCountsUnderCloudFrontsOwnAddress() {
        assertEquals(202, vote(instanceA, "vote-via-cloudfront.json", SECRET, "not-an-address").getStatusCode());
        assertEquals(202, vote(instanceB, "vote-via-cloudfront.json", SECRET, null).getStatusCode());
        assertEquals(429, vote(instanceA, "vote-via-cloudfront.json", SECRET, "localhost:80").getStatusCode(),
                "all three are 130.176.12.34's");
    }

    @Test
    void theCoreNeverSeesTheSecretOrTheViewerHeader() {
        ApiRequest request = new ApiRequest("POST", "/api/campaigns/2026/votes", Map.of(),
                Map.of(CloudFrontOrigin.SECRET_HEADER, SECRET, "cloudfront-viewer-address", "2001:db8::7:443",
                        "origin", "https://radicalevernieuwers.be"), new byte[0], "130.176.12.34");

        ApiRequest admitted = CloudFrontOrigin.withSecret(SECRET).admit(request).orElseThrow();

        assertFalse(admitted.headers().containsKey(CloudFrontOrigin.SECRET_HEADER));
        assertFalse(admitted.headers().containsKey("cloudfront-viewer-address"));
        assertEquals("2001:db8:0:0:0:0:0:7", admitted.clientIp());
        assertEquals("https://radicalevernieuwers.be", admitted.header("origin"));
    }

    @Test
    void withoutASecretEveryRequestIsAnsweredAsItComes() {
        ApiRequest request = new ApiRequest("GET", "/api/campaigns/2026", Map.of(),
                Map.of("cloudfront-viewer-address", "192.0.2.1:443"), new byte[0], "198.51.100.23");

        assertEquals(request, CloudFrontOrigin.none().admit(request).orElseThrow());
        assertEquals(request, CloudFrontOrigin.fromEnvironment(Map.of("VOTE_ORIGIN_SECRET", "")).admit(request).orElseThrow());
    }

    @Test
    void aShortSecretStopsTheFunctionAtStartNamingTheSetting() {
        InvalidSettings e = assertThrows(InvalidSettings.class,
                () -> CloudFrontOrigin.fromEnvironment(Map.of("VOTE_ORIGIN_SECRET", "too-short")));

        assertTrue(e.getMessage().contains("VOTE_ORIGIN_SECRET: must be at least 32 characters (got 9); generate one with"), e.getMessage());
    }
}
