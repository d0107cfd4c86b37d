package be.socialeinnovatiefabriek.radicale.site.maven;

import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.editor.BrowserEditor;
import be.socialeinnovatiefabriek.radicale.site.editor.EditorAccess;
import be.socialeinnovatiefabriek.radicale.site.serve.Preview;
import java.io.File;
import java.io.IOException;
import java.net.BindException;
import java.time.Clock;
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

    /**
     * Serve the browser editor on /admin/ (on by default): a CMS whose forms follow the content schemas and which
     * saves into content/. It answers this machine only; when the preview listens beyond it (-Dhost=0.0.0.0) the
     * editor is off unless the environment sets SITE_EDITOR_SECRET (16 characters or more), which staff then type once.
     */
    @Parameter(property = "site.editor", defaultValue = "true")
    boolean editor;

    /** Run the local vote counter (on by default; off previews the pages only). */
    @Parameter(property = "site.counter", defaultValue = "true")
    boolean counter;

    /**
     * Where the preview is built: drafts, planned pages and local addresses included, so never the folder
     * that is published (site.outputDirectory). The counter reads its ballots from ballots/ in it.
     */
    @Parameter(property = "site.previewDirectory", defaultValue = "${project.build.directory}/site-preview")
    File previewDirectory;

    /** Where the preview's counter keeps its votes (SQLite). */
    @Parameter(property = "site.votesDirectory", defaultValue = "${project.build.directory}/votes")
    File votesDirectory;

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
        String origin = Preview.origin(host, port);
        // The preview's counter answers on the same origin, whatever the production endpoint is.
        SiteConfig config = base.with(previewDirectory.toPath(), origin, base.now(), true).withVoteEndpoint("");
        // The counter starts beside the first build, so that voting works from the first page served.
        Preview.Counter localCounter = counter ? new Preview.Counter(
                () -> CounterClasspath.resolve(repositorySystem, repositorySession, remoteRepositories, pluginGroupId, pluginVersion),
                // Without site.now the counter keeps the real time, as in production.
                votesDirectory.toPath(), now != null && !now.isBlank() ? config.now() : null) : null;
        Preview preview;
        try {
            preview = Preview.start(config, host, port, liveReload, localCounter, line -> getLog().info(line), line -> getLog().error(line));
        } catch (BindException e) {
            throw new MojoExecutionException("Port " + port + " on " + host + " is in use; stop the other server or choose another port with -Dport=8081");
        } catch (IOException e) {
            throw new MojoExecutionException("The preview could not start: " + e.getMessage(), e);
        }
        BrowserEditor browserEditor = new BrowserEditor(config, EditorAccess.forPreview(host, editor, System.getenv(EditorAccess.SECRET_VARIABLE)),
                config.outputDir().resolveSibling(".site-cache").resolve("editor-check"), Clock.systemUTC(), line -> getLog().info(line));
        preview.useEditor(browserEditor);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            preview.close();
            stopped.countDown();
        }, "site-preview-stop"));
        getLog().info(browserEditor.describe(origin));
        getLog().info("Preview on " + origin + "/ as of " + config.now() + (preview.counting() ? "; mail goes to " + origin + "/_outbox/" : "")
                + " (Ctrl+C to stop)");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
