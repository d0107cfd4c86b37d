package be.socialeinnovatiefabriek.radicale.vote.address;

import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.assertRefused;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.CounterFixture;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throwaway addresses (inboxes anyone can read) cannot confirm a vote: the bundled community list, a
 * site's own additions and allowed domains, and the counter's answer to such an address.
 */
class DisposableDomainsTest {

    private static final String VOTES = "/api/campaigns/2026/votes";

    @TempDir
    Path directory;

    @Test
    void theBundledListRefusesWellKnownThrowawayDomainsAndWhatLiesUnderThem() {
        DisposableDomains bundled = DisposableDomains.bundled();

        assertTrue(bundled.size() > 5_000, "the community list: " + bundled.size());
        assertEquals(Optional.of("mailinator.com"), bundled.listedFor("ann@mailinator.com"));
        assertEquals(Optional.of("yopmail.com"), bundled.listedFor("ann@YOPMAIL.com"));
        assertEquals(Optional.of("guerrillamail.com"), bundled.listedFor("guerrillamail.com."));
        assertEquals(Optional.of("mailinator.com"), bundled.listedFor("ann@inbox.eu.mailinator.com"), "a subdomain");
        assertEquals(Optional.of("0-mailer.dynv6.net"), bundled.listedFor("ann@x.0-mailer.dynv6.net"));
    }

    @Test
    void ordinaryDomainsAndTheParentsOfListedOnesAreNotRefused() {
        DisposableDomains bundled = DisposableDomains.bundled();

        for (String address : List.of("ann@example.be", "ann@gmail.com", "ann@telenet.be", "ann@proton.me",
                "ann@mailinator.be", "ann@mailinator.com.example.be", "ann@dynv6.net", "ann@com")) {
            assertEquals(Optional.empty(), bundled.listedFor(address), address);
        }
    }

    @Test
    void aSiteAddsDomainsFromAFileAndAllowsFalsePositives() throws IOException {
        Path file = Files.writeString(directory.resolve("extra.txt"), """
                # throwaway domains seen in last year's vote
                wegwerp.example

                Burner.Example.org
                """);
        List<Problem> problems = new ArrayList<>();

        DisposableDomains domains = DisposableDomains.fromEnvironment(Map.of("VOTE_DISPOSABLE_DOMAINS_FILE", file.toString(),
                "VOTE_DISPOSABLE_DOMAINS_ALLOW", "yopmail.com, inbox.mailinator.com"), problems);

        assertEquals(List.of(), problems);
        assertEquals(Optional.of("wegwerp.example"), domains.listedFor("ann@mail.wegwerp.example"));
        assertEquals(Optional.of("burner.example.org"), domains.listedFor("ann@burner.example.org"));
        assertEquals(Optional.empty(), domains.listedFor("ann@yopmail.com"));
        assertEquals(Optional.empty(), domains.listedFor("ann@eu.inbox.mailinator.com"), "allowed with what lies under it");
        assertEquals(Optional.of("mailinator.com"), domains.listedFor("ann@mailinator.com"));
        assertEquals(Optional.of("guerrillamail.com"), domains.listedFor("ann@guerrillamail.com"), "the bundled list stays");
    }

    @Test
    void mistakesInTheSitesListsAreExplainedWithTheirLines() throws IOException {
        Path file = Files.writeString(directory.resolve("extra.txt"), "ok.example\ncom\n-bad-.example\nspace in.example\n");
        List<Problem> problems = new ArrayList<>();

        DisposableDomains.fromEnvironment(Map.of("VOTE_DISPOSABLE_DOMAINS_FILE", file.toString(),
                "VOTE_DISPOSABLE_DOMAINS_ALLOW", "good.example, not a domain"), problems);
        DisposableDomains.fromEnvironment(Map.of("VOTE_DISPOSABLE_DOMAINS_FILE", directory.resolve("missing.txt").toString()),
                problems);

        assertEquals(5, problems.size(), problems.toString());
        assertEquals(new Problem(file + ":2", "'com' is not a mail domain with at least two labels",
                "write one domain a line, such as throwaway.example, and # before a comment"), problems.get(0));
        assertEquals(file + ":3", problems.get(1).where());
        assertEquals(file + ":4: 'space in.example' is not a mail domain with at least two labels; write one domain a line, "
                + "such as throwaway.example, and # before a comment", problems.get(2).toString());
        assertEquals("VOTE_DISPOSABLE_DOMAINS_ALLOW", problems.get(3).where());
        assertEquals("'not a domain' is not a mail domain", problems.get(3).what());
        assertEquals("VOTE_DISPOSABLE_DOMAINS_FILE", problems.get(4).where());
        assertTrue(problems.get(4).what().startsWith(directory.resolve("missing.txt") + " cannot be read"), problems.get(4).what());
    }

    @Test
    void aFileInAnotherFormatNamesItsFirstWrongLinesAndCountsTheRest() throws IOException {
        Path file = Files.writeString(directory.resolve("domains.csv"), "domain;added\n".repeat(12));
        List<Problem> problems = new ArrayList<>();

        DisposableDomains.fromEnvironment(Map.of("VOTE_DISPOSABLE_DOMAINS_FILE", file.toString()), problems);

        assertEquals(6, problems.size(), problems.toString());
        assertEquals(file + ":5", problems.get(4).where());
        assertEquals(new Problem(file.toString(), "7 more lines are not mail domains",
                "write one domain a line, such as throwaway.example, and # before a comment"), problems.get(5));
    }

    @Test
    void aThrowawayAddressIsRefusedWithAReasonAndNothingIsMailedOrCounted() throws IOException {
        try (CounterFixture counter = new CounterFixture(directory)) {
            ApiResponse json = counter.postJson(VOTES, "{\"nominee\": \"papillon\", \"email\": \"ann@mailinator.com\"}");
            ApiResponse subdomain = counter.postJson(VOTES,
                    "{\"nominee\": \"papillon\", \"email\": \"Ann+x@Mail.YopMail.com\", \"lang\": \"en\"}");
            ApiResponse form = counter.postForm(VOTES, "nominee=papillon&email=ann%40guerrillamail.com&lang=fr");

            assertRefused(json, 400, "disposable_address");
            assertTrue(counter.body(json).path("message").asText().contains("mailinator.com"), CounterFixture.text(json));
            assertRefused(subdomain, 400, "disposable_address");
            assertEquals(303, form.status());
            assertEquals(page("fr", "problem"), form.headers().get("Location"));
            assertTrue(counter.mailer.sent.isEmpty());
            assertEquals(Map.of(), counter.tallies("2026"));

            assertEquals(202, counter.postJson(VOTES, "{\"nominee\": \"papillon\", \"email\": \"ann@example.be\"}").status(),
                    "an unlisted domain is welcome");
        }
    }
}
