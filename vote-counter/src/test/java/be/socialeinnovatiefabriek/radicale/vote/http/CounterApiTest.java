package be.socialeinnovatiefabriek.radicale.vote.http;

import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.AFTER;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.BEFORE;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.COUNTER;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.OPEN;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.assertRefused;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.page;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.CounterFixture;
import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import be.socialeinnovatiefabriek.radicale.vote.identity.ConfirmationToken;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.SubmissionMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Voting and confirming through the counter's API, with every refusal on the way; nothing refused is counted. */
class CounterApiTest {

    private static final String VOTES = "/api/campaigns/2026/votes";
    private static final String CONFIRM = "/api/votes/confirm";

    @TempDir
    Path directory;
    CounterFixture counter;

    @BeforeEach
    void start() throws IOException {
        counter = new CounterFixture(directory);
        counter.answerLater = answerLater();
    }

    /** Whether posts are answered as the local server answers them (a confirmation once durable) or as Lambda does. */
    boolean answerLater() {
        return false;
    }

    @AfterEach
    void stop() {
        counter.close();
    }

    private void assertRedirect(ApiResponse response, String location) {
        assertEquals(303, response.status(), text(response));
        assertEquals(location, response.headers().get("Location"));
    }

    private ApiResponse confirmJson(String token) {
        return counter.postJson(CONFIRM, "{\"token\": \"" + token + "\"}");
    }

    @Test
    void theCampaignSaysItsPhaseAsTimeGoesBy() {
        counter.clock.set(BEFORE);
        JsonNode upcoming = counter.body(counter.get("/api/campaigns/2026"));
        counter.clock.set(OPEN);
        ApiResponse open = counter.get("/api/campaigns/2026");
        counter.clock.set(AFTER);
        JsonNode results = counter.body(counter.get("/api/campaigns/2026"));

        assertEquals(200, open.status());
        assertEquals("upcoming", upcoming.path("phase").asText());
        assertEquals("results", results.path("phase").asText());
        JsonNode body = counter.body(open);
        assertEquals("2026", body.path("id").asText());
        assertEquals("open", body.path("phase").asText());
        assertEquals("2026-11-15T09:00:00+01:00", body.path("opens").asText());
        assertEquals("2026-11-30T23:59:00+01:00", body.path("closes").asText());
        assertEquals("2026-11-20T11:00:00Z", body.path("serverTime").asText());
        assertEquals("after-close", body.path("results").asText());
        assertEquals("email", body.path("verification").asText());
        assertEquals("nosniff", open.headers().get("X-Content-Type-Options"));
        assertEquals("no-store", open.headers().get("Cache-Control"));
    }

    @Test
    void anUnknownEditionIsRefused() {
        assertRefused(counter.get("/api/campaigns/1999"), 404, "unknown_campaign");
        assertRefused(counter.get("/api/campaigns/..%2F..%2Fetc"), 404, "unknown_campaign");
        assertRefused(counter.postJson("/api/campaigns/1999/votes", "{\"nominee\": \"papillon\", \"email\": \"a@b.be\"}"),
                404, "unknown_campaign");
        assertEquals(Map.of(), counter.tallies("1999"));
    }

    @Test
    void aSubmissionMailsALinkInTheVotersLanguageAndCountsNothing() {
        ApiResponse response = counter.postJson(VOTES,
                "{\"nominee\": \"sociale-garage\", \"email\": \" Ann.Peeters+stem@Example.BE \", \"lang\": \"fr\"}");

        assertEquals(202, response.status(), text(response));
        assertEquals("pending", counter.body(response).path("status").asText());
        ConfirmationMail mail = counter.mailer.lastConfirmation();
        assertEquals("Ann.Peeters+stem@example.be", mail.to().value(), "mailed to the address as typed, its domain in lower case");
        assertEquals("fr", mail.lang());
        assertEquals("Radicale Vernieuwers 2026 (fr)", mail.campaignTitle());
        assertEquals("Garage social", mail.nomineeName());
        assertTrue(mail.confirmUrl().toString().startsWith(COUNTER + "/api/votes/confirm?token="),
                mail.confirmUrl().toString());
        assertEquals(Map.of(), counter.tallies("2026"));
    }

    @Test
    void theMailSaysTheLinkLasts48HoursWhenVotingClosesLater() {
        counter.postJson(VOTES, "{\"nominee\": \"papillon\", \"email\": \"ann@example.be\"}");

        ConfirmationMail mail = counter.mailer.lastConfirmation();
        assertEquals(OPEN.plus(ConfirmationMail.LINK_LIFETIME), mail.expires());
        assertFalse(mail.endsAtClose());
    }

