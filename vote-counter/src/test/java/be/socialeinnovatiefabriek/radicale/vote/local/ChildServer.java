package be.socialeinnovatiefabriek.radicale.vote.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The local server as a real child process, as {@code mvn site:run} starts it: a JVM of its own, on port 0.
 * The system property {@code counter.jvmOptions} adds JVM options to the child (a profiler, a heap size).
 */
final class ChildServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private ChildServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code LocalServer} with {@code args} and {@code env} and waits for its LISTENING line. */
    static ChildServer start(Map<String, String> env, Path log, String... args) throws IOException, InterruptedException {
        return start(classPath(), env, log, args);
    }

    /**
     * Starts the {@code LocalServer} found on {@code classPath} (another build of the counter, for a benchmark that
     * compares two) with {@code args} and {@code env}, and waits for its LISTENING line.
     */
    static ChildServer start(String classPath, Map<String, String> env, Path log, String... args)
            throws IOException, InterruptedException {
        Process process = command(classPath, env, args).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                do {
                    line = out.readLine(); // skips what a JVM option may print first
                } while (line != null && !line.startsWith("LISTENING "));
                return line;
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = first.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("the vote counter did not start within 60 s; see " + log, e);
        }
        if (line == null || !line.startsWith("LISTENING ")) {
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IOException("the vote counter did not start (" + line + "); see " + log);
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe from filling up
                }
            } catch (IOException e) {
                // the child is gone
            }
        }, "child stdout");
        drain.setDaemon(true);
        drain.start();
        return new ChildServer(process, Integer.parseInt(line.substring("LISTENING ".length()).trim()));
    }

    /** The command that runs {@code LocalServer} in a JVM of its own, with this JVM's class path. */
    static ProcessBuilder command(Map<String, String> env, String... args) {
        return command(classPath(), env, args);
    }

    private static ProcessBuilder command(String classPath, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String jvmOptions = System.getProperty("counter.jvmOptions", "").trim();
        if (!jvmOptions.isEmpty()) {
            command.addAll(List.of(jvmOptions.split("\\s+")));
        }
        command.addAll(List.of("-cp", classPath, LocalServer.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        return builder;
    }

    /** The class path of this JVM; surefire hides it in a manifest-only jar, whose manifest a child honours too. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    int port() {
        return port;
    }

    /** kill -9: SIGKILL on Linux, no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Closes the child's stdin, as a parent that exits does; the child stops by itself. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** CPU time the child has used so far (user and system). */
    java.time.Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    int exitCode() throws InterruptedException {
        process.waitFor(30, TimeUnit.SECONDS);
        return process.exitValue();
    }
}
