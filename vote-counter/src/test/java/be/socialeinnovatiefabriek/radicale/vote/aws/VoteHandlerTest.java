package be.socialeinnovatiefabriek.radicale.vote.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.TestClock;
import be.socialeinnovatiefabriek.radicale.vote.ballot.BallotDirectory;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiRequest;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.http.CounterApi;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailJson;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailProgress;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.InvalidSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import be.socialeinnovatiefabriek.radicale.vote.store.DynamoDbLocal;
import be.socialeinnovatiefabriek.radicale.vote.store.DynamoDbVoteStore;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The Lambda adapter fed API Gateway HTTP API (payload 2.0) events from {@code src/test/resources/aws/},
 * in front of a real counter: DynamoDB Local, a ballot directory, and the mail queue on ElasticMQ (SQS), read back
 * as the sender function would.
 */
class VoteHandlerTest {

    private static final String SITE = "https://radicalevernieuwers.be";
    // DynamoDB Local sweeps expired items by the real clock: the counter's clock and the ballot's window
    // are set relative to it, so a pending vote never lies in the past of the database that keeps it.
    private static final Instant NOW = TestClock.realNow();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Mailer.Mail> received = new CopyOnWriteArrayList<>();
    private ElasticMq.Queues queues;
    private DynamoDbVoteStore store;
    private VoteHandler handler;