    @Test
    void aVoteAnHourBeforeTheCloseIsMailedALinkThatEndsWithVoting() {
        Instant close = Instant.parse("2026-11-30T22:59:00Z"); // 23:59 in Brussels
        counter.clock.set(close.minus(Duration.ofHours(1)));

        counter.postJson(VOTES, "{\"nominee\": \"papillon\", \"email\": \"ann@example.be\"}");

        ConfirmationMail mail = counter.mailer.lastConfirmation();
        assertEquals(close, mail.expires());
        assertTrue(mail.endsAtClose());
    }

    @Test
    void aFormSubmissionIsSentToTheCheckMailPageInItsLanguage() {
        ApiResponse response = counter.postForm(VOTES, "nominee=papillon&email=ann%2Bx%40example.be&lang=en");

        assertRedirect(response, page("en", "check-mail"));
        assertEquals("ann+x@example.be", counter.mailer.lastConfirmation().to().value());
        assertEquals(Map.of(), counter.tallies("2026"));
    }

    @Test
    void aFormInAnUnknownLanguageGetsTheDefaultLanguage() {
        assertRedirect(counter.postForm(VOTES, "nominee=papillon&email=ann%40example.be&lang=de"), page("nl", "check-mail"));
    }

    @Test
    void theConfirmationPageCountsNothingAndAsksForOneClick() {
        String token = counter.submit("papillon", "ann@example.be");

        ApiResponse response = counter.get(CONFIRM, Map.of("token", token), Map.of());

        assertEquals(200, response.status());
        assertEquals("text/html; charset=utf-8", response.headers().get("Content-Type"));
        assertEquals("default-src 'none'; style-src https://radicalevernieuwers.be; form-action 'self'; "
                + "base-uri 'none'; frame-ancestors 'none'", response.headers().get("Content-Security-Policy"));
        assertEquals("nosniff", response.headers().get("X-Content-Type-Options"));
        assertEquals("no-store", response.headers().get("Cache-Control"));
        String html = text(response);
        assertTrue(html.contains("<html lang=\"fr\""), html);
        assertTrue(html.contains("method=\"post\" action=\"" + COUNTER + "/api/votes/confirm\""), html);
        assertTrue(html.contains("name=\"token\" value=\"" + token + "\""), html);
        assertTrue(html.contains("Papillon") && html.contains("Radicale Vernieuwers 2026 (fr)"), html);
        assertTrue(html.contains("href=\"https://radicalevernieuwers.be/assets/site.css\""), html);
        assertEquals(Map.of(), counter.tallies("2026"));
    }

    @Test
    void aConfirmationCountsTheVoteOnceAndAReplayIsRefused() {
        String token = counter.submit("papillon", "ann@example.be");

        ApiResponse first = confirmJson(token);
        ApiResponse replay = confirmJson(token);

        assertEquals(200, first.status(), text(first));
        assertEquals("counted", counter.body(first).path("status").asText());
        assertRefused(replay, 409, "already_counted");
        assertEquals(Map.of("papillon", 1L), counter.tallies("2026"));
    }

    @Test
    void aFormConfirmationGoesToThanksAndAReplayChangesNothingButSaysThanksAgain() {
        String token = counter.submit("papillon", "ann@example.be");

        assertRedirect(counter.postForm(CONFIRM, "token=" + token), page("fr", "thanks"));
        assertRedirect(counter.postForm(CONFIRM, "token=" + token), page("fr", "thanks"));
        assertEquals(Map.of("papillon", 1L), counter.tallies("2026"));
    }

    @Test
    void theConfirmationPagesFormMayPostWithANullOrigin() {
        String token = counter.submit("papillon", "ann@example.be");

        ApiResponse response = counter.post(CONFIRM, "application/x-www-form-urlencoded", "token=" + token,
                Map.of("Origin", "null"), "192.0.2.1");

        assertRedirect(response, page("fr", "thanks"));
        assertNull(response.headers().get("Access-Control-Allow-Origin"));
    }

    @Test
    void theSameAddressWrittenOtherwiseCannotVoteTwiceAndIsToldSoByMailOnly() {
        confirmJson(counter.submit("papillon", "ann@example.be"));

        ApiResponse again = counter.postJson(VOTES, "{\"nominee\": \"armentekort\", \"email\": \"ANN+again@Example.be\"}");
        Mailer.Mail againMail = counter.mailer.last();
        ApiResponse form = counter.postForm(VOTES, "nominee=armentekort&email=Ann%2B2%40example.be&lang=nl");

        assertEquals(202, again.status(), text(again));
        assertEquals("pending", counter.body(again).path("status").asText());
        assertRedirect(form, page("nl", "check-mail"));
        assertEquals(new Mailer.AlreadyCountedMail(new MailAddress("ANN+again", "example.be"), "nl", "Radicale Vernieuwers 2026", "Armentekort"),
                againMail);
        assertEquals(new Mailer.AlreadyCountedMail(new MailAddress("Ann+2", "example.be"), "nl", "Radicale Vernieuwers 2026", "Armentekort"),
                counter.mailer.last());
        assertEquals(Map.of("papillon", 1L), counter.tallies("2026"));
    }

