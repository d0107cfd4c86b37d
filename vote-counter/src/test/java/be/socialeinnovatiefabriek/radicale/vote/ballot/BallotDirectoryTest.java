package be.socialeinnovatiefabriek.radicale.vote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.CounterFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ballots are read from the site build's files, again after a rebuild, and only for a year as id. */
class BallotDirectoryTest {

    @TempDir
    Path directory;

    @Test
    void aBallotIsReadAsTheSiteBuildWroteIt() throws IOException {
        Files.writeString(directory.resolve("2026.json"), CounterFixture.ballot("2026", "email", "after-close"));

        Ballot ballot = new BallotDirectory(directory).find("2026").orElseThrow();

        assertEquals(List.of("papillon", "armentekort", "sociale-garage"), ballot.nominees());
        assertEquals(Instant.parse("2026-11-15T08:00:00Z"), ballot.opens().toInstant());
        assertEquals(1, ballot.votesPerVoter());
        assertEquals("Garage social", ballot.names().get("sociale-garage").get("fr"));
        assertEquals(CounterFixture.page("fr", "thanks"), ballot.pages().get("fr").get("thanks"));
    }

    @Test
    void aRebuiltBallotIsPickedUp() throws IOException {
        Path file = directory.resolve("2026.json");
        Files.writeString(file, CounterFixture.ballot("2026", "email", "after-close"));
        BallotDirectory ballots = new BallotDirectory(directory);
        assertEquals("email", ballots.find("2026").orElseThrow().verification());

        Files.writeString(file, CounterFixture.ballot("2026", "none", "after-close"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertEquals("none", ballots.find("2026").orElseThrow().verification());
    }

    @Test
    void onlyAYearNamesABallot() throws IOException {
        Files.writeString(directory.resolve("2026.json"), CounterFixture.ballot("2026", "email", "after-close"));
        BallotDirectory ballots = new BallotDirectory(directory);

        for (String id : new String[] {"../2026", "2026.json", "20261", "", "２０２６", null}) {
            assertEquals(Optional.empty(), ballots.find(id), String.valueOf(id));
        }
        assertEquals(Optional.empty(), ballots.find("2030"));
    }

    @Test
    void aBrokenBallotNamesTheFileAndEveryProblem() throws IOException {
        Files.writeString(directory.resolve("2026.json"), """
                {"id": "2025", "nominees": ["Papillon"], "opens": "20 nov", "closes": "2026-11-30T23:59+01:00",
                 "results": "sometimes", "languages": ["nl"]}
                """);

        InvalidBallot invalid = assertThrows(InvalidBallot.class, () -> new BallotDirectory(directory).find("2026"));

        String message = invalid.getMessage();
        assertTrue(message.startsWith(directory.resolve("2026.json") + ": 'id' must be 2026"), message);
        assertTrue(message.contains("'nominees' must list"), message);
        assertTrue(message.contains("'opens' must be a date and time with offset like 2026-11-20T12:00+01:00 (got '20 nov')"), message);
        assertTrue(message.contains("'results' must be after-close or live (got 'sometimes')"), message);
    }

    @Test
    void aBrokenBallotIsReadAgainOnlyOnceItChanges() throws IOException {
        Path file = directory.resolve("2026.json");
        Files.writeString(file, "{ not json");
        BallotDirectory ballots = new BallotDirectory(directory);
        InvalidBallot first = assertThrows(InvalidBallot.class, () -> ballots.find("2026"));
        assertSame(first, assertThrows(InvalidBallot.class, () -> ballots.find("2026")), "the same verdict, not a new read");

        Files.writeString(file, CounterFixture.ballot("2026", "email", "after-close"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 2000));
        assertTrue(ballots.find("2026").isPresent());
    }
}
