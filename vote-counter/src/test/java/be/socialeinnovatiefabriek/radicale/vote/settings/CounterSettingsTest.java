package be.socialeinnovatiefabriek.radicale.vote.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings come from the environment, and every problem in it is reported at once. */
class CounterSettingsTest {

    private static final Map<String, String> GOOD = Map.of(
            "VOTE_HMAC_KEY", "k".repeat(32),
            "VOTE_ADMIN_TOKEN", "a".repeat(16),
            "VOTE_ALLOWED_ORIGINS", "https://radicalevernieuwers.be, http://localhost:8080",
            "VOTE_PUBLIC_URL", "https://stem.radicalevernieuwers.be/");

    @Test
    void goodSettingsAreReadWithDefaultRateLimits() {
        CounterSettings settings = CounterSettings.fromEnvironment(GOOD);

        assertEquals(List.of("https://radicalevernieuwers.be", "http://localhost:8080"), settings.allowedOrigins());
        assertEquals(URI.create("https://stem.radicalevernieuwers.be"), settings.publicUrl());
        assertEquals(10, settings.submissionsPerIpPerMinute());
        assertEquals(20, settings.submissionBurstPerIp());
        assertEquals(3, settings.submissionsPerAddressPerHour());
        assertTrue(settings.acceptedOrigins().contains("https://stem.radicalevernieuwers.be"), "its own confirmation page");
        assertFalse(settings.acceptedOrigins().contains("https://radicalevernieuwers.be.evil.example"));
        assertFalse(settings.toString().contains("kkkk"), "no secret in a log line");
    }

    @Test
    void everyProblemIsReportedTogether() {
        InvalidSettings invalid = assertThrows(InvalidSettings.class, () -> CounterSettings.fromEnvironment(Map.of(
                "VOTE_HMAC_KEY", "short",
                "VOTE_ALLOWED_ORIGINS", "https://radicalevernieuwers.be/nl/",
                "VOTE_PUBLIC_URL", "stem.radicalevernieuwers.be",
                "VOTE_RATE_IP_PER_MINUTE", "ten")));

        assertEquals(List.of("VOTE_HMAC_KEY", "VOTE_ADMIN_TOKEN", "VOTE_ALLOWED_ORIGINS", "VOTE_PUBLIC_URL",
                "VOTE_RATE_IP_PER_MINUTE"), invalid.problems().stream().map(Problem::where).toList(), invalid.getMessage());
        assertEquals(new Problem("VOTE_HMAC_KEY", "must be a secret of at least 32 characters (got 5)",
                "generate one with `openssl rand -base64 48`"), invalid.problems().get(0));
        assertEquals("'https://radicalevernieuwers.be/nl/' is not an origin", invalid.problems().get(2).what());
        assertEquals("VOTE_RATE_IP_PER_MINUTE: must be a whole number above 0 (got 'ten'); leave it out for the default, 10",
                invalid.problems().get(4).toString());
        assertTrue(invalid.getMessage().startsWith("5 problems in the vote counter's settings: (1) VOTE_HMAC_KEY: must be "),
                invalid.getMessage());
        assertTrue(invalid.getMessage().contains(" (5) VOTE_RATE_IP_PER_MINUTE: "), invalid.getMessage());
        assertFalse(invalid.getMessage().contains("\n"), "one line: " + invalid.getMessage());
    }

    @Test
    void proxiesAndThrowawayDomainsAreReadWithTheRestAndTheirMistakesReportedTogether() {
        Map<String, String> env = new java.util.HashMap<>(GOOD);
        env.put("VOTE_TRUSTED_PROXIES", "127.0.0.1, ::1");
        env.put("VOTE_DISPOSABLE_DOMAINS_ALLOW", "yopmail.com");
        CounterSettings settings = CounterSettings.fromEnvironment(env);
        env.put("VOTE_TRUSTED_PROXIES", "nginx");
        env.put("VOTE_DISPOSABLE_DOMAINS_FILE", "/nonexistent/disposable.txt");
        env.put("VOTE_RATE_IP_BURST", "0");

        InvalidSettings invalid = assertThrows(InvalidSettings.class, () -> CounterSettings.fromEnvironment(env));

        assertTrue(settings.trustedProxies().any());
        assertTrue(settings.disposableDomains().listedFor("ann@yopmail.com").isEmpty());
        assertTrue(settings.disposableDomains().listedFor("ann@mailinator.com").isPresent());
        assertTrue(settings.toString().contains("trustedProxies=[127.0.0.1, ::1] via x-forwarded-for"), settings.toString());
        assertEquals(List.of("VOTE_RATE_IP_BURST", "VOTE_TRUSTED_PROXIES", "VOTE_DISPOSABLE_DOMAINS_FILE"),
                invalid.problems().stream().map(Problem::where).toList(), invalid.getMessage());
        assertEquals("'nginx' is not an IP address or CIDR block", invalid.problems().get(1).what());
        assertTrue(invalid.problems().get(2).what().startsWith("/nonexistent/disposable.txt cannot be read"),
                invalid.problems().get(2).what());
    }

    @Test
    void theProofOfWorkHasADefaultAndRefusesAWorkNoPhoneCouldDo() {
        Map<String, String> env = new java.util.HashMap<>(GOOD);
        CounterSettings byDefault = CounterSettings.fromEnvironment(env);
        env.put("VOTE_CHALLENGE_MAX_NUMBER", "50000");
        CounterSettings easier = CounterSettings.fromEnvironment(env);

        assertEquals(CounterSettings.DEFAULT_CHALLENGE_MAX_NUMBER, byDefault.challengeMaxNumber());
        assertEquals(50_000, easier.challengeMaxNumber());
        for (String wrong : List.of("0", "-1", "many", "20000001")) {
            env.put("VOTE_CHALLENGE_MAX_NUMBER", wrong);
            InvalidSettings invalid = assertThrows(InvalidSettings.class, () -> CounterSettings.fromEnvironment(env), wrong);
            assertEquals(1, invalid.problems().size(), invalid.getMessage());
            assertEquals("VOTE_CHALLENGE_MAX_NUMBER", invalid.problems().get(0).where());
            assertTrue(invalid.problems().get(0).what().startsWith("must be"), invalid.getMessage());
        }
    }
}
