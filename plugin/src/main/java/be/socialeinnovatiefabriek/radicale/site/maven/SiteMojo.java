package be.socialeinnovatiefabriek.radicale.site.maven;

import be.socialeinnovatiefabriek.radicale.site.ContentException;
import be.socialeinnovatiefabriek.radicale.site.build.BuildReport;
import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Builds the static site from content/ and site-template/ into target/site. */
@Mojo(name = "site", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class SiteMojo extends SiteParameters {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the site build (site.skip)");
            return;
        }
        try {
            BuildReport report = new SiteBuilder(config(false)).build();
            getLog().info(report.summary() + " -> " + outputDirectory);
        } catch (ContentException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("The site could not be written to " + outputDirectory + ": " + e.getMessage(), e);
        }
    }
}
