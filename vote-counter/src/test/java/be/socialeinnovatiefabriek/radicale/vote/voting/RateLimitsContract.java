package be.socialeinnovatiefabriek.radicale.vote.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.socialeinnovatiefabriek.radicale.vote.voting.RateLimits.Rule;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimits} does: a bucket gives its burst, then one request an interval, says exactly
 * how long to wait, takes back what is given back, and never allows more than its rule to concurrent callers.
 * Times start at the real clock and move forward (DynamoDB Local removes items by TTL on its own real clock).
 */
public abstract class RateLimitsContract {

    private static final Rule CLIENT = new Rule("client", 3, Duration.ofSeconds(6));
    private static final Rule ADDRESS = new Rule("address", 1, Duration.ofHours(1));

    private RateLimits limits;
    private Instant now;

    /** A new, empty implementation for one test. */
    protected abstract RateLimits newLimits();

    @BeforeEach
    void start() {
        limits = newLimits();
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private Duration take(Rule rule, String key) {
        return limits.take(rule, key, now);
    }

    @Test
    void aBucketGivesItsBurstAtOnceThenOneRequestAnInterval() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, take(CLIENT, "ann"), "request " + (i + 1) + " of the burst");
        }
        assertEquals(Duration.ofSeconds(6), take(CLIENT, "ann"));
        now = now.plusSeconds(2);
        assertEquals(Duration.ofSeconds(4), take(CLIENT, "ann"), "the wait counts down");
        now = now.plusSeconds(4);
        assertEquals(Duration.ZERO, take(CLIENT, "ann"));
        assertEquals(Duration.ofSeconds(6), take(CLIENT, "ann"));
    }

    @Test
    void aBucketLeftAloneFillsUpToItsBurstAndNoFurther() {
        take(CLIENT, "ann");
        now = now.plus(Duration.ofHours(5));

        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, take(CLIENT, "ann"));
        }
        assertEquals(Duration.ofSeconds(6), take(CLIENT, "ann"));
    }

    @Test
    void keysAndRulesHaveBucketsOfTheirOwn() {
        assertEquals(Duration.ZERO, take(ADDRESS, "ann"));

        assertEquals(Duration.ofHours(1), take(ADDRESS, "ann"));
        assertEquals(Duration.ZERO, take(ADDRESS, "bob"));
        assertEquals(Duration.ZERO, take(CLIENT, "ann"));
    }

    @Test
    void aRequestGivenBackCanBeTakenAgain() {
        assertEquals(Duration.ZERO, take(ADDRESS, "ann"));
        limits.giveBack(ADDRESS, "ann", now);
        now = now.plusSeconds(1);

        assertEquals(Duration.ZERO, take(ADDRESS, "ann"));
        assertEquals(Duration.ofHours(1), take(ADDRESS, "ann"));
    }

    @Test
    void givingBackMoreThanWasTakenNeverGrowsTheBurst() {
        limits.giveBack(CLIENT, "new", now);
        take(CLIENT, "old");
        now = now.plusSeconds(60);
        limits.giveBack(CLIENT, "old", now);
        limits.giveBack(CLIENT, "old", now);

        for (String key : List.of("new", "old")) {
            for (int i = 0; i < 3; i++) {
                assertEquals(Duration.ZERO, take(CLIENT, key));
            }
            assertEquals(Duration.ofSeconds(6), take(CLIENT, key), key);
        }
    }

    @Test
    void concurrentCallersNeverGetMoreThanTheBurst() throws Exception {
        Rule rule = new Rule("burst", 5, Duration.ofMinutes(1));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Duration>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(threads.submit(() -> limits.take(rule, "crowd", now)));
            }
            int allowed = 0;
            for (Future<Duration> answer : answers) {
                allowed += answer.get().isZero() ? 1 : 0;
            }
            assertEquals(5, allowed);
        } finally {
            threads.shutdownNow();
        }
    }
}
