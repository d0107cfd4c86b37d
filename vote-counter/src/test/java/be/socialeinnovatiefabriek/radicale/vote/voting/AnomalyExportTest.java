package be.socialeinnovatiefabriek.radicale.vote.voting;

import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.ADMIN_TOKEN;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.OPEN;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.CounterFixture;
import be.socialeinnovatiefabriek.radicale.vote.address.MailboxRules;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.identity.VoterIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The anomaly sections of the admin export after a scripted morning of votes: submissions and counted votes
 * per hour, the frequent mail domains and clients (groups of fewer than five folded into "other"), and how
 * long confirmations took.
 */
class AnomalyExportTest {

    @TempDir
    Path directory;
    CounterFixture counter;
    private final Map<String, String> tokens = new HashMap<>();

    @BeforeEach
    void start() throws IOException {
        counter = new CounterFixture(directory);
    }

    @AfterEach
    void stop() {
        counter.close();
    }

    private void submit(String address, String clientIp) {
        ApiResponse response = counter.post("/api/campaigns/2026/votes", "application/json",
                "{\"nominee\": \"papillon\", \"email\": \"" + address + "\"}", Map.of(), clientIp);
        assertEquals(202, response.status(), text(response));
        tokens.put(address, counter.mailer.lastToken());
    }

    private void confirmAt(String address, Instant at) {
        counter.clock.set(at);
        ApiResponse response = counter.postJson("/api/votes/confirm", "{\"token\": \"" + tokens.get(address) + "\"}");
        assertEquals(200, response.status(), text(response));
    }

    private String export(String campaign) {
        ApiResponse response = counter.get("/api/admin/campaigns/" + campaign + "/export.csv", Map.of(),
                Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
        assertEquals(200, response.status(), text(response));
        return text(response);
    }

    /** The section of {@code csv} that starts with the header line {@code header}, up to its blank line. */
    private static String section(String csv, String header) {
        int start = csv.indexOf("\r\n\r\n" + header + "\r\n");
        assertTrue(start >= 0, "no section " + header + " in\n" + csv);
        int end = csv.indexOf("\r\n\r\n", start + 4);
        return csv.substring(start + 4, end + 2);
    }

    private static String clientHash(String ip) {
        return new VoterIdentity(CounterFixture.HMAC_KEY, MailboxRules.builtIn()).ofClient(ip).substring(0, 16);
    }

    @Test
    void theExportShowsSubmissionsPerHourFrequentDomainsAndClientsAndConfirmationDelays() {
        for (int i = 1; i <= 6; i++) {
            submit("a" + i + "@example.be", "192.0.2.10");
        }
        for (int i = 1; i <= 4; i++) {
            submit("b" + i + "@four.be", "192.0.2.11");
        }
        submit("x@tiny.be", "192.0.2.11");
        counter.clock.set(OPEN.plus(Duration.ofMinutes(30)));
        submit("Z@EXAMPLE.BE", "192.0.2.12");
        confirmAt("a1@example.be", OPEN.plusSeconds(5));
        confirmAt("a2@example.be", OPEN.plusSeconds(120));
        confirmAt("a3@example.be", OPEN.plus(Duration.ofMinutes(70)));
        confirmAt("Z@EXAMPLE.BE", OPEN.plus(Duration.ofMinutes(150)));
        counter.voteWithoutMail("armentekort"); // another edition: not in this export

        String csv = export("2026");

        assertEquals("""
                hour,submissions,counted\r
                2026-11-20T11:00:00Z,12,2\r
                2026-11-20T12:00:00Z,0,1\r
                2026-11-20T13:00:00Z,0,1\r
                """, section(csv, "hour,submissions,counted"));
        assertEquals("""
                mail_domain,submissions\r
                example.be,7\r
                other (2 domains),5\r
                """, section(csv, "mail_domain,submissions"));
        assertEquals("client_hash,submissions\r\n"
                + clientHash("192.0.2.10") + ",6\r\n"
                + clientHash("192.0.2.11") + ",5\r\n"
                + "other (1 client),1\r\n", section(csv, "client_hash,submissions"));
        assertEquals("""
                confirmation_delay,confirmations\r
                under 10s,1\r
                10s to 1min,0\r
                1min to 10min,1\r
                10min to 1h,0\r
                1h to 6h,2\r
                6h or more,0\r
                """, section(csv, "confirmation_delay,confirmations"));
        assertEquals("""
                confirmation_delay_seconds,value\r
                confirmations,4\r
                median,120\r
                p90,7200\r
                max,7200\r
                """, section(csv, "confirmation_delay_seconds,value"));
        assertFalse(csv.contains("192.0.2"), "no client address in the export");
        assertFalse(csv.contains("a1@") || csv.contains("four.be") || csv.contains("tiny.be"),
                "no address, and no domain fewer than five submissions share");
    }

    @Test
    void anEditionWithoutEmailShowsItsSubmissionsAndClientsButNoDomains() {
        for (int i = 0; i < 5; i++) {
            counter.voteWithoutMail(i % 2 == 0 ? "papillon" : "armentekort");
        }

        String csv = export("2027");

        assertEquals("hour,submissions,counted\r\n2026-11-20T11:00:00Z,5,5\r\n", section(csv, "hour,submissions,counted"));
        assertEquals("mail_domain,submissions\r\n", section(csv, "mail_domain,submissions"));
        assertEquals("client_hash,submissions\r\n" + clientHash("192.0.2.1") + ",5\r\n",
                section(csv, "client_hash,submissions"));
        assertEquals("confirmation_delay_seconds,value\r\nconfirmations,0\r\n",
                section(csv, "confirmation_delay_seconds,value"));
    }

    @Test
    void aSubmissionRefusedBeforeItsChecksPassedIsNotASubmission() {
        counter.post("/api/campaigns/2026/votes", "application/json", "{\"nominee\": \"nobody\", \"email\": \"a@example.be\"}",
                Map.of(), "192.0.2.10");
        counter.post("/api/campaigns/2026/votes", "application/json", "{\"nominee\": \"papillon\", \"email\": \"not an address\"}",
                Map.of(), "192.0.2.10");
        counter.postJson("/api/campaigns/2027/votes", "{\"nominee\": \"papillon\", \"altcha\": \"bm8=\"}");

        assertEquals("hour,submissions,counted\r\n", section(export("2026"), "hour,submissions,counted"));
        assertEquals("hour,submissions,counted\r\n", section(export("2027"), "hour,submissions,counted"));
    }
}
