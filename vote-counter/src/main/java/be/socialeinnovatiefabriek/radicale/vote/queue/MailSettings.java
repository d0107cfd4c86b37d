package be.socialeinnovatiefabriek.radicale.vote.queue;

import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the sender delivers the queued mails, read once from the environment.
 *
 * @param perSecond   VOTE_MAIL_PER_SECOND (default 14): mails one sender hands to the mail server per second at
 *                    most (a token bucket holding one second's worth); a mail provider's quota, such as SES's
 *                    sending rate, divided by the number of senders
 * @param maxAttempts VOTE_MAIL_MAX_ATTEMPTS (default 8): attempts at a mail before it becomes a dead letter
 * @param retryAfter  VOTE_MAIL_RETRY_SECONDS (default 30): the wait after a first failed attempt; it doubles
 *                    with each further one
 * @param retryMax    VOTE_MAIL_RETRY_MAX_SECONDS (default 900): the longest wait between two attempts
 */
public record MailSettings(int perSecond, int maxAttempts, Duration retryAfter, Duration retryMax) {

    public static final MailSettings DEFAULTS = new MailSettings(14, 8, Duration.ofSeconds(30), Duration.ofMinutes(15));

    /** Reads the {@code VOTE_MAIL_*} settings; each problem is added to {@code problems}, with the default kept. */
    public static MailSettings fromEnvironment(Map<String, String> env, List<Problem> problems) {
        int perSecond = number(env, "VOTE_MAIL_PER_SECOND", DEFAULTS.perSecond, 100_000, problems);
        int attempts = number(env, "VOTE_MAIL_MAX_ATTEMPTS", DEFAULTS.maxAttempts, 100, problems);
        int retry = number(env, "VOTE_MAIL_RETRY_SECONDS", (int) DEFAULTS.retryAfter.toSeconds(), 43_200, problems);
        int retryMax = number(env, "VOTE_MAIL_RETRY_MAX_SECONDS", (int) DEFAULTS.retryMax.toSeconds(), 43_200, problems);
        if (retryMax < retry) {
            problems.add(new Problem("VOTE_MAIL_RETRY_MAX_SECONDS", "is below VOTE_MAIL_RETRY_SECONDS (" + retryMax + " < "
                    + retry + ")", "it caps the wait between two attempts at a mail: make it at least " + retry));
            retryMax = retry;
        }
        return new MailSettings(perSecond, attempts, Duration.ofSeconds(retry), Duration.ofSeconds(retryMax));
    }

    /** The wait before the next attempt after {@code attempts} failed ones: doubling from {@link #retryAfter}, capped. */
    public Duration delayAfter(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration delay = retryAfter.multipliedBy(1L << doublings);
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }

    private static int number(Map<String, String> env, String name, int fallback, int max, List<Problem> problems) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(name, "must be a whole number from 1 to " + max + " (got '" + value + "')",
                "leave it out for the default, " + fallback));
        return fallback;
    }
}
