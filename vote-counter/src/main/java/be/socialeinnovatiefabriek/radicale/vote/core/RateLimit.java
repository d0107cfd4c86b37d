package be.socialeinnovatiefabriek.radicale.vote.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets per key (a hashed client or address), in memory: each key may take {@code burst} at
 * once and then one more per {@code interval}. Full buckets are forgotten when the map grows large.
 */
final class RateLimit {

    private static final int FORGET_ABOVE = 100_000;

    private final double burst;
    private final long intervalNanos;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();

    RateLimit(int burst, Duration interval, Clock clock) {
        this.burst = burst;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
    }

    /** Takes one token for {@code key}: 0 when allowed, else the seconds to wait before the next one. */
    long take(String key) {
        long now = nanos();
        long swept = lastSweep.get();
        if (buckets.size() > FORGET_ABOVE && now - swept > 1_000_000_000L && lastSweep.compareAndSet(swept, now)) {
            buckets.values().removeIf(bucket -> bucket.full(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, now)).take(now);
    }

    private long nanos() {
        // The clock's instant, so that tests and --now move rate limits as they move the vote window.
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double missingNanos = (1 - tokens) * intervalNanos;
            return Math.max(1, (long) Math.ceil(missingNanos / 1e9));
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            if (now > updated) {
                tokens = Math.min(burst, tokens + (double) (now - updated) / intervalNanos);
                updated = now;
            }
        }
    }
}
