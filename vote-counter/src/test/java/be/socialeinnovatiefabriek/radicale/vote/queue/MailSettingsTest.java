package be.socialeinnovatiefabriek.radicale.vote.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.TestClock;
import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sender's settings, its back-off and its sending rate. */
class MailSettingsTest {

    @Test
    void withoutSettingsTheDefaultsHold() {
        List<Problem> problems = new ArrayList<>();

        assertEquals(MailSettings.DEFAULTS, MailSettings.fromEnvironment(Map.of(), problems));
        assertEquals(List.of(), problems);
        assertEquals(new MailSettings(14, 8, Duration.ofSeconds(30), Duration.ofMinutes(15)), MailSettings.DEFAULTS);
    }

    @Test
    void everyWrongSettingIsNamedWithWhatToWrite() {
        List<Problem> problems = new ArrayList<>();

        MailSettings.fromEnvironment(Map.of("VOTE_MAIL_PER_SECOND", "0", "VOTE_MAIL_MAX_ATTEMPTS", "many",
                "VOTE_MAIL_RETRY_SECONDS", "600", "VOTE_MAIL_RETRY_MAX_SECONDS", "60"), problems);

        assertEquals(3, problems.size(), problems.toString());
        assertEquals("VOTE_MAIL_PER_SECOND: must be a whole number from 1 to 100000 (got '0'); leave it out for the "
                + "default, 14", problems.get(0).toString());
        assertEquals("VOTE_MAIL_MAX_ATTEMPTS", problems.get(1).where());
        assertTrue(problems.get(1).what().contains("'many'"), problems.get(1).toString());
        assertEquals("VOTE_MAIL_RETRY_MAX_SECONDS: is below VOTE_MAIL_RETRY_SECONDS (60 < 600); it caps the wait between "
                + "two attempts at a mail: make it at least 600", problems.get(2).toString());
    }

    @Test
    void theWaitDoublesAfterEachFailedAttemptUpToItsCap() {
        MailSettings settings = new MailSettings(14, 8, Duration.ofSeconds(30), Duration.ofMinutes(15));

        List<Long> waits = new ArrayList<>();
        for (int attempts = 1; attempts <= 8; attempts++) {
            waits.add(settings.delayAfter(attempts).toSeconds());
        }

        assertEquals(List.of(30L, 60L, 120L, 240L, 480L, 900L, 900L, 900L), waits);
        assertEquals(900, settings.delayAfter(Integer.MAX_VALUE).toSeconds(), "no overflow");
    }

    @Test
    void theRateHoldsOneSecondsWorthAndRefillsAsTheClockMoves() {
        TestClock clock = new TestClock(Instant.parse("2026-11-20T11:00:00Z"));
        SendRate rate = new SendRate(10, clock);

        assertEquals(10, rate.takeUpTo(50), "a second's worth at once");
        assertEquals(0, rate.takeUpTo(1));
        assertEquals(Duration.ofMillis(100), rate.untilNext());
        clock.set(clock.instant().plusMillis(250));
        assertEquals(2, rate.takeUpTo(50));
        clock.set(clock.instant().plusSeconds(3600));
        assertEquals(10, rate.takeUpTo(50), "a quiet hour does not save up more than a second's worth");
        rate.giveBack(4);
        assertEquals(4, rate.takeUpTo(50), "tokens taken for mails not offered come back");
    }
}
