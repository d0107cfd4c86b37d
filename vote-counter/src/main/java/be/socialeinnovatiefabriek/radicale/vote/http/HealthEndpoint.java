package be.socialeinnovatiefabriek.radicale.vote.http;

import be.socialeinnovatiefabriek.radicale.vote.voting.CounterHealth;
import be.socialeinnovatiefabriek.radicale.vote.voting.CounterHealth.Health;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/health}, for a monitor: 200 {@code ok} or 503 {@code failing} with what fails. It holds times and
 * counts only (no address, no token, no tally), so it asks for no admin token.
 */
final class HealthEndpoint {

    private final CounterHealth health;

    HealthEndpoint(CounterHealth health) {
        this.health = health;
    }

    ApiResponse answer(Reply reply) {
        Health now = health.check();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", now.healthy() ? "ok" : "failing");
        if (!now.healthy()) {
            body.put("error", "unhealthy");
            body.put("message", (now.storeReachable() ? "" : "The vote store does not answer; no vote can be taken or "
                    + "counted (the counter's log says why). ") + (now.mailFailuresSinceSuccess() == 0 ? ""
                    : "The last " + now.mailFailuresSinceSuccess() + " mail(s) to voters could not be sent; check the "
                    + "SMTP settings and server (the log says why)."));
        }
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("reachable", now.storeReachable());
        store.put("checkedAt", now.storeCheckedAt().toString());
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("failuresSinceLastSuccess", now.mailFailuresSinceSuccess());
        mail.put("lastFailure", text(now.lastMailFailure()));
        mail.put("lastSuccess", text(now.lastMailSuccess()));
        body.put("store", store);
        body.put("mail", mail);
        return reply.json(now.healthy() ? 200 : 503, body);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
