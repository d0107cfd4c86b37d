package be.socialeinnovatiefabriek.radicale.vote.http;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.ballot.BallotSource;
import be.socialeinnovatiefabriek.radicale.vote.ballot.InvalidBallot;
import be.socialeinnovatiefabriek.radicale.vote.identity.TokenRandom;
import be.socialeinnovatiefabriek.radicale.vote.identity.VoterIdentity;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailProgress;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;
import be.socialeinnovatiefabriek.radicale.vote.voting.AdminExport;
import be.socialeinnovatiefabriek.radicale.vote.voting.CounterHealth;
import be.socialeinnovatiefabriek.radicale.vote.voting.LiveCount;
import be.socialeinnovatiefabriek.radicale.vote.voting.MemoryRateLimits;
import be.socialeinnovatiefabriek.radicale.vote.voting.PhaseAndResults;
import be.socialeinnovatiefabriek.radicale.vote.voting.RateLimits;
import be.socialeinnovatiefabriek.radicale.vote.voting.Refusal;
import be.socialeinnovatiefabriek.radicale.vote.voting.VoteChallenge;
import be.socialeinnovatiefabriek.radicale.vote.voting.VoteConfirmation;
import be.socialeinnovatiefabriek.radicale.vote.voting.VoteSubmission;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vote counter, platform-neutral: a request in, a response out (see the README for every endpoint).
 * It checks the caller's origin, routes, and adds the headers every answer carries; the endpoints do the rest.
 */
public final class CounterApi {

    private static final System.Logger LOG = System.getLogger(CounterApi.class.getName());
    private static final Pattern CAMPAIGN = Pattern.compile("/api/campaigns/([^/]+)");
    private static final Pattern VOTES = Pattern.compile("/api/campaigns/([^/]+)/votes");
    private static final Pattern CHALLENGE = Pattern.compile("/api/campaigns/([^/]+)/challenge");
    private static final Pattern RESULTS = Pattern.compile("/api/campaigns/([^/]+)/results");
    private static final Pattern EXPORT = Pattern.compile("/api/admin/campaigns/([^/]+)/export\\.csv");
    private static final String CONFIRM = "/api/votes/confirm";
    private static final String HEALTH = "/api/health";
    private static final Pattern STUDIO = Pattern.compile("/api/admin/campaigns/([^/]+)/studio");
    private static final Pattern STUDIO_DATA = Pattern.compile("/api/admin/campaigns/([^/]+)/studio\\.json");
    private static final Pattern STUDIO_ASSET = Pattern.compile("/api/admin/studio/studio\\.(js|css)");
    private static final Pattern EDITION = Pattern.compile("\\d{4}");

    private static final int QUOTED_LENGTH = 100;

    /**
     * The largest request body the counter reads. An adapter passes at most one byte more, so that a larger
     * body is refused (413 {@code too_large}) without being read or decoded whole.
     */
    public static final int MAX_BODY_BYTES = RequestFields.MAX_BODY_BYTES;

    private final Set<String> acceptedOrigins;
    private final BallotSource ballots;
    private final AdminAuthorization admin;
    private final VoteEndpoint votes;
    private final ConfirmEndpoint confirmation;
    private final CampaignEndpoint campaigns;
    private final ExportEndpoint export;
    private final StudioView studio;
    private final HealthEndpoint health;

    /**
     * A counter whose rate limits are kept in this process's memory (the local server). The store queues each
     * submission's mail; {@code mail} tells how sending them goes.
     */
    public CounterApi(CounterSettings settings, BallotSource ballots, VoteStore store, MailProgress mail, Clock clock) {
        this(settings, ballots, store, new MemoryRateLimits(), mail, clock);
    }

    /** A counter whose rate limits are kept in {@code limits} (shared by every instance on Lambda). */
    public CounterApi(CounterSettings settings, BallotSource ballots, VoteStore store, RateLimits limits, MailProgress mail,
                      Clock clock) {
        this.acceptedOrigins = settings.acceptedOrigins();
        this.ballots = ballots;
        this.admin = new AdminAuthorization(settings.adminToken());
        // Built before a SnapStart snapshot, so it must not carry a seed of its own: see TokenRandom.
        SecureRandom random = TokenRandom.create();
        VoterIdentity identity = new VoterIdentity(settings.hmacKey(), settings.mailboxRules());
        VoteChallenge challenges = new VoteChallenge(settings, clock);
        this.votes = new VoteEndpoint(new VoteSubmission(settings, store, clock, identity, random, limits, challenges),
                settings.trustedProxies(), settings.publicUrl());
        this.confirmation = new ConfirmEndpoint(new VoteConfirmation(ballots, store, clock), settings);
        this.campaigns = new CampaignEndpoint(new PhaseAndResults(store, clock), challenges);
        this.export = new ExportEndpoint(new AdminExport(store, mail));
        this.studio = new StudioView(new LiveCount(store, clock));
        this.health = new HealthEndpoint(new CounterHealth(store, mail, clock));
    }

