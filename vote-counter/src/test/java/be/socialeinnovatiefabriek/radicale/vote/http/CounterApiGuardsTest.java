package be.socialeinnovatiefabriek.radicale.vote.http;

import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.ADMIN_TOKEN;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.AFTER;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.SITE;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.assertRefused;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.page;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.CounterFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What guards the counter: origins, rate limits, the results policy, the admin token, and its routes. */
class CounterApiGuardsTest {

    private static final String VOTES = "/api/campaigns/2026/votes";
    private static final String EXPORT = "/api/admin/campaigns/2026/export.csv";

    @TempDir
    Path directory;
    CounterFixture counter;

    @BeforeEach
    void start() throws IOException {
        counter = new CounterFixture(directory, 10, 3, 2);
    }

    @AfterEach
    void stop() {
        counter.close();
    }

    private ApiResponse vote(String email, String clientIp) {
        return counter.post(VOTES, "application/json", "{\"nominee\": \"papillon\", \"email\": \"" + email + "\"}",
                Map.of("Origin", SITE), clientIp);
    }

    @Test
    void aVoteFromTheSiteGetsCorsHeadersAndOneFromElsewhereIsRefused() {
        ApiResponse fromSite = vote("ann@example.be", "192.0.2.1");
        ApiResponse fromElsewhere = counter.post(VOTES, "application/x-www-form-urlencoded",
                "nominee=papillon&email=bob%40example.be", Map.of("Origin", "https://evil.example"), "192.0.2.1");

        assertEquals(202, fromSite.status());
        assertEquals(SITE, fromSite.headers().get("Access-Control-Allow-Origin"));
        assertEquals("true", fromSite.headers().get("Access-Control-Allow-Credentials"));
        assertRefused(fromElsewhere, 403, "forbidden_origin");
        assertNull(fromElsewhere.headers().get("Access-Control-Allow-Origin"));
        assertEquals(1, counter.mailer.sent.size());
        assertEquals(Map.of(), counter.tallies("2026"));
    }

    @Test
    void aLongForeignOriginIsQuotedCutShort() {
        String origin = "https://" + "a".repeat(5_000) + ".example";

        ApiResponse refused = counter.post(VOTES, "application/json", "{\"nominee\": \"papillon\"}",
                Map.of("Origin", origin), "192.0.2.1");

        assertRefused(refused, 403, "forbidden_origin");
        String message = counter.body(refused).path("message").asText();
        assertTrue(message.contains("https://" + "a".repeat(92) + "..."), message);
        assertTrue(message.length() < 200, message);
    }

    @Test
    void aPreflightIsAnsweredOnlyForTheSite() {
        ApiResponse allowed = counter.api.handle(new ApiRequest("OPTIONS", VOTES, Map.of(),
                Map.of("origin", SITE, "access-control-request-method", "POST"), new byte[0], "192.0.2.1"));
        ApiResponse foreign = counter.api.handle(new ApiRequest("OPTIONS", VOTES, Map.of(),
                Map.of("origin", "https://evil.example", "access-control-request-method", "POST"), new byte[0], "192.0.2.1"));

        assertEquals(204, allowed.status());
        assertEquals(SITE, allowed.headers().get("Access-Control-Allow-Origin"));
        assertEquals("GET, POST", allowed.headers().get("Access-Control-Allow-Methods"));
        assertEquals("Content-Type", allowed.headers().get("Access-Control-Allow-Headers"));
        assertRefused(foreign, 403, "forbidden_origin");
        assertNull(foreign.headers().get("Access-Control-Allow-Origin"));
    }

    @Test
    void aClientThatSubmitsTooFastIsToldWhenToComeBack() {
        for (int i = 0; i < 3; i++) {
            assertEquals(202, vote("voter" + i + "@example.be", "198.51.100.7").status());
        }

        ApiResponse fourth = vote("voter3@example.be", "198.51.100.7");
        ApiResponse otherClient = vote("voter3@example.be", "198.51.100.8");
        counter.clock.set(CounterFixture.OPEN.plusSeconds(6));
        ApiResponse later = vote("voter4@example.be", "198.51.100.7");

        assertRefused(fourth, 429, "rate_limited");
        assertEquals("6", fourth.headers().get("Retry-After"), "10 a minute: one every 6 seconds");
        assertEquals(202, otherClient.status());
        assertEquals(202, later.status());
        assertEquals(5, counter.mailer.sent.size());
        assertEquals(Map.of(), counter.tallies("2026"));
    }

    @Test
    void anAddressGetsFewMailsAnHourWhateverTheClient() {
        assertEquals(202, vote("ann@example.be", "192.0.2.1").status());
        assertEquals(202, vote("Ann+1@example.be", "192.0.2.2").status());

        ApiResponse third = vote("ANN@example.be", "192.0.2.3");
        ApiResponse thirdForm = counter.post(VOTES, "application/x-www-form-urlencoded",
                "nominee=papillon&email=ann%40example.be&lang=fr", Map.of(), "192.0.2.4");

        assertRefused(third, 429, "rate_limited");
        assertEquals("1800", third.headers().get("Retry-After"), "2 an hour: one every 30 minutes");
        assertEquals(303, thirdForm.status());
        assertEquals(page("fr", "problem"), thirdForm.headers().get("Location"));
        assertEquals(2, counter.mailer.sent.size());
        assertEquals(Map.of(), counter.tallies("2026"));
    }

