package be.socialeinnovatiefabriek.radicale.vote.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.socialeinnovatiefabriek.radicale.vote.ballot.BallotDirectory;
import be.socialeinnovatiefabriek.radicale.vote.http.CounterApi;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailProgress;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailQueue;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.store.DynamoDbLocal;
import be.socialeinnovatiefabriek.radicale.vote.store.DynamoDbRateLimits;
import be.socialeinnovatiefabriek.radicale.vote.store.DynamoDbVoteStore;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who a Lambda request comes from, fed API Gateway events: behind CloudFront (a trusted proxy) the viewer
 * address it sends; straight to the API, the connection, whatever header the client adds. Two instances of
 * the function share one DynamoDB table, and so each client's budget: two submissions a minute. The clock is
 * the real one, held still: DynamoDB Local removes items by TTL on its real clock.
 */
class ClientAddressEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicInteger voters = new AtomicInteger();
    private VoteHandler instanceA;
    private VoteHandler instanceB;

    @BeforeEach
    void buildTwoInstances(@TempDir Path ballots) throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AwsBallot.writeOpen(ballots, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)));
        CounterSettings settings = CounterSettings.fromEnvironment(Map.of(
                "VOTE_HMAC_KEY", "an-hmac-key-for-tests-only-0123456789",
                "VOTE_ADMIN_TOKEN", "an-admin-token-for-tests",
                "VOTE_ALLOWED_ORIGINS", "https://radicalevernieuwers.be",
                "VOTE_PUBLIC_URL", "https://stem.radicalevernieuwers.be",
                "VOTE_RATE_IP_PER_MINUTE", "1",
                "VOTE_RATE_IP_BURST", "2",
                "VOTE_TRUSTED_PROXIES", "130.176.0.0/17, 2600:9000:2000::/36",
                "VOTE_CLIENT_ADDRESS_HEADER", "CloudFront-Viewer-Address"));
        String table = DynamoDbLocal.newTable();
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        MailQueue queue = mail -> { };
        instanceA = new VoteHandler(new CounterApi(settings, new BallotDirectory(ballots),
                new DynamoDbVoteStore(DynamoDbLocal.client(), table, queue),
                new DynamoDbRateLimits(DynamoDbLocal.client(), table), MailProgress.ELSEWHERE, clock));
        instanceB = new VoteHandler(new CounterApi(settings, new BallotDirectory(ballots),
                new DynamoDbVoteStore(DynamoDbLocal.client(), table, queue),
                new DynamoDbRateLimits(DynamoDbLocal.client(), table), MailProgress.ELSEWHERE, clock));
    }

    /** The fixture's vote by a new voter, with {@code header} set to {@code value}. */
    private int vote(VoteHandler instance, String fixture, String header, String value) throws IOException {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("aws/" + fixture);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put(header, value);
        event.setHeaders(headers);
        event.setBody("{\"nominee\": \"papillon\", \"email\": \"voter" + voters.incrementAndGet() + "@example.org\"}");
        APIGatewayV2HTTPResponse response = instance.handleRequest(event, null);
        if (response.getStatusCode() == 429) {
            assertEquals("rate_limited", JSON.readTree(response.getBody()).path("error").asText());
        }
        return response.getStatusCode();
    }

    @Test
    void behindCloudFrontTheViewerIsLimitedPerSlash64AcrossInstances() throws IOException {
        String viewer = "cloudfront-viewer-address";

        assertEquals(202, vote(instanceA, "vote-via-cloudfront.json", viewer, "2001:db8:1:2:aaaa:bbbb:cccc:dddd:46532"));
        assertEquals(202, vote(instanceB, "vote-via-cloudfront.json", viewer, "2001:db8:1:2::77:50001"));
        assertEquals(429, vote(instanceA, "vote-via-cloudfront.json", viewer, "2001:db8:1:2:1:2:3:4:443"),
                "the same /64, whichever instance answers");
        assertEquals(429, vote(instanceB, "vote-via-cloudfront.json", viewer, "2001:db8:1:2::5:443"));
        assertEquals(202, vote(instanceB, "vote-via-cloudfront.json", viewer, "2001:db8:1:3::1:443"), "another /64");
        assertEquals(202, vote(instanceA, "vote-via-cloudfront.json", viewer, "203.0.113.50:443"));
    }

    @Test
    void aViewerAddressSentStraightToTheApiIsIgnored() throws IOException {
        String viewer = "cloudfront-viewer-address";

        assertEquals(202, vote(instanceA, "vote-spoofed-viewer-address.json", viewer, "192.0.2.200:443"));
        assertEquals(202, vote(instanceB, "vote-spoofed-viewer-address.json", viewer, "192.0.2.201:443"));
        assertEquals(429, vote(instanceA, "vote-spoofed-viewer-address.json", viewer, "192.0.2.202:443"),
                "all came from 198.51.100.23");
        assertEquals(429, vote(instanceB, "vote-spoofed-viewer-address.json", "x-forwarded-for", "192.0.2.203"));
    }

    @Test
    void aMalformedViewerAddressCountsUnderCloudFrontsOwnAddress() throws IOException {
        String viewer = "cloudfront-viewer-address";

        assertEquals(202, vote(instanceA, "vote-via-cloudfront.json", viewer, "not-an-address"));
        assertEquals(202, vote(instanceB, "vote-via-cloudfront.json", viewer, "2001:db8:1:2::1"));
        assertEquals(429, vote(instanceA, "vote-via-cloudfront.json", viewer, ""), "all three are 130.176.12.34's");
        assertEquals(202, vote(instanceB, "vote-via-cloudfront.json", viewer, "2001:db8:1:2::1:443"));
    }
}
