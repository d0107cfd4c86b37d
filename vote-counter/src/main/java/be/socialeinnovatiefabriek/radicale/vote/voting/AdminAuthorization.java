package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.http.ApiRequest;
import be.socialeinnovatiefabriek.radicale.vote.http.Reply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The admin token as the studio view checks it: {@code Authorization: Bearer <VOTE_ADMIN_TOKEN>}, compared in
 * constant time. No header (or another scheme) is 401 {@code unauthorized}; a wrong token is 403 {@code forbidden}.
 * A token anywhere else (the query, a cookie) is ignored: tokens in addresses end up in logs.
 */
final class AdminAuthorization {

    private final byte[] tokenDigest;

    AdminAuthorization(String adminToken) {
        this.tokenDigest = sha256(adminToken);
    }

    /** Returns when {@code request} carries the admin token; else refuses it, saying how to authenticate. */
    void require(ApiRequest request, Reply reply) throws Refusal {
        String authorization = request.header("authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            reply.header("WWW-Authenticate", "Bearer");
            throw Refusal.of(401, "unauthorized", "This needs the header 'Authorization: Bearer <VOTE_ADMIN_TOKEN>' "
                    + "with the counter's admin token.", null);
        }
        // Digests of equal length, compared in constant time: neither the token nor its length leaks.
        if (!MessageDigest.isEqual(tokenDigest, sha256(authorization.substring(7).strip()))) {
            throw Refusal.of(403, "forbidden", "That is not the counter's admin token; paste VOTE_ADMIN_TOKEN again.",
                    null);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
