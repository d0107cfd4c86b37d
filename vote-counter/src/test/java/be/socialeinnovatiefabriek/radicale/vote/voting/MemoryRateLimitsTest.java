package be.socialeinnovatiefabriek.radicale.vote.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.voting.RateLimits.Rule;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The local server's rate limits: the contract, and memory that a flood of new keys cannot grow. */
class MemoryRateLimitsTest extends RateLimitsContract {

    @Override
    protected RateLimits newLimits() {
        return new MemoryRateLimits();
    }

    @Test
    void aFloodOfDistinctKeysKeepsMemoryBoundedAndTheBusiestBucketsLimited() {
        MemoryRateLimits limits = new MemoryRateLimits(1_000);
        Rule rule = new Rule("client", 2, Duration.ofMinutes(1));
        Instant now = Instant.parse("2026-11-20T11:00:00Z");
        limits.take(rule, "abuser", now);
        limits.take(rule, "abuser", now);

        for (int i = 0; i < 1_000_000; i++) {
            limits.take(rule, "flood-" + i, now);
            if (i % 100 == 0) {
                assertEquals(Duration.ofMinutes(1), limits.take(rule, "abuser", now), "still limited after " + i + " keys");
            }
        }

        assertEquals(1_000, limits.size());
        assertTrue(limits.take(rule, "flood-0", now).isZero(), "the stalest buckets were forgotten");
    }
}
