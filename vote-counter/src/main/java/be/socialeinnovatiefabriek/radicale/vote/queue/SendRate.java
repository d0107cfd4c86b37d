package be.socialeinnovatiefabriek.radicale.vote.queue;

import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket for sending: it holds one second's worth of mails and refills at {@code perSecond}, so a sender
 * never hands the mail server more than its quota allows, even after a quiet spell. Not thread-safe: one sender.
 */
public final class SendRate {

    private final int perSecond;
    private final Clock clock;
    private double tokens;
    private long lastNanos;

    public SendRate(int perSecond, Clock clock) {
        this.perSecond = perSecond;
        this.clock = clock;
        this.tokens = perSecond;
        this.lastNanos = nanos();
    }

    /** Takes up to {@code wanted} tokens, as many as there are now (possibly none), and returns how many. */
    public int takeUpTo(int wanted) {
        refill();
        int taken = (int) Math.min(wanted, Math.floor(tokens));
        tokens -= taken;
        return taken;
    }

    /** Gives back tokens taken for mails that were not offered after all. */
    public void giveBack(int unused) {
        tokens = Math.min(perSecond, tokens + unused);
    }

    /** How long until the next token. */
    public Duration untilNext() {
        refill();
        if (tokens >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) * 1e9 / perSecond));
    }

    private void refill() {
        long now = nanos();
        long elapsed = now - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(perSecond, tokens + elapsed * perSecond / 1e9);
            lastNanos = now;
        }
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
