package be.socialeinnovatiefabriek.radicale.site.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.socialeinnovatiefabriek.radicale.site.TestSite;
import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ballot the site writes for the vote counter is the golden ballot at the top of the project
 * (ballot/2026.json), which the counter's tests read too: the format both sides agree on, written once.
 */
class BallotWriterTest {

    /** The golden ballot, read by this module's tests and the counter's alike. */
    static final Path GOLDEN = Path.of("../ballot/2026.json");

    @TempDir
    Path folder;

    @Test
    void theBallotOfTheBaseSiteIsTheGoldenBallot() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();
        String written = site.page("ballots/2026.json").replace("\r\n", "\n");

        if (Boolean.getBoolean("ballot.update")) {
            Files.writeString(GOLDEN, written, StandardCharsets.UTF_8); // on purpose only: the counter must read the new format
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), written,
                "the ballot's format changed; if that is meant, make the counter read it, then run this test with -Dballot.update=true");
    }
}
