package be.socialeinnovatiefabriek.radicale.vote.voting;

import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.COUNTER;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.OPEN;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.SITE;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.assertRefused;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.page;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.text;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.CounterFixture;
import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.identity.RandomToken;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.AlreadyCountedMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nobody learns from the counter whether an address has voted, nor for whom: a submission with a
 * neighbour's address that has voted is answered exactly as one with a fresh address, and only the mailbox
 * is told. The link names no vote, and a token the store does not hold as pending gets no page naming one.
 */
class NobodyLearnsWhoVotedTest {

    private static final String VOTES = "/api/campaigns/2026/votes";
    private static final String CONFIRM = "/api/votes/confirm";
    private static final String ATTACKER = "198.51.100.7";
    private static final Map<String, String> FROM_THE_SITE = Map.of("Origin", SITE);

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

    /** Ann (the neighbour) has voted for Papillon and confirmed it. */
    private void annHasVoted() {
        ApiResponse confirmed = counter.postJson(CONFIRM, "{\"token\": \"" + counter.submit("papillon", "ann@example.be") + "\"}");
        assertEquals(200, confirmed.status(), text(confirmed));
    }

    private ApiResponse submitJson(String nominee, String email) {
        return counter.post(VOTES, "application/json",
                "{\"nominee\": \"" + nominee + "\", \"email\": \"" + email + "\", \"lang\": \"en\"}", FROM_THE_SITE, ATTACKER);
    }

    private ApiResponse submitForm(String nominee, String email) {
        return counter.post(VOTES, "application/x-www-form-urlencoded",
                "nominee=" + nominee + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&lang=en",
                FROM_THE_SITE, ATTACKER);
    }

    private static void assertSameAnswer(ApiResponse fresh, ApiResponse voted) {
        assertAll(
                () -> assertEquals(fresh.status(), voted.status()),
                () -> assertEquals(text(fresh), text(voted)),
                () -> assertEquals(fresh.headers(), voted.headers()));
    }

    @Test
    void aNeighbourWhoVotedGetsTheSameJsonAnswerAsAFreshAddressAndIsToldByMailOnly() {
        annHasVoted();
        int mailsBefore = counter.mailer.sent.size();

        ApiResponse voted = submitJson("armentekort", "ann@example.be");
        ApiResponse fresh = submitJson("armentekort", "bob@example.be");

        assertSameAnswer(fresh, voted);
        assertEquals(202, voted.status());
        assertEquals("{\"status\":\"pending\"}", text(voted));
        assertEquals("application/json; charset=utf-8", voted.headers().get("Content-Type"));
        assertEquals(SITE, voted.headers().get("Access-Control-Allow-Origin"));
        List<Mailer.Mail> mails = counter.mailer.sent.subList(mailsBefore, counter.mailer.sent.size());
        assertEquals(new AlreadyCountedMail(new MailAddress("ann", "example.be"), "en", "Radical Renewers 2026", "Armentekort"), mails.get(0));
        assertInstanceOf(ConfirmationMail.class, mails.get(1), "the fresh address gets its link");
        assertEquals(2, mails.size(), "one mail each, sent in both cases");
        assertEquals(Map.of("papillon", 1L), counter.tallies("2026"));
    }

    @Test
    void aNeighbourWhoVotedGetsTheSameFormAnswerAsAFreshAddress() {
        annHasVoted();

        ApiResponse voted = submitForm("sociale-garage", "ANN+x@Example.be");
        ApiResponse fresh = submitForm("sociale-garage", "carla@example.be");

        assertSameAnswer(fresh, voted);
        assertEquals(303, voted.status());
        assertEquals(page("en", "check-mail"), voted.headers().get("Location"));
        assertEquals(new AlreadyCountedMail(new MailAddress("ANN+x", "example.be"), "en", "Radical Renewers 2026", "Sociale Garage"),
                counter.mailer.sent.get(counter.mailer.sent.size() - 2));
        assertEquals(Map.of("papillon", 1L), counter.tallies("2026"));
    }

