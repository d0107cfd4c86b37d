package be.socialeinnovatiefabriek.radicale.vote.http;

import be.socialeinnovatiefabriek.radicale.vote.voting.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The admin token as the studio view and the export check it: {@code Authorization: Bearer <VOTE_ADMIN_TOKEN>},
 * compared in constant time. No header (or another scheme) is 401 {@code unauthorized}; a wrong token is 403
 * {@code forbidden} (the export answers 401 to both).
 * A token anywhere else (the query, a cookie) is ignored: tokens in addresses end up in logs.
 */
final class AdminAuthorization {

    private final byte[] tokenDigest;

    AdminAuthorization(String adminToken) {
        this.tokenDigest = sha256(adminToken);
    }

    /** Returns when {@code request} carries the admin token; else refuses it, saying how to authenticate. */
    void require(ApiRequest request, Reply reply) throws Refusal {
        String presented = bearer(request);
        if (presented.isEmpty()) {
            reply.header("WWW-Authenticate", "Bearer");
            throw Refusal.of(Refusal.Reason.UNAUTHORIZED, "This needs the header 'Authorization: Bearer "
                    + "<VOTE_ADMIN_TOKEN>' with the counter's admin token.");
        }
        if (!matches(presented)) {
            throw Refusal.of(Refusal.Reason.FORBIDDEN, "That is not the counter's admin token; paste VOTE_ADMIN_TOKEN "
                    + "again.");
        }
    }

    /** As {@link #require}, for the export: a missing and a wrong token alike are 401 {@code unauthorized}. */
    void requireForExport(ApiRequest request, Reply reply) throws Refusal {
        if (!matches(bearer(request))) {
            reply.header("WWW-Authenticate", "Bearer");
            throw Refusal.of(Refusal.Reason.UNAUTHORIZED, "The export needs the header 'Authorization: Bearer "
                    + "<VOTE_ADMIN_TOKEN>' with the counter's admin token.");
        }
    }

    // The token after "Bearer ", or "" without one.
    private static String bearer(ApiRequest request) {
        String authorization = request.header("authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : "";
    }

    // Digests of equal length, compared in constant time: neither the token nor its length leaks.
    private boolean matches(String presented) {
        return MessageDigest.isEqual(tokenDigest, sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
