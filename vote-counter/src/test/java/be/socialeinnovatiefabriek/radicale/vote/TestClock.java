package be.socialeinnovatiefabriek.radicale.vote;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock that tests set and move by hand. A test whose parts keep their own time (DynamoDB Local sweeps
 * expired items by the real clock) starts it at {@link #realNow()}; a fixed date is only for parts that
 * take every instant from this clock.
 */
public final class TestClock extends Clock {

    private volatile Instant now;

    public TestClock(Instant now) {
        this.now = now;
    }

    /** A clock that starts at the real current moment, for tests beside a component with its own clock. */
    public static TestClock startingNow() {
        return new TestClock(realNow());
    }

    /** The real current moment, to whole seconds (what DynamoDB keeps for TTL). */
    public static Instant realNow() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advanceSeconds(long seconds) {
        now = now.plusSeconds(seconds);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