    @Test
    void withSeveralVotesPerVoterTheAnswerDoesNotTellForWhomTheNeighbourVoted() throws IOException {
        Files.writeString(directory.resolve("ballots").resolve("2028.json"),
                CounterFixture.ballot("2028", "email", "after-close").replace("\"votesPerVoter\": 1", "\"votesPerVoter\": 2"));
        ApiResponse first = counter.postJson("/api/campaigns/2028/votes", "{\"nominee\": \"papillon\", \"email\": \"ann@example.be\"}");
        assertEquals(202, first.status(), text(first));
        counter.postJson(CONFIRM, "{\"token\": \"" + counter.mailer.lastToken() + "\"}");

        ApiResponse samePick = counter.post("/api/campaigns/2028/votes", "application/json",
                "{\"nominee\": \"papillon\", \"email\": \"ann@example.be\"}", FROM_THE_SITE, ATTACKER);
        Mailer.Mail samePickMail = counter.mailer.last();
        ApiResponse otherPick = counter.post("/api/campaigns/2028/votes", "application/json",
                "{\"nominee\": \"armentekort\", \"email\": \"ann@example.be\"}", FROM_THE_SITE, ATTACKER);

        assertSameAnswer(otherPick, samePick);
        assertInstanceOf(AlreadyCountedMail.class, samePickMail, "Ann already voted for Papillon");
        assertInstanceOf(ConfirmationMail.class, counter.mailer.last(), "Ann may still vote for Armentekort");
        assertEquals(Map.of("papillon", 1L), counter.tallies("2028"));
    }

    @Test
    void theAlreadyCountedMailIsRateLimitedPerAddressLikeAnyOther() {
        annHasVoted(); // the first of three mails an hour to Ann's address
        int mailsBefore = counter.mailer.sent.size();

        List<Integer> toAnn = List.of(submitJson("armentekort", "ann@example.be").status(),
                submitJson("armentekort", "ann@example.be").status(), submitJson("armentekort", "ann@example.be").status());
        counter.submit("papillon", "bob@example.be");
        List<Integer> toBob = List.of(submitJson("armentekort", "bob@example.be").status(),
                submitJson("armentekort", "bob@example.be").status(), submitJson("armentekort", "bob@example.be").status());

        assertEquals(List.of(202, 202, 429), toAnn);
        assertEquals(toBob, toAnn, "the same limit whether the address voted or not");
        assertEquals(5, counter.mailer.sent.size() - mailsBefore, "two to Ann, three to Bob");
        counter.clock.advanceSeconds(Duration.ofHours(1).toSeconds());
        assertEquals(202, submitJson("armentekort", "ann@example.be").status());
    }

    @Test
    void whileMailCannotBeSentTheAnswerIsTheSameWhetherTheAddressVotedOrNot() {
        annHasVoted();
        counter.mailer.failing = true;

        ApiResponse voted = submitJson("armentekort", "ann@example.be");
        ApiResponse fresh = submitJson("armentekort", "bob@example.be");

        assertSameAnswer(fresh, voted);
        assertEquals(202, voted.status(), "taken; its mail waits in the queue");
    }

    @Test
    void theLinkIsARandomTokenThatNamesNoEditionLanguageOrNominee() {
        counter.postJson(VOTES, "{\"nominee\": \"sociale-garage\", \"email\": \"ann@example.be\", \"lang\": \"fr\"}");
        String link = counter.mailer.lastConfirmation().confirmUrl().toString();
        String token = counter.mailer.lastToken();

        assertEquals(COUNTER + "/api/votes/confirm?token=" + token, link);
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertAll(List.of("sociale-garage", "Garage", "2026", "fr.", ".fr").stream()
                .map(word -> (Executable) () -> assertFalse(link.contains(word), link + " names " + word)));
    }

