package be.socialeinnovatiefabriek.radicale.site.maven;

import be.socialeinnovatiefabriek.radicale.site.ContentException;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.build.SiteCheck;
import be.socialeinnovatiefabriek.radicale.site.content.TranslationStatus;
import be.socialeinnovatiefabriek.radicale.site.links.LinkReport;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the site without publishing it: everything the site goal checks, plus a table of missing
 * translations, internal links, images, assets and language alternates that point nowhere (each with
 * its file and line), and images without alt text.
 */
@Mojo(name = "check", aggregator = true, threadSafe = true)
public class CheckMojo extends SiteParameters {

    /** Where the checked site is built (kept for inspection; target/site is left alone). */
    @Parameter(property = "site.checkDirectory", defaultValue = "${project.build.directory}/site-check")
    File checkDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the site check (site.skip)");
            return;
        }
        SiteConfig base = config(false);
        SiteConfig config = base.with(checkDirectory.toPath(), base.baseUrl(), base.now(), false);
        SiteCheck.Report report;
        try {
            report = SiteCheck.run(config);
        } catch (ContentException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("The site could not be checked in " + checkDirectory + ": " + e.getMessage(), e);
        }
        getLog().info(report.build().summary());
        TranslationStatus translations = report.translations();
        getLog().info("Translations (" + translations.missing() + " missing; a missing page shows the "
                + config.defaultLanguage() + " text with a notice):");
        translations.table().forEach(line -> getLog().info("  " + line));
        LinkReport links = report.links();
        getLog().info(links.summary());
        if (!links.problems().isEmpty()) {
            links.lines().forEach(line -> getLog().error(line));
            throw new MojoFailureException(links.problems().size() + " broken references in the site; see the lines above");
        }
        getLog().info("No broken links, images, assets or language alternates.");
    }
}
