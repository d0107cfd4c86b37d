package be.socialeinnovatiefabriek.radicale.vote.aws;

import be.socialeinnovatiefabriek.radicale.vote.core.ApiRequest;
import be.socialeinnovatiefabriek.radicale.vote.core.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.core.CounterApi;
import be.socialeinnovatiefabriek.radicale.vote.core.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.core.InvalidSettings;
import be.socialeinnovatiefabriek.radicale.vote.mail.SmtpMailer;
import be.socialeinnovatiefabriek.radicale.vote.store.DynamoDbRateLimits;
import be.socialeinnovatiefabriek.radicale.vote.store.DynamoDbVoteStore;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The counter on AWS Lambda behind an API Gateway HTTP API (payload format 2.0): maps the event to an
 * {@link ApiRequest}, lets {@link CounterApi} answer, and maps the {@link ApiResponse} back.
 */
public final class VoteHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final CounterApi api;
    private final CloudFrontOrigin origin;

    /** Lambda's entry point. Lambda makes one per container, so the counter is built once (before a SnapStart snapshot). */
    public VoteHandler() {
        this(counterFrom(System.getenv()), CloudFrontOrigin.fromEnvironment(System.getenv()));
    }

    VoteHandler(CounterApi api) {
        this(api, CloudFrontOrigin.none());
    }

    /** A handler that answers only what {@code origin} admits (VOTE_ORIGIN_SECRET: behind CloudFront). */
    VoteHandler(CounterApi api, CloudFrontOrigin origin) {
        this.api = api;
        this.origin = origin;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return toResponse(origin.admit(toRequest(event)).map(api::handle).orElseGet(CloudFrontOrigin::refusal));
    }

    /**
     * The counter configured by the environment template.yaml sets: the core's settings, {@code SMTP_*},
     * {@code VOTES_TABLE} and {@code BALLOTS_URL}. Every problem is reported at once.
     */
    static CounterApi counterFrom(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        CounterSettings settings = null;
        try {
            settings = CounterSettings.fromEnvironment(env);
        } catch (InvalidSettings e) {
            problems.addAll(e.problems());
        }
        SmtpMailer mailer = null;
        try {
            mailer = SmtpMailer.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        String table = env.getOrDefault("VOTES_TABLE", "").strip();
        if (table.isEmpty()) {
            problems.add("VOTES_TABLE must name the DynamoDB table of the votes (template.yaml sets it).");
        }
        String ballotsUrl = env.getOrDefault("BALLOTS_URL", "").strip();
        if (!ballotsUrl.startsWith("https://")) {
            problems.add("BALLOTS_URL must be the published site's https:// base URL, where ballots/<year>.json "
                    + "can be fetched (got '" + ballotsUrl + "').");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettings(problems);
        }
        // Region and credentials come from the Lambda environment.
        DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        // The rate limits live in the votes table too, so that every instance of the function shares them.
        return new CounterApi(settings, HttpBallotSource.fromSite(URI.create(ballotsUrl)),
                new DynamoDbVoteStore(dynamoDb, table), new DynamoDbRateLimits(dynamoDb, table), mailer, Clock.systemUTC());
    }

    static ApiRequest toRequest(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = event.getRequestContext().getHttp();
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        // Payload 2.0 moves the Cookie header into its own list.
        if (event.getCookies() != null && !event.getCookies().isEmpty()) {
            headers.put("cookie", String.join("; ", event.getCookies()));
        }
        String body = event.getBody() == null ? "" : event.getBody();
        byte[] bytes = event.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        return new ApiRequest(http.getMethod(), event.getRawPath(), Map.copyOf(query), Map.copyOf(headers), bytes,
                http.getSourceIp());
    }

    static APIGatewayV2HTTPResponse toResponse(ApiResponse response) {
        Map<String, String> headers = new HashMap<>();
        List<String> cookies = new ArrayList<>();
        String type = "";
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("set-cookie")) {
                cookies.add(header.getValue()); // payload 2.0 sends cookies from their own list
            } else {
                headers.put(header.getKey(), header.getValue());
                type = name.equals("content-type") ? header.getValue().toLowerCase(Locale.ROOT) : type;
            }
        }
        byte[] body = response.body() == null ? new byte[0] : response.body();
        boolean binary = body.length > 0 && !isText(type);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withBody(binary ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8))
                .withIsBase64Encoded(binary)
                .build();
    }

    private static boolean isText(String contentType) {
        return contentType.startsWith("text/") || contentType.contains("json") || contentType.contains("xml")
                || contentType.contains("javascript") || contentType.startsWith("application/x-www-form-urlencoded");
    }
}
