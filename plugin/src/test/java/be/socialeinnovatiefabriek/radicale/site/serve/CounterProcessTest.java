package be.socialeinnovatiefabriek.radicale.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local vote counter's process: the origins it accepts, and what it printed last when it stops before it listens. */
class CounterProcessTest {

    @TempDir
    Path folder;

    @Test
    void aCounterThatStopsBeforeListeningIsReportedWithItsLastWords() {
        // An empty class path: the JVM starts and says it cannot find the counter, then exits.
        IOException stopped = assertThrows(IOException.class,
                () -> CounterProcess.start(List.of(folder), List.of(), Map.of(), line -> { }));

        assertTrue(stopped.getMessage().startsWith("the vote counter did not start: it stopped before it listened, saying: "),
                stopped.getMessage());
        assertTrue(stopped.getMessage().contains("be.socialeinnovatiefabriek.radicale.vote.local.LocalServer"), stopped.getMessage());
    }

    @Test
    void acceptsVotesFromPagesOpenedThroughEitherNameOfThisMachine() {
        assertEquals(List.of("http://localhost:8080", "http://127.0.0.1:8080"), List.copyOf(CounterProcess.sameMachineOrigins("http://localhost:8080")));
        assertEquals(List.of("http://127.0.0.1:4000", "http://localhost:4000"), List.copyOf(CounterProcess.sameMachineOrigins("http://127.0.0.1:4000")));
        assertEquals(List.of("http://preview.example:8080"), List.copyOf(CounterProcess.sameMachineOrigins("http://preview.example:8080")));
    }
}
