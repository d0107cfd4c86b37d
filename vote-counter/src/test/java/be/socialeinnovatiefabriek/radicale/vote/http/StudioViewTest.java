package be.socialeinnovatiefabriek.radicale.vote.http;

import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.ADMIN_TOKEN;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.assertRefused;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.CounterFixture;
import be.socialeinnovatiefabriek.radicale.vote.voting.LiveCount;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio view of a broadcast: the numbers only for the admin token, sent as a bearer header (never in the
 * address), equal to the tally and counted per minute; the page in nl, fr and en with a strict CSP and no inline
 * script; nothing cached anywhere; and the public results still hidden until the close, then equal to the studio's.
 */
class StudioViewTest {

    private static final String DATA = "/api/admin/campaigns/2026/studio.json";
    private static final String PAGE = "/api/admin/campaigns/2026/studio";
    /** 10:00:00 UTC on a voting day of edition 2026 (open from 15 to 30 November 2026). */
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private CounterFixture counter;

    @BeforeEach
    void openCounter(@TempDir Path directory) throws Exception {
        counter = new CounterFixture(directory);
    }

    @AfterEach
    void closeCounter() {
        counter.store.close();
    }

    private ApiResponse data(String authorization) {
        Map<String, String> headers = new HashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return counter.get(DATA, Map.of(), headers);
    }

    /** A confirmed vote for {@code nominee} by a new voter at {@code at}. */
    private void vote(String nominee, Instant at, int voter) {
        counter.clock.set(at);
        String token = counter.submit(nominee, "voter" + voter + "@example.org");
        ApiResponse counted = counter.postJson("/api/votes/confirm", "{\"token\": \"" + token + "\"}");
        assertEquals(200, counted.status(), text(counted));
    }

    private void castVotes() {
        vote("papillon", T0.plusSeconds(5), 1);
        vote("papillon", T0.plusSeconds(50), 2);
        vote("armentekort", T0.plusSeconds(59), 3);
        vote("papillon", T0.plusSeconds(60), 4);
        vote("sociale-garage", T0.plusSeconds(9 * 60 + 30), 5);
        vote("papillon", T0.plusSeconds(9 * 60 + 31), 6);
    }

    @Test
    void withoutTheTokenNothingIsRevealed() {
        castVotes();
        List<ApiResponse> refused = List.of(data(null), data(""), data("Bearer "), data("Bearer    "),
                data("Basic " + ADMIN_TOKEN), data(ADMIN_TOKEN), data("Token " + ADMIN_TOKEN),
                counter.get(DATA, Map.of("token", ADMIN_TOKEN, "access_token", ADMIN_TOKEN), Map.of()),
                counter.get(DATA, Map.of(), Map.of("Cookie", "token=" + ADMIN_TOKEN)));

        for (ApiResponse response : refused) {
            assertRefused(response, 401, "unauthorized");
            assertEquals("Bearer", response.headers().get("WWW-Authenticate"));
            assertNothingRevealed(response);
        }
    }

    @Test
    void aWrongTokenIsForbiddenAndRevealsNothing() {
        castVotes();
        for (String wrong : List.of("x", ADMIN_TOKEN + "x", ADMIN_TOKEN.substring(1), ADMIN_TOKEN.toUpperCase(),
                "a".repeat(100_000), ADMIN_TOKEN + "\r\nX-Injected: 1", "\u0000" + ADMIN_TOKEN, "' OR '1'='1")) {
            ApiResponse response = data("Bearer " + wrong);

            assertRefused(response, 403, "forbidden");
            assertNothingRevealed(response);
        }
    }

    @Test
    void anUnknownOrMalformedEditionIsNotConfirmedToAStranger() {
        assertRefused(counter.get("/api/admin/campaigns/1999/studio.json"), 401, "unauthorized");
        assertRefused(counter.get("/api/admin/campaigns/1999/studio.json", Map.of(), Map.of("Authorization",
                "Bearer " + ADMIN_TOKEN)), 404, "unknown_campaign");
        assertRefused(counter.get("/api/admin/campaigns/..%2F2026/studio.json"), 404, "unknown_campaign");
        assertRefused(counter.get("/api/admin/campaigns/2026%3Cscript%3E/studio"), 404, "unknown_campaign");
    }

