package be.socialeinnovatiefabriek.radicale.vote.voting;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link RateLimits} in memory, for one process (the local server). Holds at most {@code maxKeys} buckets:
 * beyond that the one used least recently is forgotten, so a flood of distinct keys cannot grow memory
 * without bound. Forgetting a bucket only forgives its key the requests it made lately.
 */
public final class MemoryRateLimits implements RateLimits {

    /** Buckets kept by default: about 20 MB at most, more clients than a campaign sees in an hour. */
    public static final int DEFAULT_MAX_KEYS = 100_000;

    private final Map<String, Instant> buckets;

    public MemoryRateLimits() {
        this(DEFAULT_MAX_KEYS);
    }

    public MemoryRateLimits(int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("keep at least one bucket");
        }
        // Access order: each use moves a bucket to the end, so the eldest is the stalest.
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > maxKeys;
            }
        };
    }

    @Override
    public synchronized Duration take(Rule rule, String key, Instant now) {
        String bucket = rule.name() + "#" + key;
        Instant tat = buckets.get(bucket);
        Instant next = rule.next(tat, now);
        if (next == null) {
            return rule.wait(tat, now);
        }
        buckets.put(bucket, next);
        return Duration.ZERO;
    }

    @Override
    public synchronized void giveBack(Rule rule, String key, Instant now) {
        buckets.computeIfPresent(rule.name() + "#" + key, (bucket, tat) -> tat.minus(rule.interval()));
    }

    /** How many buckets are kept now. */
    public synchronized int size() {
        return buckets.size();
    }
}
