package be.socialeinnovatiefabriek.radicale.vote.ballot;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.CounterFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ballots read from the site build's folder: the ballot source contract, and a broken file read once per change. */
class BallotDirectoryTest extends BallotSourceContract {

    private Path directory;

    @BeforeEach
    void ballotsFolder() throws IOException {
        directory = Files.createDirectories(site.resolve("ballots"));
    }

    @Override
    protected BallotSource open() {
        return new BallotDirectory(directory);
    }

    /** A rebuild writes the file anew: a later modification time. */
    @Override
    protected void timePasses() throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Files.getLastModifiedTime(file).toInstant().plusSeconds(5)));
            }
        }
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