    @Test
    void forgedGuessedOrAlteredTokensGetNoConfirmationPageAndCountNothing() {
        String real = counter.submit("papillon", "ann@example.be");
        char last = real.charAt(real.length() - 1);
        List<String> forged = List.of(
                RandomToken.next(new SecureRandom()),                                      // well-shaped, guessed
                real.substring(0, real.length() - 1),                                      // truncated
                real.substring(0, real.length() - 1) + (last == 'A' ? 'B' : 'A'),          // one character altered
                real + "A",                                                                // one too many
                "2026.fr.papillon." + real,                                                // the old shape, around a real secret
                "2025.fr.papillon." + RandomToken.next(new SecureRandom()),                 // the old shape, another edition
                "<script>alert(1)</script>",
                "x".repeat(1000));
        String unknownPage = null;
        for (String token : forged) {
            ApiResponse page = counter.get(CONFIRM, Map.of("token", token), Map.of());
            ApiResponse json = counter.postJson(CONFIRM, "{\"token\": \"" + token + "\"}");
            ApiResponse form = counter.postForm(CONFIRM, "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            String html = text(page);
            assertAll(token,
                    () -> assertEquals(404, page.status()),
                    () -> assertEquals("text/html; charset=utf-8", page.headers().get("Content-Type")),
                    () -> assertTrue(html.contains("<h1>Deze link werkt niet</h1>"), html),
                    () -> assertFalse(html.contains("Papillon") || html.contains("2026") || html.contains("<form"), html),
                    () -> assertFalse(html.contains(token.substring(0, Math.min(token.length(), 20))), "the token is not echoed"),
                    () -> assertRefused(json, 404, "unknown_token"),
                    () -> assertEquals(404, form.status()),
                    () -> assertEquals(html, text(form)));
            if (unknownPage != null) {
                assertEquals(unknownPage, html, "every unknown token gets the same page");
            }
            unknownPage = html;
        }
        assertEquals(Map.of(), counter.tallies("2026"));
        ApiResponse genuine = counter.postJson(CONFIRM, "{\"token\": \"" + real + "\"}");
        assertEquals(200, genuine.status(), "the real link still works: " + text(genuine));
    }

    @Test
    void aMissingTokenGetsTheSamePageOnTheLinkAndABadRequestFromAScript() {
        assertEquals(404, counter.get(CONFIRM).status());
        assertTrue(text(counter.get(CONFIRM)).contains("<h1>Deze link werkt niet</h1>"));
        assertRefused(counter.postJson(CONFIRM, "{\"token\": \" \"}"), 400, "bad_request");
    }

    @Test
    void theUnknownLinkPageSpeaksTheBrowsersLanguage() {
        String fr = text(counter.get(CONFIRM, Map.of("token", "nope"), Map.of("Accept-Language", "de-DE, fr-BE;q=0.9, en;q=0.8")));
        String en = text(counter.get(CONFIRM, Map.of("token", "nope"), Map.of("Accept-Language", "en-GB")));
        String garbage = text(counter.get(CONFIRM, Map.of("token", "nope"), Map.of("Accept-Language", "*;q=x, <b>")));
        String huge = text(counter.get(CONFIRM, Map.of("token", "nope"), Map.of("Accept-Language", "fr,".repeat(500))));

        assertTrue(fr.contains("<html lang=\"fr\">") && fr.contains("Ce lien ne fonctionne pas"), fr);
        assertTrue(en.contains("<html lang=\"en\">") && en.contains("This link does not work"), en);
        assertTrue(garbage.contains("<html lang=\"nl\">"), garbage);
        assertTrue(huge.contains("<html lang=\"nl\">"), huge);
    }

    @Test
    void anExpiredLinkGetsAClearPageInTheVotersLanguageThatNamesNoVote() {
        String token = counter.submit("papillon", "ann@example.be");
        counter.clock.set(OPEN.plus(ConfirmationMail.LINK_LIFETIME));

        ApiResponse page = counter.get(CONFIRM, Map.of("token", token), Map.of());
        ApiResponse form = counter.postForm(CONFIRM, "token=" + token);

        String html = text(page);
        assertEquals(410, page.status());
        assertTrue(html.contains("<html lang=\"fr\">") && html.contains("<h1>Ce lien a expiré</h1>"), html);
        assertTrue(html.contains("<a href=\"" + SITE + "/fr/campaigns/2026/\">Voter à nouveau</a>"), html);
        assertTrue(html.contains("href=\"" + SITE + "/assets/site.css\""), html);
        assertFalse(html.contains("Papillon") || html.contains("<form"), html);
        assertEquals(410, form.status());
        assertEquals(html, text(form));
        assertEquals(Map.of(), counter.tallies("2026"));
    }

    @Test
    void aLinkOpenedAgainAfterItsVoteWasCountedGoesToTheThankYouPage() {
        String token = counter.submit("papillon", "ann@example.be");
        counter.postJson(CONFIRM, "{\"token\": \"" + token + "\"}");

        ApiResponse page = counter.get(CONFIRM, Map.of("token", token), Map.of());

        assertEquals(303, page.status());
        assertEquals(page("fr", "thanks"), page.headers().get("Location"));
        assertEquals(Map.of("papillon", 1L), counter.tallies("2026"));
    }
}