    @Test
    void aSecondPendingVoteOfAVoterIsRefusedOnceTheFirstIsCounted() {
        String first = counter.submit("papillon", "ann@example.be");
        String second = counter.submit("armentekort", "ann@example.be");
        confirmJson(first);

        assertRefused(confirmJson(second), 409, "already_voted");
        assertEquals(Map.of("papillon", 1L), counter.tallies("2026"));
    }

    @Test
    void anExpiredLinkCountsNothing() {
        String token = counter.submit("papillon", "ann@example.be");
        counter.clock.set(OPEN.plus(Duration.ofHours(48)));

        assertRefused(confirmJson(token), 410, "expired");
        assertEquals(410, counter.postForm(CONFIRM, "token=" + token).status());
        assertEquals(Map.of(), counter.tallies("2026"));
    }

    @Test
    void aLinkConfirmedAfterClosingCountsNothing() {
        String token = counter.submit("papillon", "ann@example.be");
        counter.clock.set(AFTER);

        assertRefused(confirmJson(token), 403, "voting_closed");
        assertRedirect(counter.get(CONFIRM, Map.of("token", token), Map.of()), page("fr", "closed"));
        assertEquals(Map.of(), counter.tallies("2026"));
    }

    @Test
    void aTamperedOrMadeUpTokenCountsNothing() {
        String token = counter.submit("papillon", "ann@example.be");
        String tampered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);

