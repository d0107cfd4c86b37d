package be.socialeinnovatiefabriek.radicale.vote.voting;

import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.AFTER;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.assertRefused;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.CounterFixture;
import be.socialeinnovatiefabriek.radicale.vote.ballot.BallotDirectory;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiRequest;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.http.CounterApi;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailSender;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.store.SqliteVoteStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.altcha.altcha.Altcha;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of work of an edition without e-mail (2027 in the fixture), tried as an attacker would: every answer
 * that is missing, malformed, wrong, forged, for another edition, too old or used before is refused with a 4xx
 * and counts nothing; a right answer counts once.
 */
class VoteChallengeTest {

    private static final String VOTES = "/api/campaigns/2027/votes";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;
    CounterFixture counter;

    @BeforeEach
    void start() throws IOException {
        counter = new CounterFixture(directory);
    }

    @AfterEach
    void stop() {
        counter.close();
    }

    private ApiResponse vote(String altcha) {
        return counter.postJson(VOTES, "{\"nominee\": \"papillon\", \"altcha\": " + JSON.valueToTree(altcha) + "}");
    }

    private JsonNode challenge(String campaign) {
        return counter.body(counter.get("/api/campaigns/" + campaign + "/challenge"));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON a browser would send for {@code challenge} solved, with {@code field} set to {@code value}. */
    private static String answerWith(JsonNode challenge, String field, Object value) throws IOException {
        ObjectNode answer = (ObjectNode) JSON.readTree(Base64.getDecoder().decode(
                CounterFixture.answer(challenge, CounterFixture.solve(challenge))));
        answer.set(field, JSON.valueToTree(value));
        return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(answer));
    }

    @Test
    void theCounterHandsOutASignedChallengeForTheEditionThatLastsTenMinutes() {
        ApiResponse response = counter.get("/api/campaigns/2027/challenge");

        assertEquals(200, response.status(), text(response));
        assertEquals("no-store", response.headers().get("Cache-Control"));
        JsonNode challenge = counter.body(response);
        assertEquals("SHA-256", challenge.path("algorithm").asText());
        assertEquals(CounterFixture.CHALLENGE_MAX_NUMBER, challenge.path("maxnumber").asInt());
        assertTrue(challenge.path("challenge").asText().matches("[0-9a-f]{64}"), challenge.toString());
        assertTrue(challenge.path("signature").asText().matches("[0-9a-f]{64}"), challenge.toString());
        long expires = CounterFixture.OPEN.plusSeconds(600).getEpochSecond();
        String salt = challenge.path("salt").asText();
        assertTrue(salt.matches("[0-9a-f]{24}\\?(edition=2027&expires=" + expires + "|expires=" + expires + "&edition=2027)&"),
                salt);
        assertTrue(!challenge.path("challenge").asText().equals(challenge("2027").path("challenge").asText()),
                "every challenge is new");
    }

    @Test
    void aRightAnswerCountsTheVoteOnce() {
        ApiResponse response = counter.voteWithoutMail("papillon");

        assertEquals(200, response.status(), text(response));
        assertEquals("counted", counter.body(response).path("status").asText());
        assertEquals(Map.of("papillon", 1L), counter.tallies("2027"));
    }

    @Test
    void aFormPostWithARightAnswerIsThankedInItsLanguage() {
        ApiResponse response = counter.postForm(VOTES, "nominee=papillon&lang=fr&altcha="
                + URLEncoder.encode(counter.solvedChallenge("2027"), StandardCharsets.UTF_8));

        assertEquals(303, response.status(), text(response));
        assertEquals(CounterFixture.SITE + "/fr/campaigns/2027/thanks/", response.headers().get("Location"));
        assertEquals(Map.of("papillon", 1L), counter.tallies("2027"));
    }

    @Test
    void aVoteWithoutAnAnswerIsRefusedAndAFormIsSentToTheProblemPage() {
        assertRefused(counter.postJson(VOTES, "{\"nominee\": \"papillon\"}"), 400, "challenge_missing");
        assertRefused(vote("   "), 400, "challenge_missing");
        ApiResponse form = counter.postForm(VOTES, "nominee=papillon&lang=en");

        assertEquals(303, form.status());
        assertEquals(CounterFixture.SITE + "/en/campaigns/2027/problem/", form.headers().get("Location"));
        assertEquals(Map.of(), counter.tallies("2027"));
    }