    private static void assertNothingRevealed(ApiResponse response) {
        String body = text(response);
        assertFalse(body.contains("papillon") || body.contains("Papillon") || body.contains("votes\":"), body);
        assertEquals("no-store", response.headers().get("Cache-Control"));
    }

    @Test
    void withTheTokenTheNumbersAreTheTallyAndCountedPerMinute() {
        castVotes();
        counter.clock.set(T0.plusSeconds(9 * 60 + 45));

        ApiResponse response = data("Bearer " + ADMIN_TOKEN);

        assertEquals(200, response.status(), text(response));
        assertEquals("no-store", response.headers().get("Cache-Control"));
        JsonNode body = counter.body(response);
        assertEquals("open", body.path("phase").asText(), "voting is open: the numbers are embargoed, not hidden");
        assertEquals(6, body.path("total").asLong());
        Map<String, Long> tallies = counter.tallies("2026");
        assertEquals(Map.of("papillon", 4L, "armentekort", 1L, "sociale-garage", 1L), tallies);
        for (JsonNode nominee : body.path("nominees")) {
            assertEquals(tallies.getOrDefault(nominee.path("id").asText(), 0L), nominee.path("votes").asLong(),
                    nominee.toString());
        }
        JsonNode papillon = body.path("nominees").get(0);
        assertEquals("papillon", papillon.path("id").asText());
        assertEquals("Papillon", papillon.path("name").path("fr").asText());
        assertEquals(1, papillon.path("thisMinute").asLong(), "10:09 so far");
        assertEquals(4, papillon.path("last10Minutes").asLong(), "10:00 to 10:09, the current minute included");
        assertEquals("Garage social", body.path("nominees").get(2).path("name").path("fr").asText());

        JsonNode minutes = body.path("minutes");
        assertEquals(LiveCount.MINUTES, minutes.size());
        assertEquals("2026-11-20T10:09:00Z", minutes.get(59).path("minute").asText(), "the current minute last");
        assertEquals("2026-11-20T09:10:00Z", minutes.get(0).path("minute").asText());
        Map<String, String> expected = Map.of(
                "2026-11-20T10:00:00Z", "{\"papillon\":2,\"armentekort\":1}",
                "2026-11-20T10:01:00Z", "{\"papillon\":1}",
                "2026-11-20T10:09:00Z", "{\"papillon\":1,\"sociale-garage\":1}"); // in the ballot's order
        long sum = 0;
        for (JsonNode minute : minutes) {
            String votes = minute.path("votes").toString();
            assertEquals(expected.getOrDefault(minute.path("minute").asText(), "{}"), votes, minute.toString());
            sum += minute.path("total").asLong();
        }
        assertEquals(6, sum, "every vote of the last hour, in its minute");
    }

    @Test
    void minutesOlderThanAnHourLeaveTheWindowButNotTheTotal() {
        castVotes();
        counter.clock.set(T0.plusSeconds(70 * 60));

        JsonNode body = counter.body(data("Bearer " + ADMIN_TOKEN));

        assertEquals(6, body.path("total").asLong());
        assertEquals("2026-11-20T10:11:00Z", body.path("minutes").get(0).path("minute").asText());
        long sum = 0;
        for (JsonNode minute : body.path("minutes")) {
            sum += minute.path("total").asLong();
        }
        assertEquals(0, sum);
    }

