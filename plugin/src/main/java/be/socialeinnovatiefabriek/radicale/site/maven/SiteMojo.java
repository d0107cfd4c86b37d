package be.socialeinnovatiefabriek.radicale.site.maven;

import be.socialeinnovatiefabriek.radicale.site.ContentException;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.build.BuildReport;
import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import be.socialeinnovatiefabriek.radicale.site.editor.PublishedEditor;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Builds the static site from content/ and site-template/ into target/site. */
@Mojo(name = "site", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class SiteMojo extends SiteParameters {

    /**
     * Publish the browser editor on /admin/ of the site, committing to this Git host: github, gitlab, gitea or
     * bitbucket. Empty (the default): no editor is published. Needs site.editorRepository; see the README for
     * the host's sign-in.
     */
    @Parameter(property = "site.editorBackend", defaultValue = "")
    String editorBackend;

    /** The repository the published editor commits to, as owner/name on site.editorBackend's host. */
    @Parameter(property = "site.editorRepository", defaultValue = "")
    String editorRepository;

    /** The branch the published editor commits to: the one the site is built and published from. */
    @Parameter(property = "site.editorBranch", defaultValue = "main")
    String editorBranch;

    /** The sign-in (OAuth) server of the published editor, an https address; empty for the Git host's own. */
    @Parameter(property = "site.editorAuthUrl", defaultValue = "")
    String editorAuthUrl;

    /**
     * The id of an OAuth application on the Git host with which staff sign in from the browser alone (PKCE; GitLab and
     * Gitea). Empty: the host's usual sign-in, through site.editorAuthUrl where the host needs a server (GitHub).
     */
    @Parameter(property = "site.editorAppId", defaultValue = "")
    String editorAppId;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the site build (site.skip)");
            return;
        }
        PublishedEditor.Settings editor = null;
        if (editorBackend != null && !editorBackend.isBlank()) {
            editor = new PublishedEditor.Settings(editorBackend.strip(), editorRepository == null ? null : editorRepository.strip(),
                    editorBranch == null ? null : editorBranch.strip(), editorAuthUrl, editorAppId);
            if (!editor.mistakes().isEmpty()) {
                throw new MojoExecutionException(String.join(System.lineSeparator(), editor.mistakes()));
            }
        }
        try {
            SiteConfig config = config(false);
            BuildReport report = new SiteBuilder(config).build();
            getLog().info(report.summary() + " -> " + outputDirectory);
            if (editor != null) {
                PublishedEditor.write(config.outputDir(), config, editor);
                getLog().info("Editor for staff on /admin/, committing to " + editor.backend() + " " + editor.repository() + " (" + editor.branch() + ")");
            }
        } catch (ContentException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("The site could not be written to " + outputDirectory + ": " + e.getMessage(), e);
        }
    }
}
