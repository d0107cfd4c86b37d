package be.socialeinnovatiefabriek.radicale.vote.ballot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The ballots the published site serves at {@code <site>/ballots/<id>.json}, each fetched at most once a
 * minute. It is read by the same {@link BallotParser} as under the local server, so a ballot means the same
 * on AWS. When the site cannot be reached, the last ballot fetched stays in use.
 */
public final class HttpBallotSource implements BallotSource {

    /** How long a fetched ballot (or the absence of one) is used before the site is asked again. */
    static final Duration FRESH_FOR = Duration.ofSeconds(60);
    /** How long a failed first fetch is answered from memory, so that a site outage is not met with a fetch per vote. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern ID = Pattern.compile("\\d{4}");
    // S3 answers 403 for a missing key when the bucket may not be listed.
    private static final Set<Integer> ABSENT = Set.of(403, 404, 410);

    private static final System.Logger LOG = System.getLogger(HttpBallotSource.class.getName());

    private final URI site;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Fetched> fetched = new ConcurrentHashMap<>();

    /** @param site the site's base URL, e.g. https://radicalevernieuwers.be */
    public HttpBallotSource(URI site, HttpClient http, Clock clock) {
        this.site = site;
        this.http = http;
        this.clock = clock;
    }

    /** Ballots from {@code site}. */
    public static HttpBallotSource fromSite(URI site) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
        return new HttpBallotSource(site, http, Clock.systemUTC());
    }

    @Override
    public Optional<Ballot> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Fetched answer = fetched.compute(id, (key, known) ->
                known != null && now.isBefore(known.until()) ? known : fetch(id, known, now));
        if (answer.failure() != null) {
            throw answer.failure();
        }
        return answer.ballot();
    }

    private Fetched fetch(String id, Fetched known, Instant now) {
        URI url = ballotUrl(id);
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return staleOrThrow(known, now, url + " cannot be fetched (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return staleOrThrow(known, now, url + " was not fetched: interrupted", null);
        }
        if (ABSENT.contains(response.statusCode())) {
            return new Fetched(Optional.empty(), null, now.plus(FRESH_FOR));
        }
        if (response.statusCode() != 200) {
            return staleOrThrow(known, now, url + " answered HTTP " + response.statusCode()
                    + "; check BALLOTS_URL and that the site is published", null);
        }
        try {
            return new Fetched(Optional.of(BallotParser.parse(response.body(), id, url.toString())), null, now.plus(FRESH_FOR));
        } catch (InvalidBallot e) {
            return staleOrFailure(known, now, e);
        }
    }

    private URI ballotUrl(String id) {
        String base = site.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "ballots/" + id + ".json");
    }

    /** Keeps the last ballot for another while when the site is briefly unreachable; without one, fails for a few seconds. */
    private static Fetched staleOrThrow(Fetched known, Instant now, String problem, IOException cause) {
        return staleOrFailure(known, now, new UncheckedIOException(problem, cause == null ? new IOException(problem) : cause));
    }

    private static Fetched staleOrFailure(Fetched known, Instant now, RuntimeException failure) {
        if (known != null && known.failure() == null) {
            LOG.log(System.Logger.Level.WARNING, failure.getMessage() + "; the ballot fetched before stays in use");
            return new Fetched(known.ballot(), null, now.plus(FRESH_FOR));
        }
        return new Fetched(Optional.empty(), failure, now.plus(RETRY_AFTER));
    }

    /** A fetch's outcome until {@code until}: the ballot (or its absence), or the failure to answer with. */
    private record Fetched(Optional<Ballot> ballot, RuntimeException failure, Instant until) {
    }
}
