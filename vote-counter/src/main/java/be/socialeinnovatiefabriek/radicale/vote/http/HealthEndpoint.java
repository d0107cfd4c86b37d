package be.socialeinnovatiefabriek.radicale.vote.http;

import be.socialeinnovatiefabriek.radicale.vote.queue.MailProgress;
import be.socialeinnovatiefabriek.radicale.vote.voting.CounterHealth;
import be.socialeinnovatiefabriek.radicale.vote.voting.CounterHealth.Health;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/health}, for a monitor: 200 {@code ok} or 503 {@code failing} with what fails. It holds times and
 * counts only (no address, no token, no tally), so it asks for no admin token. {@code mail} is null where another
 * process sends the mail (on AWS).
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
        MailProgress.Report mailNow = now.mail();
        long mailFailures = mailNow == null ? 0 : mailNow.failuresSinceLastSuccess();
        if (!now.healthy()) {
            body.put("error", "unhealthy");
            body.put("message", (now.storeReachable() ? "" : "The vote store does not answer; no vote can be taken or "
                    + "counted (the counter's log says why). ") + (mailFailures == 0 ? "" : "The last " + mailFailures
                    + " attempt(s) to send mail to voters failed; votes are still taken and their mails wait in the queue. "
                    + "Check the SMTP settings and server (the log says why)."));
        }
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("reachable", now.storeReachable());
        store.put("checkedAt", now.storeCheckedAt().toString());
        Map<String, Object> mail = null;
        if (mailNow != null) {
            mail = new LinkedHashMap<>();
            mail.put("queued", mailNow.queued());
            mail.put("oldestQueuedAt", text(mailNow.oldestQueuedAt()));
            mail.put("deadLetters", mailNow.deadLetters());
            mail.put("failuresSinceLastSuccess", mailFailures);
            mail.put("lastFailure", text(mailNow.lastFailure()));
            mail.put("lastSuccess", text(mailNow.lastSuccess()));
        }
        body.put("store", store);
        body.put("mail", mail);
        return reply.json(now.healthy() ? 200 : 503, body);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
