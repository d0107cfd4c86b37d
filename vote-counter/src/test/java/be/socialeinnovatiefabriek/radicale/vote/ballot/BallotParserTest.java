package be.socialeinnovatiefabriek.radicale.vote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The counter reads the golden ballot at the top of the project (ballot/2026.json), the file the site's
 * BallotWriter is tested against: a change of format on either side fails one of the two modules' tests.
 */
class BallotParserTest {

    /** The golden ballot, shared with the plugin's tests. */
    static final Path GOLDEN = Path.of("../ballot/2026.json");

    @Test
    void theGoldenBallotReadsAsTheSiteMeantIt() throws IOException {
        Ballot ballot = BallotParser.parse(Files.readAllBytes(GOLDEN), "2026", GOLDEN.toString());

        assertEquals("2026", ballot.id());
        assertEquals(List.of("alpha", "beta"), ballot.nominees());
        assertEquals(OffsetDateTime.parse("2026-11-16T09:00+01:00"), ballot.opens());
        assertEquals(OffsetDateTime.parse("2026-12-13T20:00+01:00"), ballot.closes());
        assertEquals("after-close", ballot.results());
        assertEquals("email", ballot.verification());
        assertEquals(1, ballot.votesPerVoter());
        assertEquals(List.of("nl", "fr", "en"), ballot.languages());
        assertEquals("Radicale Vernieuwers 2026", ballot.title("fr"));
        assertEquals("Beta", ballot.nomineeName("beta", "en"));
        Map<String, String> french = ballot.pages().get("fr");
        assertEquals("https://radicalevernieuwers.be/fr/campaigns/2026/vote/thank-you/", french.get("thanks"));
        assertEquals("https://radicalevernieuwers.be/assets/site.css", french.get("css"));
        for (String lang : ballot.languages()) {
            // Every page the counter sends a voter to, in every language.
            assertEquals(Set.of("vote", "checkMail", "thanks", "alreadyVoted", "closed", "problem", "results", "css"),
                    ballot.pages().get(lang).keySet(), "pages in " + lang);
        }
    }

    @Test
    void theCounterReadsEveryFieldOfTheGoldenBallot() throws IOException {
        List<String> unread = new ArrayList<>();
        new ObjectMapper().readTree(Files.readString(GOLDEN, StandardCharsets.UTF_8)).fieldNames().forEachRemaining(field -> {
            if (!BallotParser.FIELDS.contains(field)) {
                unread.add(field);
            }
        });

        assertTrue(unread.isEmpty(), "the site writes fields the counter does not read: " + unread
                + "; teach BallotParser to read them (and describe them in ballot/README.md)");
    }

    @Test
    void aBallotWithoutTheFieldsItNeedsIsRefusedNamingEachOne() {
        InvalidBallot refused = assertThrows(InvalidBallot.class, () -> BallotParser.parse(
                "{\"id\": \"2026\", \"nominees\": [\"Not A Slug\"], \"opens\": \"soon\", \"languages\": []}"
                        .getBytes(StandardCharsets.UTF_8), "2026", "ballots/2026.json"));

        String message = refused.getMessage();
        assertTrue(message.startsWith("ballots/2026.json: "), message);
        for (String field : List.of("'nominees'", "'opens'", "'closes'", "'languages'")) {
            assertTrue(message.contains(field), field + " in: " + message);
        }
    }
}