    @BeforeEach
    void buildCounter(@TempDir Path ballots) throws IOException {
        AwsBallot.writeOpen(ballots, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(20)));
        queues = ElasticMq.newQueues(3, 30);
        store = new DynamoDbVoteStore(DynamoDbLocal.client(), DynamoDbLocal.newTable(),
                new SqsMailQueue(ElasticMq.client(), queues.url()));
        CounterSettings settings = CounterSettings.fromEnvironment(Map.of(
                "VOTE_HMAC_KEY", "an-hmac-key-for-tests-only-0123456789",
                "VOTE_ADMIN_TOKEN", "an-admin-token-for-tests",
                "VOTE_ALLOWED_ORIGINS", SITE,
                "VOTE_PUBLIC_URL", "https://stem.radicalevernieuwers.be"));
        CounterApi api = new CounterApi(settings, new BallotDirectory(ballots), store, MailProgress.ELSEWHERE,
                Clock.fixed(NOW, ZoneOffset.UTC));
        handler = new VoteHandler(api);
    }

    /** The mails queued so far, as the sender function receives them from the queue. */
    private List<Mailer.Mail> mails() {
        List<Message> messages;
        do {
            messages = ElasticMq.client().receiveMessage(receive -> receive.queueUrl(queues.url())
                    .maxNumberOfMessages(10)).messages();
            for (Message message : messages) {
                try {
                    received.add(MailJson.read(message.body()));
                } catch (MailJson.Unreadable e) {
                    throw new AssertionError(e);
                }
            }
        } while (!messages.isEmpty());
        return List.copyOf(received);
    }

    @Test
    void theSiteReadsTheCampaignPhase() throws IOException {
        APIGatewayV2HTTPResponse response = handle("campaign-phase.json");

        assertEquals(200, response.getStatusCode());
        assertEquals("application/json; charset=utf-8", response.getHeaders().get("Content-Type"));
        assertEquals(SITE, response.getHeaders().get("Access-Control-Allow-Origin"));
        assertFalse(response.getIsBase64Encoded());
        assertEquals("open", json(response).path("phase").asText());
    }

    @Test
    void aFormVoteAsApiGatewaySendsItIsRedirectedToTheCheckMailPageInTheVotersLanguage() {
        APIGatewayV2HTTPResponse response = handle("vote-form.json");

        assertEquals(303, response.getStatusCode());
        assertEquals("https://radicalevernieuwers.be/fr/vote/verifiez-vos-mails/", response.getHeaders().get("Location"));
        assertEquals(1, mails().size());
        assertEquals("fr", mails().get(0).lang());
        assertEquals("Papillon", ((Mailer.ConfirmationMail) mails().get(0)).nomineeName());
    }

    @Test
    void aScriptedVoteIsPendingUntilItsLinkIsConfirmed() throws IOException {
        APIGatewayV2HTTPResponse response = handle("vote-json.json");

        assertEquals(202, response.getStatusCode());
        assertEquals("pending", json(response).path("status").asText());
        assertEquals(Map.of(), store.tallies("2026"));
    }

    @Test
    void aConfirmedVoteIsCountedInDynamoDb() throws IOException {
        handle("vote-json.json");
        String token = ((Mailer.ConfirmationMail) mails().get(0)).confirmUrl().getQuery().substring("token=".length());

        APIGatewayV2HTTPEvent pageRequest = event("confirm-page.json");
        pageRequest.setQueryStringParameters(Map.of("token", token));
        APIGatewayV2HTTPResponse page = handler.handleRequest(pageRequest, null);
        APIGatewayV2HTTPEvent confirmRequest = event("confirm-json.json");
        confirmRequest.setBody("{\"token\": \"" + token + "\"}");
        APIGatewayV2HTTPResponse confirmed = handler.handleRequest(confirmRequest, null);

        assertEquals(200, page.getStatusCode());
        assertTrue(page.getHeaders().get("Content-Type").startsWith("text/html"));
        assertTrue(page.getBody().contains(token), "the page's form posts the token");
        assertEquals(200, confirmed.getStatusCode());
        assertEquals("counted", json(confirmed).path("status").asText());
        assertEquals(Map.of("armentekort", 1L), store.tallies("2026"));
    }

    @Test
    void malformedJsonIsABadRequestAnsweredInJson() throws IOException {
        APIGatewayV2HTTPResponse response = handle("vote-malformed-json.json");

        assertEquals(400, response.getStatusCode());
        assertEquals("application/json; charset=utf-8", response.getHeaders().get("Content-Type"));
        assertEquals("bad_request", json(response).path("error").asText());
        assertFalse(json(response).path("message").asText().isBlank());
    }

    @ParameterizedTest
    @CsvSource({
        "malformed-no-request-context.json, requestContext.http",
        "malformed-no-http.json, requestContext.http",
        "malformed-no-method.json, not an HTTP method",
        "malformed-unknown-method.json, 'BREW'",
        "malformed-no-path.json, no request path",
        "malformed-bad-base64.json, not valid base64",
        "malformed-post-without-body.json, JSON object",
    })
    void anEventTheFunctionCannotReadIsABadRequestInJson(String fixture, String explained) throws IOException {
        APIGatewayV2HTTPResponse response = handle(fixture);

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("application/json; charset=utf-8", response.getHeaders().get("Content-Type"));
        assertEquals("nosniff", response.getHeaders().get("X-Content-Type-Options"));
        assertEquals("bad_request", json(response).path("error").asText());
        assertTrue(json(response).path("message").asText().contains(explained), response.getBody());
        assertEquals(List.of(), mails());
        assertEquals(Map.of(), store.tallies("2026"));
    }

    @Test
    void anEventWithoutHeadersOrWithEmptyHeadersIsStillAnswered() throws IOException {
        APIGatewayV2HTTPResponse phase = handle("malformed-null-headers-get.json");
        APIGatewayV2HTTPResponse vote = handle("malformed-null-headers.json");
        APIGatewayV2HTTPResponse emptyHeader = handle("malformed-null-header-value.json");

        assertEquals(200, phase.getStatusCode(), phase.getBody());
        assertEquals("open", json(phase).path("phase").asText());
        assertEquals(415, vote.getStatusCode(), "without headers a body has no Content-Type: " + vote.getBody());
        assertEquals("unsupported_media_type", json(vote).path("error").asText());
        assertEquals(202, emptyHeader.getStatusCode(), emptyHeader.getBody());
    }

    @Test
    void aHugeBodyIsRefusedWithoutBeingDecodedWhole() throws IOException {
        // API Gateway passes bodies up to 10 MB.
        String huge = "{\"nominee\": \"papillon\", \"email\": \"ann@example.be\", \"pad\": \"" + "x".repeat(6 << 20) + "\"}";
        APIGatewayV2HTTPEvent plain = event("vote-json.json");
        plain.setBody(huge);
        APIGatewayV2HTTPEvent encoded = event("vote-json.json");
        encoded.setIsBase64Encoded(true);
        encoded.setBody(Base64.getEncoder().encodeToString(huge.getBytes(StandardCharsets.UTF_8)) + "!not base64 at the end");

        for (APIGatewayV2HTTPEvent event : List.of(plain, encoded)) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

            assertEquals(413, response.getStatusCode(), response.getBody());
            assertEquals("too_large", json(response).path("error").asText());
        }
        assertEquals(List.of(), mails());
    }

    @Test
    void anEmptyEventIsABadRequestInJson() throws IOException {
        APIGatewayV2HTTPResponse response = handler.handleRequest(null, null);

        assertEquals(400, response.getStatusCode());
        assertEquals("bad_request", json(response).path("error").asText());
    }

    @Test
    void aVoteFromAnotherSiteIsRefused() throws IOException {
        APIGatewayV2HTTPResponse response = handle("vote-foreign-origin.json");

        assertEquals(403, response.getStatusCode());
        assertEquals("forbidden_origin", json(response).path("error").asText());
        assertNull(response.getHeaders().get("Access-Control-Allow-Origin"));
        assertEquals(List.of(), mails());
    }

    @Test
    void theSitesPreflightIsAllowed() {
        APIGatewayV2HTTPResponse response = handle("preflight.json");

        assertEquals(204, response.getStatusCode());
        assertEquals(SITE, response.getHeaders().get("Access-Control-Allow-Origin"));
        assertTrue(response.getHeaders().get("Access-Control-Allow-Methods").contains("POST"));
    }

    @Test
    void cookiesTravelInPayload2CookieLists() throws VoteHandler.MalformedEvent {
        APIGatewayV2HTTPEvent event = event("vote-json.json");
        event.setCookies(List.of("voter=abc", "other=1"));
        ApiRequest request = VoteHandler.toRequest(event);
        APIGatewayV2HTTPResponse response = VoteHandler.toResponse(new ApiResponse(200,
                Map.of("Set-Cookie", "voter=xyz; HttpOnly", "Content-Type", "application/json"), "{}".getBytes()));

        assertEquals("voter=abc; other=1", request.header("cookie"));
        assertEquals("203.0.113.7", request.clientIp());
        assertEquals(List.of("voter=xyz; HttpOnly"), response.getCookies());
        assertNull(response.getHeaders().get("Set-Cookie"));
    }

    @Test
    void aBodyThatIsNotTextIsSentAsBase64() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        APIGatewayV2HTTPResponse response = VoteHandler.toResponse(new ApiResponse(200, Map.of("Content-Type", "image/png"), png));

        assertTrue(response.getIsBase64Encoded());
        assertEquals(Base64.getEncoder().encodeToString(png), response.getBody());
    }

    @Test
    void aFunctionWithoutItsSettingsNamesEveryMissingOne() {
        InvalidSettings failure = assertThrows(InvalidSettings.class, () -> VoteHandler.counterFrom(Map.of()));

        String problems = failure.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
        for (String variable : List.of("VOTE_HMAC_KEY", "VOTE_ALLOWED_ORIGINS", "VOTES_TABLE", "BALLOTS_URL",
                "VOTE_MAIL_QUEUE_URL")) {
            assertTrue(problems.contains(variable), variable + " is named in:\n" + problems);
        }
        assertFalse(problems.contains("SMTP_"), "this function only queues mail; the sender function sends it:\n" + problems);
    }

    private APIGatewayV2HTTPResponse handle(String fixture) {
        return handler.handleRequest(event(fixture), null);
    }

    private static APIGatewayV2HTTPEvent event(String fixture) {
        return EventLoader.loadApiGatewayHttpEvent("aws/" + fixture);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws IOException {
        String body = response.getIsBase64Encoded()
                ? new String(Base64.getDecoder().decode(response.getBody()), StandardCharsets.UTF_8) : response.getBody();
        return JSON.readTree(body);
    }
}