    @Test
    void thePublicResultsStayHiddenUntilTheCloseThenEqualTheStudiosNumbers() {
        castVotes();
        assertRefused(counter.get("/api/campaigns/2026/results"), 403, "results_hidden");

        counter.clock.set(CounterFixture.AFTER);
        JsonNode results = counter.body(counter.get("/api/campaigns/2026/results"));
        JsonNode studio = counter.body(data("Bearer " + ADMIN_TOKEN));

        assertEquals("results", studio.path("phase").asText());
        assertEquals(results.path("total").asLong(), studio.path("total").asLong());
        for (JsonNode nominee : studio.path("nominees")) {
            assertEquals(results.path("tallies").path(nominee.path("id").asText()).asLong(), nominee.path("votes").asLong());
        }
    }

    @Test
    void thePageComesInEachLanguageWithAStrictPolicyAndNoInlineScript() {
        Map<String, String> headings = Map.of("nl", "Live telling", "fr", "Décompte en direct", "en", "Live count");
        Map<String, Map<String, String>> asked = Map.of(
                "nl", Map.of(), "fr", Map.of("lang", "fr"), "en", Map.of("lang", "en"));
        for (Map.Entry<String, Map<String, String>> entry : asked.entrySet()) {
            ApiResponse response = counter.get(PAGE, entry.getValue(), Map.of());
            String html = text(response);
            String lang = entry.getKey();

            assertEquals(200, response.status());
            assertEquals("text/html; charset=utf-8", response.headers().get("Content-Type"));
            assertEquals(StudioView.CSP, response.headers().get("Content-Security-Policy"));
            assertTrue(StudioView.CSP.contains("script-src 'self'") && !StudioView.CSP.contains("unsafe"));
            assertEquals("no-store", response.headers().get("Cache-Control"));
            assertEquals("no-referrer", response.headers().get("Referrer-Policy"));
            assertTrue(html.contains("<html lang=\"" + lang + "\">"), html);
            assertTrue(html.contains("<h1>" + headings.get(lang) + " 2026</h1>"), html);
            assertTrue(html.contains("<script src=\"/api/admin/studio/studio.js\" defer></script>"));
            assertEquals(1, Pattern.compile("<script").matcher(html).results().count(), "one script, from a file");
            assertFalse(Pattern.compile("(?i)\\son[a-z]+=|\\sstyle=|<style").matcher(html).find(), "no inline handler or style");
            assertFalse(html.contains("Papillon"), "the page holds no data; the script fetches it with the token");
            assertTrue(html.contains("data-text-wrong-token=\""), html);
        }
        assertTrue(text(counter.get(PAGE, Map.of(), Map.of("Accept-Language", "fr-BE,fr;q=0.9"))).contains("lang=\"fr\""));
        assertTrue(text(counter.get(PAGE, Map.of("lang", "\"><script>alert(1)</script>"), Map.of()))
                .contains("<html lang=\"nl\">"), "an unknown language is the default one, never echoed");
    }

    @Test
    void theFrenchPageKeepsFrenchTypography() {
        String html = text(counter.get(PAGE, Map.of("lang", "fr"), Map.of()));

        assertTrue(html.contains("Sous embargo\u00a0: n&#39;annoncez"), html);
    }

    @Test
    void thePagesScriptAndStyleAreServedByTheCounter() {
        ApiResponse script = counter.get("/api/admin/studio/studio.js");
        ApiResponse style = counter.get("/api/admin/studio/studio.css");

        assertEquals(200, script.status());
        assertEquals("text/javascript; charset=utf-8", script.headers().get("Content-Type"));
        assertTrue(text(script).contains("'Bearer ' + token"), "the token travels in a header");
        assertFalse(text(script).contains("innerHTML"), "data is written as text, never as markup");
        assertEquals(200, style.status());
        assertEquals("text/css; charset=utf-8", style.headers().get("Content-Type"));
        assertEquals("no-store", style.headers().get("Cache-Control"));
        assertRefused(counter.get("/api/admin/studio/../export.csv"), 404, "not_found");
        assertRefused(counter.post(DATA, null, "", Map.of("Authorization", "Bearer " + ADMIN_TOKEN), "192.0.2.1"),
                405, "method_not_allowed");
    }
}
