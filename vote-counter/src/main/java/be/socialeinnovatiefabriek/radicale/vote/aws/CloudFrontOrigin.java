package be.socialeinnovatiefabriek.radicale.vote.aws;

import be.socialeinnovatiefabriek.radicale.vote.http.ApiRequest;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.http.CounterApi;
import be.socialeinnovatiefabriek.radicale.vote.identity.ClientAddress;
import be.socialeinnovatiefabriek.radicale.vote.settings.InvalidSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The counter behind the site's CloudFront distribution (template.yaml): CloudFront adds a secret header,
 * {@value #SECRET_HEADER}, to every request it sends to the API, and only a request that carries it is
 * answered. API Gateway sees CloudFront's own address as the caller, so for such a request the client is
 * the viewer CloudFront names in {@code CloudFront-Viewer-Address}. A request that reaches the API some
 * other way (its execute-api address, with any header it likes) is refused: nothing it claims is trusted.
 *
 * <p>CloudFront replaces a viewer's own header of the same name with the secret, so a viewer cannot pass
 * the check by sending a guess through the site either. With no secret set ({@code VOTE_ORIGIN_SECRET}
 * empty) every request is answered as it comes, and only {@code VOTE_TRUSTED_PROXIES} decides whose header
 * names the client.
 */
public final class CloudFrontOrigin {

    /** The header CloudFront adds (template.yaml, OriginCustomHeaders); lower case, as the adapter keys them. */
    public static final String SECRET_HEADER = "x-origin-verify";
    /** The shortest secret accepted: a guess must be hopeless. */
    public static final int MIN_SECRET_LENGTH = 32;

    private static final String VIEWER_HEADER = "cloudfront-viewer-address";

    private final byte[] secretDigest;

    private CloudFrontOrigin(byte[] secretDigest) {
        this.secretDigest = secretDigest;
    }

    /** No secret: every request is answered as it comes (the API is not behind CloudFront). */
    public static CloudFrontOrigin none() {
        return new CloudFrontOrigin(null);
    }

    /**
     * Only requests that carry {@code secret} in {@value #SECRET_HEADER} are answered.
     *
     * @throws InvalidSettings when the secret is shorter than {@value #MIN_SECRET_LENGTH} characters
     */
    public static CloudFrontOrigin withSecret(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new InvalidSettings(new Problem("VOTE_ORIGIN_SECRET", "must be at least " + MIN_SECRET_LENGTH
                    + " characters (got " + (secret == null ? 0 : secret.length()) + ")", "generate one with "
                    + "`openssl rand -hex 32` and give CloudFront the same value (template.yaml's OriginSecret)"));
        }
        return new CloudFrontOrigin(sha256(secret));
    }

    /** {@code VOTE_ORIGIN_SECRET} from {@code env}: unset or empty is {@link #none()}. */
    public static CloudFrontOrigin fromEnvironment(Map<String, String> env) {
        String secret = env.getOrDefault("VOTE_ORIGIN_SECRET", "");
        if (secret.isEmpty()) {
            return none();
        }
        return withSecret(secret);
    }

    /**
     * {@code request} as the core is to see it: with a secret set, only when it carries the secret, and then
     * counted under the viewer's address (CloudFront's own when the viewer's cannot be read), without the
     * secret and the viewer header. Empty when the request did not come through CloudFront.
     */
    public Optional<ApiRequest> admit(ApiRequest request) {
        if (secretDigest == null) {
            return Optional.of(request);
        }
        String presented = request.header(SECRET_HEADER);
        // Digests of equal length, compared in constant time: neither the secret nor its length leaks.
        if (presented == null || !MessageDigest.isEqual(secretDigest, sha256(presented))) {
            return Optional.empty();
        }
        Map<String, String> headers = new HashMap<>(request.headers());
        headers.remove(SECRET_HEADER);
        String viewer = headers.remove(VIEWER_HEADER);
        String client = ClientAddress.parseWithPort(viewer).map(ClientAddress::toString).orElse(request.clientIp());
        return Optional.of(new ApiRequest(request.method(), request.path(), request.query(), Map.copyOf(headers),
                request.body(), client));
    }

    /** The answer to a request that did not come through CloudFront: 403 {@code forbidden_origin}, as JSON. */
    public static ApiResponse refusal() {
        return CounterApi.error(403, "forbidden_origin", "This vote counter answers only through the campaign site's "
                + "own address; vote from its pages.");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
