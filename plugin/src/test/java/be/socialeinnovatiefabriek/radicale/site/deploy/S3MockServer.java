package be.socialeinnovatiefabriek.radicale.site.deploy;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S3Mock, an S3-compatible server, started from its executable jar (a test dependency) as a process of its own:
 * its Spring Boot classes never meet the plugin's. It listens on a free port and keeps its objects in a folder.
 */
public final class S3MockServer implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("Tomcat started on ports? (\\d+) \\(https\\), (\\d+) \\(http\\)");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private static S3MockServer shared;

    private final Process process;
    private final URI endpoint;

    private S3MockServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** One server for every test class of the run (it takes seconds to start), stopped when the JVM exits. */
    public static synchronized S3MockServer shared() throws IOException, InterruptedException {
        if (shared == null) {
            Path folder = Files.createTempDirectory("s3mock");
            shared = start(folder, List.of());
            S3MockServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stopAndDelete(folder), "s3mock-stop"));
        }
        return shared;
    }

    /** Starts S3Mock with {@code buckets} made, its objects and log in {@code folder}. */
    static S3MockServer start(Path folder, List<String> buckets) throws IOException, InterruptedException {
        Path log = folder.resolve("s3mock.log");
        Path root = Files.createDirectories(folder.resolve("store"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(),
                "--server.port=0", "--com.adobe.testing.s3mock.http-port=0",
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--com.adobe.testing.s3mock.store.initialBuckets=" + String.join(",", buckets),
                "--com.adobe.testing.s3mock.store.retainFilesOnExit=false",
                "--spring.main.banner-mode=off")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock stopped at start; see " + log);
            }
            Matcher started = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (started.find()) {
                return new S3MockServer(process, URI.create("http://127.0.0.1:" + started.group(2)));
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("S3Mock did not start within " + START_TIMEOUT + "; see " + log);
    }

    /** The executable jar on the test class path (the s3mock dependency, classifier exec). */
    private static Path jar() {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.matches(".*s3mock-[0-9.]+-exec\\.jar")) {
                return Path.of(entry);
            }
        }
        throw new IllegalStateException("s3mock-<version>-exec.jar is not on the test class path; see plugin/pom.xml");
    }

    /** Its plain-HTTP address. */
    public URI endpoint() {
        return endpoint;
    }

    private void stopAndDelete(Path folder) {
        try {
            close();
            try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException | InterruptedException e) {
            // the JVM is exiting; the temporary folder is left
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
