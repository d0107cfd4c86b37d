package be.socialeinnovatiefabriek.radicale.vote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link BallotSource} does with the ballots a site build published in {@code ballots/}: finds them
 * as the site wrote them (the golden ballot), knows nothing of a year without one nor of an id that is not a
 * year, names the source of a broken ballot, and picks up a rebuilt one. A source's test extends this class and
 * says how to open one over {@link #site}.
 */
public abstract class BallotSourceContract {

    /** The published site; its ballots are in {@code ballots/<id>.json}. */
    @TempDir
    protected Path site;

    private BallotSource source;

    /** A new source over the ballots of {@link #site}. */
    protected abstract BallotSource open() throws Exception;

    /** Lets as much time pass as the source waits before it looks at a published ballot again. */
    protected abstract void timePasses() throws IOException;

    private BallotSource source() throws Exception {
        if (source == null) {
            source = open();
        }
        return source;
    }

    /** Publishes {@code json} as the ballot of edition {@code id}. */
    protected Path publish(String id, String json) throws IOException {
        Path file = site.resolve("ballots").resolve(id + ".json");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, json, StandardCharsets.UTF_8);
    }

    private static String golden() throws IOException {
        return Files.readString(BallotParserTest.GOLDEN, StandardCharsets.UTF_8);
    }

    @Test
    void aPublishedBallotIsFoundAsTheSiteWroteIt() throws Exception {
        publish("2026", golden());

        Ballot ballot = source().find("2026").orElseThrow();

        assertEquals(BallotParser.parse(golden().getBytes(StandardCharsets.UTF_8), "2026", "golden"), ballot);
        assertEquals(List.of("alpha", "beta"), ballot.nominees());
    }

    @Test
    void aYearWithoutABallotIsNoEdition() throws Exception {
        publish("2026", golden());

        assertEquals(Optional.empty(), source().find("2025"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "../2026", "./2026", "2026.json", "2026/", "20261", "202", "２０２６", "2026\n", " 2026",
        "2026%00", "%32%30%32%36", "2026?x=1", "2026#x", "abcd"})
    void anIdThatIsNotAYearIsNoEditionWhateverLiesBesideIt(String id) throws Exception {
        publish("2026", golden());
        // A ballot beside ballots/, where a path that climbs out of it would land.
        Files.writeString(site.resolve("2026.json"), golden(), StandardCharsets.UTF_8);

        assertEquals(Optional.empty(), source().find(id));
    }

    @Test
    void aBrokenBallotIsAnInvalidBallotThatNamesItsSource() throws Exception {
        publish("2026", "{ \"id\": \"2026\", not json");

        InvalidBallot invalid = assertThrows(InvalidBallot.class, () -> source().find("2026"));

        assertTrue(invalid.getMessage().contains("2026.json: is not valid JSON"), invalid.getMessage());
    }

    @Test
    void aBallotPublishedUnderAnotherYearIsRefused() throws Exception {
        publish("2027", golden());

        InvalidBallot invalid = assertThrows(InvalidBallot.class, () -> source().find("2027"));

        assertTrue(invalid.getMessage().contains("'id' must be 2027, the file's name (got '2026')"), invalid.getMessage());
    }

    @Test
    void aRebuiltBallotIsPickedUp() throws Exception {
        publish("2026", golden());
        assertEquals("email", source().find("2026").orElseThrow().verification());

        publish("2026", golden().replace("\"verification\" : \"email\"", "\"verification\" : \"none\""));
        timePasses();

        assertEquals("none", source().find("2026").orElseThrow().verification());
    }
}