    public ApiResponse handle(ApiRequest request) {
        String method = request.method().toUpperCase(java.util.Locale.ROOT);
        String path = request.path();
        String origin = request.header("origin");
        boolean confirming = CONFIRM.equals(path);
        // The confirmation page sets no-referrer, so a browser posts its form with "Origin: null"; the
        // unguessable token, not the origin, is what protects that one request.
        boolean originAccepted = origin == null || acceptedOrigins.contains(origin)
                || (confirming && "null".equals(origin));
        Reply reply = new Reply((confirming && method.equals("GET")) || RequestFields.isForm(request));
        ApiResponse response;
        if (!originAccepted) {
            response = reply.json(403, Reply.error("forbidden_origin", "Requests from " + quoted(origin)
                    + " are not accepted; vote from the campaign's own site."));
        } else if (method.equals("OPTIONS")) {
            response = preflight(origin);
        } else {
            response = answer(method, path, request, reply);
        }
        return withCommonHeaders(response, originAccepted && origin != null && !"null".equals(origin) ? origin : null);
    }

    /**
     * {@link #handle}, with the answer given once it is ready rather than to a waiting caller: a confirmation
     * ({@code POST /api/votes/confirm}) is answered once its vote is durable, on the store's answering thread
     * ({@link VoteStore#confirmLater}); every other request is answered before this returns.
     */
    public CompletionStage<ApiResponse> handleLater(ApiRequest request) {
        String method = request.method().toUpperCase(java.util.Locale.ROOT);
        String path = request.path();
        String origin = request.header("origin");
        // As handle() checks it: any other origin, or another request, is answered there.
        if (!answersLater(request) || !(origin == null || acceptedOrigins.contains(origin) || "null".equals(origin))) {
            return CompletableFuture.completedFuture(handle(request));
        }
        Reply reply = new Reply(RequestFields.isForm(request));
        CompletionStage<ApiResponse> answer;
        try {
            answer = confirmation.countLater(request, reply);
        } catch (Refusal | RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        String corsOrigin = origin != null && !"null".equals(origin) ? origin : null;
        return answer.handle((response, failure) -> withCommonHeaders(
                failure == null ? response : failed(failure, method, path, reply), corsOrigin));
    }

    /**
     * Whether {@link #handleLater} answers {@code request} later (a confirmation); every other request waits in
     * {@link #handle} for what it needs, and belongs on a thread that may wait.
     */
    public static boolean answersLater(ApiRequest request) {
        return CONFIRM.equals(request.path()) && request.method().equalsIgnoreCase("POST");
    }

    private ApiResponse answer(String method, String path, ApiRequest request, Reply reply) {
        try {
            return route(method, path, request, reply);
        } catch (Refusal | RuntimeException e) {
            return failed(e, method, path, reply);
        }
    }

    /** The answer to a refusal, or to a failure of ours (a store, a bug): a 500, its cause in the log. */
    private static ApiResponse failed(Throwable failure, String method, String path, Reply reply) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof Refusal refusal) {
            return reply.refused(refusal);
        }
        if (cause instanceof InvalidBallot e) {
            LOG.log(System.Logger.Level.ERROR, e.getMessage());
            return reply.json(500, Reply.error("server_error", "This edition's ballot cannot be read; the organisers "
                    + "have to fix its content and rebuild the site."));
        }
        // The edge of the counter: a fault of ours (a store, a bug) becomes a 500, its cause goes to the log.
        LOG.log(System.Logger.Level.ERROR, "failed " + method + " " + path, cause);
        return reply.json(500, Reply.error("server_error", "The vote counter failed to answer; nothing was "
                + "counted. Please try again in a minute."));
    }

    private ApiResponse route(String method, String path, ApiRequest request, Reply reply) throws Refusal {
        if (CONFIRM.equals(path)) {
            return switch (method) {
                case "GET" -> confirmation.page(request, reply);
                case "POST" -> confirmation.count(request, reply);
                default -> notAllowed(reply, "GET, POST");
            };
        }
        if (HEALTH.equals(path)) {
            return method.equals("GET") ? health.answer(reply) : notAllowed(reply, "GET");
        }
        Matcher m;
        if ((m = VOTES.matcher(path)).matches()) {
            return method.equals("POST") ? votes.vote(request, ballot(m), reply) : notAllowed(reply, "POST");
        }
        if ((m = CHALLENGE.matcher(path)).matches()) {
            return method.equals("GET") ? campaigns.challenge(ballot(m), reply) : notAllowed(reply, "GET");
        }
        if ((m = RESULTS.matcher(path)).matches()) {
            return method.equals("GET") ? campaigns.results(ballot(m), reply) : notAllowed(reply, "GET");
        }
        if ((m = CAMPAIGN.matcher(path)).matches()) {
            return method.equals("GET") ? campaigns.phase(ballot(m), reply) : notAllowed(reply, "GET");
        }
        if ((m = STUDIO.matcher(path)).matches()) {
            return method.equals("GET") ? studio.page(request, edition(m)) : notAllowed(reply, "GET");
        }
        if ((m = STUDIO_DATA.matcher(path)).matches()) {
            if (!method.equals("GET")) {
                return notAllowed(reply, "GET");
            }
            String id = edition(m);
            admin.require(request, reply);
            return studio.data(ballot(id), reply);
        }
        if ((m = STUDIO_ASSET.matcher(path)).matches()) {
            return method.equals("GET") ? studio.asset(path) : notAllowed(reply, "GET");
        }
        if ((m = EXPORT.matcher(path)).matches()) {
            if (!method.equals("GET")) {
                return notAllowed(reply, "GET");
            }
            String id = edition(m);
            admin.requireForExport(request, reply);
            return export.csv(ballot(id));
        }
        return reply.json(404, Reply.error("not_found", "There is nothing at " + quoted(path)
                + "; the vote counter's API is described in its README."));
    }

    /**
     * An error answer as the counter gives it ({@code {"error", "message"}}, JSON, with the headers every
     * answer carries), for an adapter that refuses a request before the core can read it.
     */
    public static ApiResponse error(int status, String code, String message) {
        return withCommonHeaders(new Reply(false).json(status, Reply.error(code, message)), null);
    }

    // A caller's text in an answer, cut short: the answer stays small whatever was sent.
    private static String quoted(String text) {
        return text.length() > QUOTED_LENGTH ? text.substring(0, QUOTED_LENGTH) + "..." : text;
    }

    private static String edition(Matcher m) throws Refusal {
        String id = m.group(1);
        if (!EDITION.matcher(id).matches()) {
            throw Refusal.of(Refusal.Reason.UNKNOWN_CAMPAIGN, "Editions are named by their year, like 2026; check the "
                    + "address of the page you came from.");
        }
        return id;
    }

    /** The ballot of the edition the address names; refused as {@code unknown_campaign} when there is none. */
    private Ballot ballot(Matcher m) throws Refusal {
        return ballot(edition(m));
    }

    private Ballot ballot(String id) throws Refusal {
        return ballots.find(id).orElseThrow(() -> Refusal.unknownCampaign(id));
    }

    private static ApiResponse notAllowed(Reply reply, String allowed) {
        reply.header("Allow", allowed);
        return reply.json(405, Reply.error("method_not_allowed", "This address answers only " + allowed + "."));
    }

    private static ApiResponse preflight(String origin) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Allow", "GET, POST, OPTIONS");
        if (origin != null) {
            headers.put("Access-Control-Allow-Methods", "GET, POST");
            headers.put("Access-Control-Allow-Headers", "Content-Type");
            headers.put("Access-Control-Max-Age", "600");
        }
        return new ApiResponse(204, headers, new byte[0]);
    }

    private static ApiResponse withCommonHeaders(ApiResponse response, String corsOrigin) {
        Map<String, String> headers = new HashMap<>(response.headers());
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Cache-Control", "no-store");
        headers.put("Vary", "Origin");
        if (corsOrigin != null) {
            headers.put("Access-Control-Allow-Origin", corsOrigin);
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        return new ApiResponse(response.status(), Collections.unmodifiableMap(headers), response.body());
    }
}
