package be.socialeinnovatiefabriek.radicale.site.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.TestSite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the site gives the vote counter (a ballot) and the voter (forms that work without JavaScript). */
class VotePagesTest {

    @TempDir
    Path folder;

    @Test
    void writesABallotPerEditionFromTheContent() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();

        JsonNode ballot = new ObjectMapper().readTree(site.page("ballots/2026.json"));

        assertEquals("2026", ballot.get("id").asText());
        assertEquals("[\"alpha\",\"beta\"]", ballot.get("nominees").toString());
        assertEquals("2026-11-16T09:00+01:00", ballot.get("opens").asText());
        assertEquals("2026-12-13T20:00+01:00", ballot.get("closes").asText());
        assertEquals("after-close", ballot.get("results").asText());
        assertEquals("email", ballot.get("verification").asText());
        assertEquals(1, ballot.get("votesPerVoter").asInt());
        assertEquals("https://radicalevernieuwers.be/fr/campaigns/2026/vote/check-your-mail/", ballot.at("/pages/fr/checkMail").asText());
        assertEquals("Beta", ballot.at("/names/beta/en").asText(), "a missing translation falls back to the Dutch name");
    }

    @Test
    void theVotePageHasAFormThatWorksWithoutJavaScript() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();
        Document page = Jsoup.parse(site.page("fr/campaigns/2026/vote/index.html"));

        Element form = page.selectFirst("form.vote-form");
        assertEquals("post", form.attr("method"));
        assertEquals("/api/campaigns/2026/votes", form.attr("action"));
        assertEquals("fr", form.selectFirst("input[name=lang]").attr("value"));
        assertEquals(List.of("alpha", "beta"), form.select("input[type=radio][name=nominee]").eachAttr("value"));
        Element email = form.selectFirst("input[type=email][name=email]");
        assertTrue(email.hasAttr("required"));
        assertNotNull(page.selectFirst("label[for=" + email.id() + "]"), "the address field has a label");
        assertFalse(form.parent().hasAttr("hidden"), "voting is open at the build's moment");
        assertTrue(page.selectFirst("[data-phase-show=upcoming]").hasAttr("hidden"));
        assertFalse(form.selectFirst("button[type=submit]").hasAttr("disabled"), "a vote by e-mail needs no script");
        assertFalse(form.hasAttr("data-challenge"));
        assertTrue(form.select("noscript").isEmpty());
    }

    @Test
    void anEditionWithoutEmailAsksNoAddressSaysWhatItCannotProveAndTellsThatItNeedsJavaScript() throws Exception {
        TestSite site = TestSite.create(folder, "vote-without-email");
        new SiteBuilder(site.config()).build();

        assertEquals("none", new ObjectMapper().readTree(site.page("ballots/2026.json")).get("verification").asText());
        Map<String, String> noscript = new java.util.HashMap<>();
        for (String lang : List.of("nl", "fr", "en")) {
            Document page = Jsoup.parse(site.page(lang + "/campaigns/2026/vote/index.html"));
            Element form = page.selectFirst("form.vote-form");
            assertTrue(form.select("input[name=email]").isEmpty(), lang + ": no address asked");
            assertTrue(form.selectFirst("button[type=submit]").hasAttr("disabled"), lang + ": the script enables the button");
            assertEquals("/api/campaigns/2026/challenge", form.attr("data-challenge"));
            for (String answer : List.of("working", "challenge", "counted", "already_voted", "error")) {
                assertFalse(form.attr("data-msg-" + answer).isBlank(), lang + ": " + answer);
            }
            noscript.put(lang, Jsoup.parse(form.selectFirst("noscript").html()).text());
            assertTrue(noscript.get(lang).contains("JavaScript"), lang + ": " + noscript.get(lang));
            assertFalse(page.selectFirst(".prose .notice").text().isBlank(), lang + ": the page says what this vote cannot prove");
            assertNotNull(Jsoup.parse(site.page(lang + "/campaigns/2026/index.html")).selectFirst("#vote .notice"),
                    lang + ": so does the edition's page");
        }
        assertEquals(3, Set.copyOf(noscript.values()).size(), "the notice speaks each page's language: " + noscript);
        assertEquals("Voting here needs JavaScript: your browser has to do a short calculation before your vote counts. "
                + "Turn JavaScript on and reload this page.", noscript.get("en"));
        assertTrue(Jsoup.parse(site.page("en/campaigns/2026/vote/index.html")).selectFirst(".prose .notice").text()
                .startsWith("Good to know: without a confirmation by e-mail, this vote cannot check"));
        Element profileForm = Jsoup.parse(site.page("fr/innovators/alpha/index.html")).selectFirst("form.vote-form");
        assertTrue(profileForm.select("input[name=email]").isEmpty());
        assertTrue(profileForm.selectFirst("button[type=submit]").hasAttr("disabled"));
        assertEquals("This browser has already been used to vote in this edition. Everyone can vote once.",
                Jsoup.parse(site.page("en/campaigns/2026/vote/already-voted/index.html")).selectFirst(".lead").text());
    }

    @Test
    void theVoteFormHasAMessageInTheVisitorsLanguageForEveryAnswerOfTheCounter() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();
        Element form = Jsoup.parse(site.page("en/campaigns/2026/vote/index.html")).selectFirst("form.vote-form");

        for (String answer : List.of("pending", "counted", "already_voted", "voting_closed", "voting_not_open", "rate_limited",
                "bad_request", "error")) {
            assertFalse(form.attr("data-msg-" + answer).isBlank(), answer);
        }
        assertTrue(form.attr("data-msg-mail_unavailable").isEmpty(), "mail problems no longer reach the voter: the counter queues the mail");
    }

    @Test
    void theFormAsksWhatTheBallotSaysEvenWhenATranslationStatesAnotherPolicy() throws Exception {
        TestSite site = TestSite.create(folder, "vote-without-email");
        site.write("content/campaigns/2026/index.fr.md", java.nio.file.Files.readString(site.root().resolve("content/campaigns/2026/index.nl.md"))
                .replace("verification: none", "verification: email").replace("Een jury", "Un jury"));
        new SiteBuilder(site.config()).build();

        assertEquals("none", new ObjectMapper().readTree(site.page("ballots/2026.json")).get("verification").asText());
        Element form = Jsoup.parse(site.page("fr/campaigns/2026/vote/index.html")).selectFirst("form.vote-form");
        assertTrue(form.select("input[name=email]").isEmpty(), "the counter would refuse a vote by e-mail");
        assertEquals("/api/campaigns/2026/challenge", form.attr("data-challenge"));
    }

    @Test
    void aProfileOffersAVoteForThatNomineeWhileTheEditionIsOpen() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();
        Document profile = Jsoup.parse(site.page("en/innovators/alpha/index.html"));

        Element form = profile.selectFirst("form.vote-form");
        assertEquals("alpha", form.selectFirst("input[type=hidden][name=nominee]").attr("value"));
        assertEquals("Vote for Alpha", form.selectFirst("button[type=submit]").text());
    }

    @Test
    void afterClosingAProfileOffersNoVote() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config().with(site.output(), "https://radicalevernieuwers.be", OffsetDateTime.parse("2027-01-01T00:00+01:00"), false)).build();

        assertTrue(Jsoup.parse(site.page("en/innovators/alpha/index.html")).select("form.vote-form").isEmpty());
        Document votePage = Jsoup.parse(site.page("en/campaigns/2026/vote/index.html"));
        assertFalse(votePage.selectFirst("[data-phase-show='closed results']").hasAttr("hidden"));
    }

    @Test
    void writesTheStatusPagesTheCounterRedirectsTo() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();

        assertEquals("Consultez votre boîte mail", Jsoup.parse(site.page("fr/campaigns/2026/vote/check-your-mail/index.html")).selectFirst("h1").text());
        assertEquals("Bedankt voor je stem", Jsoup.parse(site.page("nl/campaigns/2026/vote/thank-you/index.html")).selectFirst("h1").text());
        assertEquals("You have already voted", Jsoup.parse(site.page("en/campaigns/2026/vote/already-voted/index.html")).selectFirst("h1").text());
        assertNotNull(Jsoup.parse(site.page("en/campaigns/2026/vote/closed/index.html")).selectFirst("h1"));
        assertNotNull(Jsoup.parse(site.page("en/campaigns/2026/vote/problem/index.html")).selectFirst("h1"));
        assertNotNull(Jsoup.parse(site.page("en/campaigns/2026/results/index.html")).selectFirst("table.results__table"));
    }

    @Test
    void aCounterOnAnotherOriginIsAllowedByThePolicyAndNothingElseIs() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config().withVoteEndpoint("https://votes.example.org/prod")).build();
        Document page = Jsoup.parse(site.page("nl/campaigns/2026/vote/index.html"));

        assertEquals("https://votes.example.org/prod/api/campaigns/2026/votes", page.selectFirst("form.vote-form").attr("action"));
        String policy = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertTrue(policy.contains("connect-src 'self' https://votes.example.org;"), policy);
        assertTrue(policy.contains("form-action 'self' https://votes.example.org;"), policy);
        assertTrue(policy.contains("script-src 'self';"), policy);
    }
}
