package be.socialeinnovatiefabriek.radicale.vote.voting;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the counter keeps its rate-limit budgets: a token bucket per rule and key (a hashed client or
 * address) that holds {@link Rule#burst()} requests and gains one every {@link Rule#interval()}. Kept as one
 * instant per bucket (the generic cell rate algorithm): the theoretical arrival time, when the bucket would
 * be full again. Every implementation passes {@code RateLimitsContract}: in memory for the local server,
 * DynamoDB on Lambda, where every instance of the function shares the budgets.
 */
public interface RateLimits {

    /** Takes one request from the bucket of {@code key}: {@link Duration#ZERO} when allowed, else the wait. */
    Duration take(Rule rule, String key, Instant now);

    /** Puts back one request taken from the bucket of {@code key}, whose work did not happen (a mail not sent). */
    void giveBack(Rule rule, String key, Instant now);

    /**
     * A budget: {@code burst} requests at once, then one more every {@code interval}.
     *
     * @param name part of each bucket's key, so that rules never share a bucket
     */
    record Rule(String name, int burst, Duration interval) {

        public Rule {
            if (burst < 1 || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("a rule allows at least one request per positive interval");
            }
        }

        /** How far the theoretical arrival time may run ahead of now while a request is still allowed. */
        public Duration tolerance() {
            return interval.multipliedBy(burst - 1L);
        }

        /**
         * The decision for a bucket whose theoretical arrival time is {@code tat} (null for a full bucket): the
         * new arrival time when allowed, or null.
         */
        public Instant next(Instant tat, Instant now) {
            Instant from = tat == null || tat.isBefore(now) ? now : tat;
            return Duration.between(now, from).compareTo(tolerance()) <= 0 ? from.plus(interval) : null;
        }

        /** How long a refused request waits for the bucket whose theoretical arrival time is {@code tat}. */
        public Duration wait(Instant tat, Instant now) {
            Duration wait = Duration.between(now, tat.minus(tolerance()));
            return wait.isNegative() || wait.isZero() ? Duration.ofNanos(1) : wait;
        }
    }
}
