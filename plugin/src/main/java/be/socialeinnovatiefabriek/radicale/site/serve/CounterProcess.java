package be.socialeinnovatiefabriek.radicale.site.serve;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The local vote counter, run as its own process as in production, where the counter is its own
 * deployable. It exits when its standard input closes, so it never outlives the preview, even when
 * Maven is killed.
 */
public final class CounterProcess implements AutoCloseable {

    private static final String MAIN = "be.socialeinnovatiefabriek.radicale.vote.local.LocalServer";
    private static final int LAST_LINES = 3;

    private final Process process;
    private final int port;

    private CounterProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The counter's two secrets: the key its voter hashes are made with, and the bearer token of its admin export. */
    public record Secrets(String hmacKey, String adminToken) {
    }

    /**
     * Starts the counter as it runs beside the preview: on a free port of 127.0.0.1, ballots from
     * {@code ballotsDir} (made if a failed build left none), votes in {@code votesDir}/votes.db, mail to its
     * outbox, accepting votes from pages of {@code origin} (also spelt with localhost or 127.0.0.1), and with
     * its clock at {@code now} unless that is null.
     */
    public static CounterProcess startForPreview(List<Path> classpath, Path ballotsDir, Path votesDir, String origin,
                                                 OffsetDateTime now, Secrets secrets, Consumer<String> log) throws IOException {
        Files.createDirectories(ballotsDir);
        Files.createDirectories(votesDir);
        List<String> arguments = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0", "--ballots", ballotsDir.toString(),
                "--db", votesDir.resolve("votes.db").toString(), "--outbox"));
        if (now != null) {
            arguments.addAll(List.of("--now", now.toString()));
        }
        Map<String, String> environment = Map.of(
                "VOTE_HMAC_KEY", secrets.hmacKey(),
                "VOTE_ADMIN_TOKEN", secrets.adminToken(),
                "VOTE_ALLOWED_ORIGINS", String.join(",", sameMachineOrigins(origin)),
                "VOTE_PUBLIC_URL", origin);
        return start(classpath, arguments, environment, log);
    }

    /** {@code origin}, and when it names this machine, its other spelling: a page may be opened through either. */
    static Set<String> sameMachineOrigins(String origin) {
        Set<String> origins = new LinkedHashSet<>(List.of(origin));
        if (origin.startsWith("http://localhost:")) {
            origins.add(origin.replace("http://localhost:", "http://127.0.0.1:"));
        } else if (origin.startsWith("http://127.0.0.1:")) {
            origins.add(origin.replace("http://127.0.0.1:", "http://localhost:"));
        }
        return origins;
    }

    /**
     * Starts the counter from {@code classpath} with {@code arguments} and {@code environment}, and waits
     * until it listens; its other output goes to {@code log}.
     */
    public static CounterProcess start(List<Path> classpath, List<String> arguments, Map<String, String> environment,
                                       Consumer<String> log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(MAIN);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            // The counter says why it stopped in its last lines (a usage error, a missing class); keep them for the message.
            Deque<String> last = new ArrayDeque<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!listening.isDone() && line.startsWith("LISTENING ")) {
                        listening.complete(Integer.parseInt(line.substring("LISTENING ".length()).strip()));
                    } else {
                        log.accept("[vote counter] " + line);
                        if (!listening.isDone() && !line.isBlank()) {
                            if (last.size() == LAST_LINES) {
                                last.removeFirst();
                            }
                            last.addLast(line.strip());
                        }
                    }
                }
            } catch (IOException | NumberFormatException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IOException("it stopped before it listened"
                    + (last.isEmpty() ? "" : ", saying: " + String.join(" / ", last))));
        }, "vote-counter-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new CounterProcess(process, listening.get(30, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("the vote counter did not start: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the vote counter started", e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // the counter's cue to stop
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