    @Test
    void resultsAfterClosingAreHiddenUntilTheClose() {
        counter.api.handle(new ApiRequest("POST", "/api/votes/confirm", Map.of(), Map.of("content-type", "application/json"),
                ("{\"token\": \"" + counter.submit("papillon", "ann@example.be") + "\"}").getBytes(), "192.0.2.1"));

        ApiResponse during = counter.get("/api/campaigns/2026/results");
        counter.clock.set(AFTER);
        ApiResponse after = counter.get("/api/campaigns/2026/results");

        assertRefused(during, 403, "results_hidden");
        assertEquals(200, after.status());
        assertEquals("{\"id\":\"2026\",\"tallies\":{\"papillon\":1,\"armentekort\":0,\"sociale-garage\":0},\"total\":1}",
                text(after));
        assertEquals(Map.of("papillon", 1L), counter.tallies("2026"), "reading results changes nothing");
    }

    @Test
    void liveResultsAreVisibleWhileVotingIsOpen() {
        counter.voteWithoutMail("armentekort");

        ApiResponse during = counter.get("/api/campaigns/2027/results");

        assertEquals(200, during.status());
        assertEquals("{\"id\":\"2027\",\"tallies\":{\"papillon\":0,\"armentekort\":1,\"sociale-garage\":0},\"total\":1}",
                text(during));
    }

    @Test
    void theExportNeedsTheAdminTokenAndListsTalliesAndTheAuditTrail() {
        String token = counter.submit("papillon", "ann@example.be");
        counter.postJson("/api/votes/confirm", "{\"token\": \"" + token + "\"}");

        ApiResponse export = counter.get(EXPORT, Map.of(), Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
        ApiResponse wrong = counter.get(EXPORT, Map.of(), Map.of("Authorization", "Bearer " + ADMIN_TOKEN + "x"));
        ApiResponse missing = counter.get(EXPORT);

        assertEquals(200, export.status(), text(export));
        assertEquals("text/csv; charset=utf-8", export.headers().get("Content-Type"));
        String[] lines = text(export).split("\r\n");
        assertEquals("nominee,votes", lines[0]);
        assertEquals("papillon,1", lines[1]);
        assertEquals("total,1", lines[4]);
        int audit = java.util.Arrays.asList(lines).indexOf("counted_at,nominee,voter_hash");
        assertEquals("", lines[audit - 1], "the audit trail is a section of its own");
        assertTrue(lines[audit + 1].matches("2026-11-20T11:00:00Z,papillon,[0-9a-f]{64}"), lines[audit + 1]);
        assertEquals(audit + 2, lines.length, "the audit trail is the last section");
        assertTrue(!text(export).contains("ann"), "no address in the export");
        assertRefused(wrong, 401, "unauthorized");
        assertEquals("Bearer", wrong.headers().get("WWW-Authenticate"));
        assertRefused(missing, 401, "unauthorized");
        assertEquals(Map.of("papillon", 1L), counter.tallies("2026"));
    }

    @Test
    void anUnknownAddressOrMethodIsRefused() {
        assertRefused(counter.get("/api/nothing"), 404, "not_found");
        ApiResponse wrongMethod = counter.get(VOTES);
        assertRefused(wrongMethod, 405, "method_not_allowed");
        assertEquals("POST", wrongMethod.headers().get("Allow"));
        assertRefused(counter.postJson("/api/campaigns/2026", "{}"), 405, "method_not_allowed");
    }

    @Test
    void aBallotRebuiltWithABrokenFileIsReportedAsTheServersFault() throws IOException {
        java.nio.file.Files.writeString(directory.resolve("ballots/2026.json"), "{\"id\": \"2026\", \"nominees\": [");

        assertRefused(counter.get("/api/campaigns/2026"), 500, "server_error");
        assertRefused(vote("ann@example.be", "192.0.2.1"), 500, "server_error");
        assertTrue(counter.mailer.sent.isEmpty());
    }

    @Test
    void aLinkMailedJustBeforeClosingCountsUntilTheClose() {
        counter.clock.set(java.time.Instant.parse("2026-11-30T12:00:00Z"));
        String early = counter.submit("papillon", "ann@example.be");
        String late = counter.submit("papillon", "bob@example.be");

        counter.clock.set(java.time.Instant.parse("2026-11-30T22:58:59Z"));
        ApiResponse beforeClose = counter.postJson("/api/votes/confirm", "{\"token\": \"" + early + "\"}");
        counter.clock.set(java.time.Instant.parse("2026-11-30T22:59:00Z"));
        ApiResponse atClose = counter.postJson("/api/votes/confirm", "{\"token\": \"" + late + "\"}");

        assertEquals(200, beforeClose.status(), text(beforeClose));
        assertRefused(atClose, 403, "voting_closed");
        assertEquals(Map.of("papillon", 1L), counter.tallies("2026"));
    }
}