        assertRefused(confirmJson(tampered), 404, "unknown_token");
        assertRefused(confirmJson("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), 404, "unknown_token");
        assertRefused(confirmJson("not-a-token"), 404, "unknown_token");
        assertRefused(counter.postJson(CONFIRM, "{}"), 400, "bad_request");
        assertEquals(404, counter.get(CONFIRM, Map.of("token", "x"), Map.of()).status());
        assertEquals(Map.of(), counter.tallies("2026"));
    }

    @Test
    void aLinkOfTheEarlierShapeMailedBeforeAnUpgradeStillWorksUntilItExpires() {
        String earlier = "2026.fr.papillon.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";
        counter.store.savePending(new VoteStore.PendingVote("2026", "papillon", "voter-hash", new ConfirmationToken(earlier).hash(),
                "fr", OPEN, OPEN.plus(ConfirmationMail.LINK_LIFETIME)), 1, new SubmissionMail(
                new be.socialeinnovatiefabriek.radicale.vote.address.MailAddress("ann", "example.be"), "fr", "Radicale "
                + "Vernieuwers 2026", "Papillon", java.net.URI.create(COUNTER + "/api/votes/confirm?token=" + earlier),
                OPEN.plus(ConfirmationMail.LINK_LIFETIME), false));

        ApiResponse page = counter.get(CONFIRM, Map.of("token", earlier), Map.of());

        assertEquals(200, page.status(), text(page));
        assertTrue(text(page).contains("Papillon"), text(page));
        assertEquals(200, confirmJson(earlier).status());
        assertEquals(Map.of("papillon", 1L), counter.tallies("2026"));
    }

    @Test
    void votesOutsideTheWindowAreRefused() {
        counter.clock.set(BEFORE);
        ApiResponse early = counter.postJson(VOTES, "{\"nominee\": \"papillon\", \"email\": \"ann@example.be\"}");
        counter.clock.set(AFTER);
        ApiResponse late = counter.postJson(VOTES, "{\"nominee\": \"papillon\", \"email\": \"ann@example.be\"}");
        ApiResponse lateForm = counter.postForm(VOTES, "nominee=papillon&email=ann%40example.be&lang=en");

        assertRefused(early, 403, "voting_not_open");
        assertRefused(late, 403, "voting_closed");
        assertRedirect(lateForm, page("en", "closed"));
        assertTrue(counter.mailer.sent.isEmpty());
        assertEquals(Map.of(), counter.tallies("2026"));
    }

    @Test
    void anUnknownNomineeIsRefused() {
        assertRefused(counter.postJson(VOTES, "{\"nominee\": \"nobody\", \"email\": \"ann@example.be\"}"), 422,
                "unknown_nominee");
        assertRedirect(counter.postForm(VOTES, "nominee=nobody&email=ann%40example.be&lang=fr"), page("fr", "problem"));
        assertTrue(counter.mailer.sent.isEmpty());
        assertEquals(Map.of(), counter.tallies("2026"));
    }

    @Test
    void malformedOrIncompleteBodiesAreRefused() {
        assertRefused(counter.postJson(VOTES, "{\"nominee\": \"papillon\", "), 400, "bad_request");
        assertRefused(counter.postJson(VOTES, "[\"papillon\"]"), 400, "bad_request");
        assertRefused(counter.postJson(VOTES, "{\"nominee\": \"papillon\"} {}"), 400, "bad_request");
        assertRefused(counter.postJson(VOTES, "{\"nominee\": \"papillon\", \"nominee\": \"armentekort\", "
                + "\"email\": \"ann@example.be\"}"), 400, "bad_request");
        assertRefused(counter.postJson(VOTES, "{\"nominee\": [\"papillon\"], \"email\": \"ann@example.be\"}"), 400,
                "bad_request");
        assertRefused(counter.postJson(VOTES, "{\"email\": \"ann@example.be\"}"), 400, "bad_request");
        assertRefused(counter.postJson(VOTES, "{\"nominee\": \"papillon\"}"), 400, "bad_request");
        assertRefused(counter.postJson(VOTES, "{\"nominee\": \"papillon\", \"email\": \"ann@example\"}"), 400,
                "bad_request");
        assertRefused(counter.postJson(VOTES, "{\"nominee\": \"papillon\", \"email\": \"a b@example.be\"}"), 400,
                "bad_request");
        assertRedirect(counter.postForm(VOTES, "nominee=papillon&email=%zz&lang=en"), page("nl", "problem"));
        assertRedirect(counter.postForm(VOTES, "nominee=papillon&nominee=armentekort&email=a%40b.be"), page("nl", "problem"));
        assertRefused(counter.post(VOTES, "text/plain", "nominee=papillon", Map.of(), "192.0.2.1"), 415,
                "unsupported_media_type");
        assertRefused(counter.post(VOTES, null, "{}", Map.of(), "192.0.2.1"), 415, "unsupported_media_type");
        assertTrue(counter.mailer.sent.isEmpty());
        assertEquals(Map.of(), counter.tallies("2026"));
    }

    @Test
    void aBodyOverFourKibibytesIsRefused() {
        String huge = "{\"nominee\": \"papillon\", \"email\": \"ann@example.be\", \"pad\": \"" + "x".repeat(4096) + "\"}";

        assertRefused(counter.postJson(VOTES, huge), 413, "too_large");
        assertRedirect(counter.postForm(VOTES, "nominee=papillon&pad=" + "x".repeat(4096)), page("nl", "problem"));
        assertRefused(counter.postJson(CONFIRM, huge), 413, "too_large");
        assertTrue(counter.mailer.sent.isEmpty());
        assertEquals(Map.of(), counter.tallies("2026"));
    }

    @Test
    void aVoteWhoseMailCannotBeSentYetIsTakenAndItsMailGoesOutLater() {
        counter.mailer.failing = true;

        assertEquals(202, counter.postJson(VOTES, "{\"nominee\": \"papillon\", \"email\": \"ann@example.be\"}").status());
        assertRedirect(counter.postForm(VOTES, "nominee=papillon&email=bob%40example.be&lang=fr"), page("fr", "check-mail"));
        assertEquals(List.of(), counter.mailer.sent);

        counter.mailer.failing = false;
        counter.clock.advanceSeconds(30); // the first retry
        counter.get("/api/health");

        assertEquals(List.of("ann@example.be", "bob@example.be"),
                counter.mailer.sent.stream().map(mail -> mail.to().value()).sorted().toList());
        assertEquals(Map.of(), counter.tallies("2026"));
    }

    @Test
    void withoutVerificationAVoteCountsAtOnceOncePerBrowser() {
        ApiResponse first = counter.voteWithoutMail("papillon");
        String cookie = first.headers().get("Set-Cookie");
        String voter = cookie.substring(0, cookie.indexOf(';'));
        ApiResponse again = counter.post("/api/campaigns/2027/votes", "application/json", "{\"nominee\": \"armentekort\", "
                + "\"altcha\": \"" + counter.solvedChallenge("2027") + "\"}", Map.of("Cookie", "theme=dark; " + voter), "192.0.2.1");
        ApiResponse otherBrowser = counter.postForm("/api/campaigns/2027/votes", "nominee=armentekort&lang=en&altcha="
                + java.net.URLEncoder.encode(counter.solvedChallenge("2027"), java.nio.charset.StandardCharsets.UTF_8));

        assertEquals(200, first.status(), text(first));
        assertEquals("counted", counter.body(first).path("status").asText());
        assertTrue(cookie.matches("voter=[A-Za-z0-9_-]{43}; Path=/api/; Max-Age=31536000; HttpOnly; SameSite=Lax; Secure"),
                cookie);
        assertRefused(again, 409, "already_voted");
        assertEquals(303, otherBrowser.status());
        assertEquals(CounterFixture.SITE + "/en/campaigns/2027/thanks/", otherBrowser.headers().get("Location"));
        assertEquals(Map.of("papillon", 1L, "armentekort", 1L), counter.tallies("2027"));
    }
}
