package be.socialeinnovatiefabriek.radicale.site.serve;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local vote counter's process: when it stops before it listens, the message says what it printed last. */
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
}
