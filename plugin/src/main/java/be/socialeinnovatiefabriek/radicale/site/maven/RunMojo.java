package be.socialeinnovatiefabriek.radicale.site.maven;

import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import be.socialeinnovatiefabriek.radicale.site.serve.CounterProcess;
import be.socialeinnovatiefabriek.radicale.site.serve.PreviewServer;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Previews the site on http://localhost:8080 with a working local vote counter: builds the site into
 * target/site-preview (never the published target/site), serves it, rebuilds on every save in content/
 * or site-template/ and reloads open pages. Mail goes to http://localhost:8080/_outbox/. Stop it with Ctrl+C.
 */
@Mojo(name = "run", aggregator = true, threadSafe = true)
public class RunMojo extends SiteParameters {

    /** Port of the preview server. */
    @Parameter(property = "port", defaultValue = "8080")
    int port;

    /** Address the preview server listens on; only this machine can reach the default. */
    @Parameter(property = "host", defaultValue = "127.0.0.1")
    String host;

    /**
     * Reload open pages after every rebuild (on by default). Off, pages are served exactly as published,
     * without the preview's script and event stream, as page audits such as Lighthouse should see them;
     * saves still rebuild the site, and a manual reload shows the result.
     */
    @Parameter(property = "site.liveReload", defaultValue = "true")
    boolean liveReload;

    /** Run the local vote counter (on by default; off previews the pages only). */
    @Parameter(property = "site.counter", defaultValue = "true")
    boolean counter;

    /**
     * Where the preview is built: drafts, planned pages and local addresses included, so never the folder
     * that is published (site.outputDirectory). The counter reads its ballots from ballots/ in it.
     */
    @Parameter(property = "site.previewDirectory", defaultValue = "${project.build.directory}/site-preview")
    java.io.File previewDirectory;

    /** Where the preview's counter keeps its votes (SQLite). */
    @Parameter(property = "site.votesDirectory", defaultValue = "${project.build.directory}/votes")
    java.io.File votesDirectory;

    @Parameter(defaultValue = "${plugin.groupId}", readonly = true)
    String pluginGroupId;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    String pluginVersion;

    @Component
    RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
    List<RemoteRepository> remoteRepositories;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping the preview (site.skip)");
            return;
        }
        SiteConfig base = config(true);
        String shownHost = "127.0.0.1".equals(host) || "0.0.0.0".equals(host) ? "localhost" : host;
        String origin = "http://" + shownHost + ":" + port;
        // The preview's counter answers on the same origin, whatever the production endpoint is.
        SiteConfig config = base.with(previewDirectory.toPath(), origin, base.now(), true).withVoteEndpoint("");
        PreviewServer server = new PreviewServer(new SiteBuilder(config), liveReload, line -> getLog().info(line), line -> getLog().error(line));
        CountDownLatch stopped = new CountDownLatch(1);
        CounterProcess votes = null;
        try {
            server.start(host, port);
            if (counter) {
                try {
                    votes = startCounter(config, origin);
                    server.useCounter(votes.port());
                } catch (MojoExecutionException | IOException e) {
                    // The pages are still worth previewing; voting answers 503 until this is fixed.
                    getLog().error("The local vote counter could not start: " + e.getMessage() + "; the pages are previewed without voting");
                }
            }
        } catch (BindException e) {
            closeQuietly(server);
            throw new MojoExecutionException("Port " + port + " on " + host + " is in use; stop the other server or choose another port with -Dport=8081");
        } catch (IOException e) {
            closeQuietly(server);
            throw new MojoExecutionException("The preview could not start: " + e.getMessage(), e);
        }
        CounterProcess running = votes;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(server);
            if (running != null) {
                running.close();
            }
            stopped.countDown();
        }, "site-preview-stop"));
        getLog().info("Preview on " + origin + "/ as of " + config.now() + (running != null ? "; mail goes to " + origin + "/_outbox/" : "")
                + " (Ctrl+C to stop)");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CounterProcess startCounter(SiteConfig config, String origin) throws MojoExecutionException, IOException {
        List<Path> classpath = CounterClasspath.resolve(repositorySystem, repositorySession, remoteRepositories, pluginGroupId, pluginVersion);
        Path dir = votesDirectory.toPath();
        Files.createDirectories(dir);
        CounterProcess.Secrets secrets = new CounterProcess.Secrets(
                secret("VOTE_HMAC_KEY", dir.resolve("preview-hmac.key")), secret("VOTE_ADMIN_TOKEN", dir.resolve("preview-admin.token")));
        OffsetDateTime clock = now != null && !now.isBlank() ? config.now() : null;
        CounterProcess process = CounterProcess.startForPreview(classpath, config.outputDir().resolve("ballots"), dir, origin, clock, secrets,
                line -> getLog().info(line));
        getLog().info("Local vote counter: votes in " + dir.resolve("votes.db") + "; admin export token "
                + (System.getenv("VOTE_ADMIN_TOKEN") != null ? "in $VOTE_ADMIN_TOKEN" : "in " + dir.resolve("preview-admin.token")));
        return process;
    }

    /**
     * The secret in environment variable {@code name}, or else a random one kept in {@code file} (owner-only
     * from its creation), so hashes stay the same across restarts; a blank file gets a new secret.
     */
    static String secret(String name, Path file) throws IOException {
        String fromEnvironment = System.getenv(name);
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file).strip();
            if (!kept.isEmpty()) {
                return kept;
            }
            Files.delete(file);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: the folder's own protection applies
        }
        Files.writeString(file, secret);
        return secret;
    }

    private static void closeQuietly(PreviewServer server) {
        try {
            server.close();
        } catch (IOException e) {
            // stopping anyway
        }
    }
}
