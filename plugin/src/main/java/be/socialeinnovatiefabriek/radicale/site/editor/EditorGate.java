package be.socialeinnovatiefabriek.radicale.site.editor;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every request to the editor passes first. It must name this preview as its host (a page
 * elsewhere whose name was pointed at this machine names itself: DNS rebinding); what changes
 * content must come from the editor's own page (its Origin, the browser's fetch metadata, JSON);
 * and where a secret is set, it must carry the cookie that signing in with the secret gives.
 */
final class EditorGate {

    static final String COOKIE = "site-editor";
    private static final int MAX_FAILURES = 10;
    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(10);

    private final EditorAccess access;
    private final Clock clock;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Deque<Instant> failures = new ArrayDeque<>();
    private final SecureRandom random = new SecureRandom();

    EditorGate(EditorAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    /** Why the request is refused, or null. {@code api}: it asks the backend to read or change content. */
    EditorException refuse(HttpExchange exchange, boolean api) {
        List<String> hosts = exchange.getRequestHeaders().get("Host");
        if (hosts == null || hosts.size() != 1 || hosts.get(0).isBlank()) {
            return new EditorException(400, "bad_host", "The request names no host (or several).");
        }
        String host = hosts.get(0).strip().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        String name = colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
        String port = colon > host.lastIndexOf(']') ? host.substring(colon + 1) : "80";
        if (!port.equals(String.valueOf(exchange.getLocalAddress().getPort()))) {
            return new EditorException(421, "wrong_host", "This editor answers on port " + exchange.getLocalAddress().getPort() + " only.");
        }
        if (!access.signIn() && !EditorAccess.isLoopback(name)) {
            return new EditorException(421, "wrong_host", "This editor answers only to http://localhost:" + port
                    + "/admin/ (the request named " + printable(name) + ").");
        }
        // Only POST reads or changes content (the backend answers nothing else): it must come from the editor's own page.
        boolean post = "POST".equals(exchange.getRequestMethod());
        if (post) {
            List<String> origins = exchange.getRequestHeaders().get("Origin");
            String origin = origins == null || origins.size() != 1 ? null : origins.get(0).strip().toLowerCase(Locale.ROOT);
            if (origin == null || !origin.equals("http://" + host) && !origin.equals("https://" + host)) {
                return new EditorException(403, "foreign_origin", "Only the editor's own page, http://" + host
                        + "/admin/, may change content (the request came from " + (origin == null ? "no page" : printable(origin)) + ").");
            }
            String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
            if (site != null && !site.equalsIgnoreCase("same-origin")) {
                return new EditorException(403, "foreign_origin", "Only the editor's own page may change content (Sec-Fetch-Site: "
                        + printable(site) + ").");
            }
        }
        if (api && post) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                return new EditorException(415, "not_json", "The editor's backend takes JSON (Content-Type: application/json).");
            }
        }
        return null;
    }

    /** Whether the request carries the cookie of a session signed in with the secret. */
    boolean signedIn(HttpExchange exchange) {
        List<String> cookies = exchange.getRequestHeaders().get("Cookie");
        if (cookies == null) {
            return false;
        }
        for (String header : cookies) {
            for (String cookie : header.split(";")) {
                String[] pair = cookie.strip().split("=", 2);
                if (pair.length == 2 && pair[0].equals(COOKIE) && sessions.contains(pair[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The sign-in page, and signing in with the secret (a few wrong tries at most, then a pause). */
    EditorResponse login(HttpExchange exchange, byte[] body) {
        if (!access.signIn()) {
            return EditorResponse.redirect("/admin/");
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            return EditorResponse.page(200, EditorPages.login(null));
        }
        synchronized (failures) {
            Instant now = clock.instant();
            while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(FAILURE_WINDOW))) {
                failures.removeFirst();
            }
            if (failures.size() >= MAX_FAILURES) {
                return EditorResponse.page(429, EditorPages.login("Too many wrong secrets; wait ten minutes and try again."));
            }
            String given = null;
            for (String field : new String(body, StandardCharsets.UTF_8).split("&")) {
                String[] pair = field.split("=", 2);
                if (pair.length == 2 && pair[0].equals("secret")) {
                    given = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
                }
            }
            if (given == null || !MessageDigest.isEqual(sha256(given.strip()), sha256(access.secret()))) {
                failures.addLast(now);
                return EditorResponse.page(403, EditorPages.login("That is not the editor's secret."));
            }
        }
        byte[] token = new byte[32];
        random.nextBytes(token);
        String session = HexFormat.of().formatHex(token);
        sessions.add(session);
        return EditorResponse.redirect("/admin/").header("Set-Cookie", COOKIE + "=" + session + "; Path=/admin; HttpOnly; SameSite=Strict");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String printable(String text) {
        String clean = text.replaceAll("[^\\p{Alnum}.:/\\[\\]-]", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }
}
