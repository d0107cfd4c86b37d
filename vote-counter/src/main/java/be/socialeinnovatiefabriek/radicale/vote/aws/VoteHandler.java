package be.socialeinnovatiefabriek.radicale.vote.aws;

import be.socialeinnovatiefabriek.radicale.vote.ballot.HttpBallotSource;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiRequest;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.http.CounterApi;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailProgress;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.InvalidSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

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

    /** Every event gets an HTTP answer: one the function cannot read is a 400 in JSON, as the core's refusals. */
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ApiResponse response;
        try {
            response = origin.admit(toRequest(event)).map(api::handle).orElseGet(CloudFrontOrigin::refusal);
        } catch (MalformedEvent malformed) {
            response = CounterApi.error(400, "bad_request", malformed.getMessage());
        }
        return toResponse(response);
    }

    /** An event this function cannot read as an HTTP request; the message says what is wrong with it. */
    static final class MalformedEvent extends Exception {
        MalformedEvent(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The counter configured by the environment template.yaml sets: the core's settings, {@code VOTES_TABLE},
     * {@code BALLOTS_URL} and {@code VOTE_MAIL_QUEUE_URL} (the SQS queue where each submission's mail waits for the
     * sender function, {@link MailSenderHandler}). Every problem is reported at once.
     */
    static CounterApi counterFrom(Map<String, String> env) {
        List<Problem> problems = new ArrayList<>();
        CounterSettings settings = null;
        try {
            settings = CounterSettings.fromEnvironment(env);
        } catch (InvalidSettings e) {
            problems.addAll(e.problems());
        }
        String table = env.getOrDefault("VOTES_TABLE", "").strip();
        if (table.isEmpty()) {
            problems.add(new Problem("VOTES_TABLE", "is missing", "name the DynamoDB table of the votes (template.yaml sets it)"));
        }
        String ballotsUrl = env.getOrDefault("BALLOTS_URL", "").strip();
        if (!ballotsUrl.startsWith("https://")) {
            problems.add(new Problem("BALLOTS_URL", "is not an https:// address (got '" + ballotsUrl + "')", "set it to the "
                    + "published site's base URL, where ballots/<year>.json can be fetched"));
        }
        String queueUrl = MailSenderHandler.queueUrl(env, "VOTE_MAIL_QUEUE_URL", problems);
        if (!problems.isEmpty()) {
            throw new InvalidSettings(problems);
        }
        // Region and credentials come from the Lambda environment.
        DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        // The rate limits live in the votes table too, so that every instance of the function shares them. The
        // mails are sent by the sender function: this one only queues them.
        return new CounterApi(settings, HttpBallotSource.fromSite(URI.create(ballotsUrl)),
                new DynamoDbVoteStore(dynamoDb, table, new SqsMailQueue(sqs, queueUrl)),
                new DynamoDbRateLimits(dynamoDb, table), MailProgress.ELSEWHERE, Clock.systemUTC());
    }

    /** The methods of HTTP (RFC 9110 and PATCH); the core answers 405 to those it does not take at an address. */
    private static final Set<String> HTTP_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
    /** Base64 characters enough for one byte more than the core reads (whole groups of four). */
    private static final int BASE64_LIMIT = (CounterApi.MAX_BODY_BYTES + 1 + 2) / 3 * 4;

    static ApiRequest toRequest(APIGatewayV2HTTPEvent event) throws MalformedEvent {
        if (event == null || event.getRequestContext() == null || event.getRequestContext().getHttp() == null) {
            throw new MalformedEvent("The event has no requestContext.http; the function answers API Gateway HTTP API "
                    + "events (payload format 2.0).");
        }
        APIGatewayV2HTTPEvent.RequestContext.Http http = event.getRequestContext().getHttp();
        String method = http.getMethod() == null ? "" : http.getMethod().toUpperCase(Locale.ROOT);
        if (!HTTP_METHODS.contains(method)) {
            throw new MalformedEvent("The request method '" + shortened(method) + "' is not an HTTP method; the vote "
                    + "counter answers GET, POST and OPTIONS.");
        }
        String path = event.getRawPath() != null ? event.getRawPath() : http.getPath();
        if (path == null || !path.startsWith("/")) {
            throw new MalformedEvent("The event names no request path (rawPath); the vote counter's addresses start "
                    + "with /api/.");
        }
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> {
                if (name != null && value != null) {
                    headers.put(name.toLowerCase(Locale.ROOT), value);
                }
            });
        }
        // Payload 2.0 moves the Cookie header into its own list.
        if (event.getCookies() != null) {
            List<String> cookies = event.getCookies().stream().filter(Objects::nonNull).toList();
            if (!cookies.isEmpty()) {
                headers.put("cookie", String.join("; ", cookies));
            }
        }
        Map<String, String> query = new HashMap<>();
        if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((name, value) -> {
                if (name != null && value != null) {
                    query.put(name, value);
                }
            });
        }
        return new ApiRequest(method, path, Map.copyOf(query), Map.copyOf(headers), body(event), http.getSourceIp());
    }

    /**
     * The body, read no further than one byte past what the core reads: API Gateway passes up to 10 MB, and a
     * body over the core's limit is refused (413) without being decoded whole.
     */
    private static byte[] body(APIGatewayV2HTTPEvent event) throws MalformedEvent {
        String body = event.getBody() == null ? "" : event.getBody();
        int limit = CounterApi.MAX_BODY_BYTES + 1;
        if (!event.getIsBase64Encoded()) {
            byte[] bytes = body.substring(0, Math.min(body.length(), limit)).getBytes(StandardCharsets.UTF_8);
            return bytes.length > limit ? Arrays.copyOf(bytes, limit) : bytes;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(body.length() > BASE64_LIMIT ? body.substring(0, BASE64_LIMIT) : body);
            return bytes.length > limit ? Arrays.copyOf(bytes, limit) : bytes;
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("The event says its body is base64 (isBase64Encoded) but it is not valid base64 ("
                    + e.getMessage() + ").");
        }
    }

    private static String shortened(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "..." : text;
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
