package be.socialeinnovatiefabriek.radicale.site.maven;

import be.socialeinnovatiefabriek.radicale.site.core.SiteBuilder;
import be.socialeinnovatiefabriek.radicale.site.core.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.serve.PreviewServer;
import java.io.IOException;
import java.net.BindException;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Previews the site on http://localhost:8080: builds it, serves it, rebuilds on every save in content/
 * or site-template/ and reloads open pages. Stop it with Ctrl+C.
 */
@Mojo(name = "run", aggregator = true, threadSafe = true)
public class RunMojo extends SiteParameters {

    /** Port of the preview server. */
    @Parameter(property = "port", defaultValue = "8080")
    int port;

    /** Address the preview server listens on; only this machine can reach the default. */
    @Parameter(property = "host", defaultValue = "127.0.0.1")
    String host;

    @Override
    public void execute() throws MojoExecutionException {
        SiteConfig base = config(true);
        String shownHost = "127.0.0.1".equals(host) || "0.0.0.0".equals(host) ? "localhost" : host;
        // The preview's counter answers on the same origin, whatever the production endpoint is.
        SiteConfig config = base.with(base.outputDir(), "http://" + shownHost + ":" + port, base.now(), true).withVoteEndpoint("");
        PreviewServer server = new PreviewServer(new SiteBuilder(config), line -> getLog().info(line), line -> getLog().error(line));
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            server.start(host, port);
        } catch (BindException e) {
            throw new MojoExecutionException("Port " + port + " on " + host + " is in use; stop the other server or choose another port with -Dport=8081");
        } catch (IOException e) {
            throw new MojoExecutionException("The preview could not start: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                // shutting down anyway
            }
            stopped.countDown();
        }, "site-preview-stop"));
        getLog().info("Preview on http://" + shownHost + ":" + server.port() + "/ as of " + config.now() + " (Ctrl+C to stop)");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