    @Test
    void aWrongNumberIsRefused() throws IOException {
        JsonNode challenge = challenge("2027");
        long right = CounterFixture.solve(challenge);

        assertRefused(vote(CounterFixture.answer(challenge, right + 1)), 403, "challenge_failed");
        assertRefused(vote(CounterFixture.answer(challenge, 0 == right ? 1 : 0)), 403, "challenge_failed");
        assertRefused(vote(answerWith(challenge, "number", -1)), 400, "bad_challenge");
        assertRefused(vote(answerWith(challenge, "number", 1L << 40)), 400, "bad_challenge");
        assertRefused(vote(answerWith(challenge, "number", 1.5)), 400, "bad_challenge");
        assertRefused(vote(answerWith(challenge, "number", String.valueOf(right))), 400, "bad_challenge");
        assertEquals(Map.of(), counter.tallies("2027"));
    }

    @Test
    void aTamperedSignatureOrChallengeIsRefused() throws IOException {
        JsonNode challenge = challenge("2027");
        String signature = challenge.path("signature").asText();
        String flipped = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);

        assertRefused(vote(answerWith(challenge, "signature", flipped)), 403, "challenge_failed");
        assertRefused(vote(answerWith(challenge, "signature", signature.toUpperCase())), 400, "bad_challenge");
        assertRefused(vote(answerWith(challenge, "challenge", "0".repeat(64))), 403, "challenge_failed");
        assertEquals(Map.of(), counter.tallies("2027"));
    }

    @Test
    void aChallengeTheAttackerMadeWithAKeyOfTheirOwnIsRefused() throws Exception {
        long expires = CounterFixture.OPEN.plusSeconds(3600).getEpochSecond();
        Altcha.Challenge forged = Altcha.createChallenge(new Altcha.ChallengeOptions().setHmacKey("a key of my own")
                .setMaxNumber(10L).setNumber(7L).setExpires(expires).addParam("edition", "2027"));
        String payload = base64("{\"algorithm\": \"SHA-256\", \"challenge\": \"" + forged.challenge + "\", \"number\": 7, "
                + "\"salt\": \"" + forged.salt + "\", \"signature\": \"" + forged.signature + "\"}");

        assertRefused(vote(payload), 403, "challenge_failed");
        assertEquals(Map.of(), counter.tallies("2027"));
    }

    @Test
    void aSaltChangedToLastLongerOrToFitAnotherEditionIsRefused() throws IOException {
        JsonNode challenge = challenge("2027");
        String salt = challenge.path("salt").asText();
        String later = salt.replaceAll("expires=\\d+", "expires=99999999999");

        assertRefused(vote(answerWith(challenge, "salt", later)), 403, "challenge_failed");
        assertRefused(vote(answerWith(challenge, "salt", salt.replace("2027", "2028"))), 403, "challenge_failed");
        assertRefused(vote(answerWith(challenge, "salt", salt + "1")), 400, "bad_challenge");
        assertEquals(Map.of(), counter.tallies("2027"));
    }

    @Test
    void anotherEditionsChallengeIsRefused() throws IOException {
        Files.writeString(directory.resolve("ballots/2028.json"), CounterFixture.ballot("2028", "none", "live"));
        JsonNode other = challenge("2028");

        assertRefused(vote(CounterFixture.answer(other, CounterFixture.solve(other))), 403, "challenge_failed");
        assertEquals(Map.of(), counter.tallies("2027"));
        assertEquals(Map.of(), counter.tallies("2028"));
    }

    @Test
    void anAnswerAfterTenMinutesIsRefusedAsExpired() {
        JsonNode challenge = challenge("2027");
        String answer = CounterFixture.answer(challenge, CounterFixture.solve(challenge));
        counter.clock.advanceSeconds(600);

        assertRefused(vote(answer), 403, "challenge_expired");
        assertEquals(Map.of(), counter.tallies("2027"));
    }

    @Test
    void anAnswerUsedOnceIsRefusedTheSecondTimeWhateverTheBrowserOrNominee() {
        String answer = counter.solvedChallenge("2027");

        ApiResponse first = vote(answer);
        ApiResponse replay = counter.postJson(VOTES, "{\"nominee\": \"armentekort\", \"altcha\": \"" + answer + "\"}");
        ApiResponse replayAfterARefusal = vote(answer);

        assertEquals(200, first.status(), text(first));
        assertRefused(replay, 409, "challenge_used");
        assertRefused(replayAfterARefusal, 409, "challenge_used");
        assertEquals(Map.of("papillon", 1L), counter.tallies("2027"));
    }

    @Test
    void anAnswerUsedBeforeARestartIsStillRefused() throws IOException {
        String answer = counter.solvedChallenge("2027");
        assertEquals(200, vote(answer).status());
        counter.close();

        try (SqliteVoteStore reopened = new SqliteVoteStore(directory.resolve("votes.db"))) {
            CounterSettings settings = CounterFixture.settings(10, 20, 3);
            CounterApi restarted = new CounterApi(settings, new BallotDirectory(directory.resolve("ballots")), reopened,
                    new MailSender(reopened.mailJobs(), counter.mailer, MailSettings.DEFAULTS, counter.clock), counter.clock);
            ApiResponse replay = restarted.handle(new ApiRequest("POST", VOTES, Map.of(),
                    Map.of("content-type", "application/json"), ("{\"nominee\": \"armentekort\", \"altcha\": \"" + answer
                    + "\"}").getBytes(StandardCharsets.UTF_8), "192.0.2.1"));

            assertRefused(replay, 409, "challenge_used");
            assertEquals(Map.of("papillon", 1L), reopened.tallies("2027"));
        }
        counter = new CounterFixture(directory);
    }

    @Test
    void malformedAnswersAreRefusedAsBadRequests() throws IOException {
        JsonNode challenge = challenge("2027");
        String[] malformed = {
            "not base64 at all!",
            "%%%%",
            base64("not json"),
            base64("[1, 2, 3]"),
            base64("\"a string\""),
            base64("{}"),
            base64("{\"algorithm\": \"SHA-256\"}"),
            base64("{\"algorithm\": \"SHA-256\", \"challenge\": \"" + "a".repeat(64) + "\", \"number\": 1, \"salt\": "
                    + "\"x&\", \"signature\": \"" + "b".repeat(64) + "\"} trailing"),
            answerWith(challenge, "algorithm", "SHA-1"),
            answerWith(challenge, "algorithm", null),
            answerWith(challenge, "salt", ""),
            answerWith(challenge, "salt", "s".repeat(300) + "&"),
            answerWith(challenge, "challenge", 42),
            answerWith(challenge, "signature", "zz"),
            base64("{\"pad\": \"" + "x".repeat(900) + "\"}"),
            "\u0000\u0001",
        };
        for (String payload : malformed) {
            ApiResponse response = vote(payload);
            assertTrue(response.status() == 400, payload + " -> " + response.status() + " " + text(response));
            assertTrue(counter.body(response).path("error").asText().matches("bad_challenge|bad_request"), text(response));
        }
        assertRefused(counter.postJson(VOTES, "{\"nominee\": \"papillon\", \"altcha\": 42}"), 400, "bad_request");
        assertEquals(Map.of(), counter.tallies("2027"));
    }

    @Test
    void aChallengeIsHandedOutOnlyForAnOpenEditionWithoutEmail() {
        assertRefused(counter.get("/api/campaigns/2026/challenge"), 404, "no_challenge");
        assertRefused(counter.get("/api/campaigns/1999/challenge"), 404, "unknown_campaign");
        assertRefused(counter.postJson("/api/campaigns/2027/challenge", "{}"), 405, "method_not_allowed");
        counter.clock.set(AFTER);
        assertRefused(counter.get("/api/campaigns/2027/challenge"), 403, "voting_closed");
    }

    @Test
    void anEditionWithEmailNeedsNoChallenge() {
        ApiResponse response = counter.postJson("/api/campaigns/2026/votes",
                "{\"nominee\": \"papillon\", \"email\": \"ann@example.be\"}");

        assertEquals(202, response.status(), text(response));
    }
}
