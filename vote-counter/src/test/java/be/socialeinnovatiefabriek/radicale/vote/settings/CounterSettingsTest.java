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

        assertEquals(5, invalid.problems().size(), invalid.getMessage());
        assertTrue(invalid.problems().get(0).startsWith("VOTE_HMAC_KEY must be a secret of at least 32 characters (got 5)"));
        assertTrue(invalid.problems().get(1).startsWith("VOTE_ADMIN_TOKEN"));
        assertTrue(invalid.problems().get(2).contains("'https://radicalevernieuwers.be/nl/' is not an origin"));
        assertTrue(invalid.problems().get(3).startsWith("VOTE_PUBLIC_URL"));
        assertTrue(invalid.problems().get(4).startsWith("VOTE_RATE_IP_PER_MINUTE must be a whole number above 0 (got 'ten'"));
        assertTrue(invalid.getMessage().startsWith("5 problems in the vote counter's settings: "));
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
        assertEquals(3, invalid.problems().size(), invalid.getMessage());
        assertTrue(invalid.problems().get(0).startsWith("VOTE_RATE_IP_BURST"));
        assertTrue(invalid.problems().get(1).startsWith("VOTE_TRUSTED_PROXIES: 'nginx'"));
        assertTrue(invalid.problems().get(2).startsWith("VOTE_DISPOSABLE_DOMAINS_FILE: /nonexistent/disposable.txt cannot be read"));
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
            assertTrue(invalid.problems().get(0).startsWith("VOTE_CHALLENGE_MAX_NUMBER must be"), invalid.getMessage());
        }
    }
}
