package be.socialeinnovatiefabriek.radicale.vote.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's main as a parent process meets it: one line and exit code 2 for a mistake; gone when stdin closes. */
class LocalServerMainTest {

    @TempDir
    Path directory;

    private record Finished(int exitCode, List<String> errorLines, String output) {
    }

    private Finished run(Map<String, String> env, String... args) throws Exception {
        Process process = ChildServer.command(env, args).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Finished(process.exitValue(), errors.lines().filter(line -> !line.startsWith("SLF4J")).toList(), output);
    }

    @Test
    void aMistakeOnTheCommandLineIsOneLineAndExitCode2() throws Exception {
        Finished finished = run(VoteLoad.environment(), "--ballots", directory.resolve("missing").toString(), "--db", "v.db");

        assertEquals(2, finished.exitCode());
        assertEquals(List.of("vote-counter: 1 problem in the vote counter's settings: --ballots: " + directory.resolve("missing")
                + " is not a directory; point it at the site build's ballots/ folder"), finished.errorLines());
        assertEquals("", finished.output());
    }

    @Test
    void wrongSettingsAreNamedTogetherInOneLine() throws Exception {
        Map<String, String> env = new HashMap<>(VoteLoad.environment());
        env.put("VOTE_HMAC_KEY", "short");
        env.put("VOTE_PUBLIC_URL", "");

        Finished finished = run(env, "--ballots", directory.toString(), "--db", directory.resolve("v.db").toString(),
                "--outbox");

        assertEquals(2, finished.exitCode());
        assertEquals(1, finished.errorLines().size(), finished.errorLines().toString());
        assertTrue(finished.errorLines().get(0).startsWith("vote-counter: 2 problems in the vote counter's settings: "
                + "(1) VOTE_HMAC_KEY: must be"), finished.errorLines().get(0));
        assertTrue(finished.errorLines().get(0).contains(" (2) VOTE_PUBLIC_URL: "), finished.errorLines().get(0));
    }

    @Test
    void theServerStopsWhenItsParentClosesItsStdin() throws Exception {
        Files.writeString(Files.createDirectories(directory.resolve("ballots")).resolve("2026.json"), VoteLoad.ballot());
        ChildServer server = ChildServer.start(VoteLoad.environment(), directory.resolve("log"), "--ballots",
                directory.resolve("ballots").toString(), "--db", directory.resolve("v.db").toString(), "--outbox");
        assertTrue(server.port() > 0);

        server.close();

        assertEquals(0, server.exitCode());
    }
}
