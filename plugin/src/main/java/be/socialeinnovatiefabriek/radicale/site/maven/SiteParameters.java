package be.socialeinnovatiefabriek.radicale.site.maven;

import be.socialeinnovatiefabriek.radicale.site.InvalidSettingException;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.SiteDefaults;
import java.io.File;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters every goal shares, and their translation into the build's {@link SiteConfig}. */
abstract class SiteParameters extends AbstractMojo {

    /** Languages of the site, comma-separated; the first is the default language that every page starts from. */
    @Parameter(property = "site.languages", defaultValue = SiteDefaults.LANGUAGES)
    String languages;

    /** The public address of the site, used for canonical links and language alternates; its path, if any, prefixes every link. */
    @Parameter(property = "site.baseUrl", defaultValue = SiteDefaults.BASE_URL)
    String baseUrl;

    /** The folder of Markdown content: innovators/, campaigns/ and pages/. */
    @Parameter(property = "site.contentDirectory", defaultValue = "${project.basedir}/content")
    File contentDirectory;

    /** The folder with templates/, assets/ and i18n/. */
    @Parameter(property = "site.templateDirectory", defaultValue = "${project.basedir}/site-template")
    File templateDirectory;

    /** Where the static site is written. The previous site stays in place until a new one is complete. */
    @Parameter(property = "site.outputDirectory", defaultValue = "${project.build.directory}/site")
    File outputDirectory;

    /** Time zone in which dates are shown to visitors. */
    @Parameter(property = "site.timeZone", defaultValue = SiteDefaults.TIME_ZONE)
    String timeZone;

    /**
     * Build the site as of this moment instead of now, such as 2026-03-15T10:00+01:00: drafts, scheduled
     * pages and voting phases follow it.
     */
    @Parameter(property = "site.now")
    String now;

    /**
     * The vote counter's public address (the API Gateway URL printed by the deployment), such as
     * https://abc123.execute-api.eu-west-1.amazonaws.com. Empty: the counter answers on the site's own
     * origin under /api/ (self-hosting behind one proxy, and site:run).
     */
    @Parameter(property = "site.voteEndpoint", defaultValue = "")
    String voteEndpoint;

    /** Skip this goal. */
    @Parameter(property = "site.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /** The validated settings; a wrong setting names its property (site.*) and the fix. */
    SiteConfig config(boolean preview) throws MojoExecutionException {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new MojoExecutionException("site.timeZone \"" + timeZone + "\" is not a time zone; use a name such as Europe/Brussels");
        }
        OffsetDateTime moment;
        try {
            moment = now == null || now.isBlank() ? OffsetDateTime.now(zone) : OffsetDateTime.parse(now.strip());
        } catch (DateTimeParseException e) {
            throw new MojoExecutionException("site.now \"" + now + "\" is not a moment; write it as 2026-03-15T10:00+01:00");
        }
        List<String> codes = Arrays.stream(languages.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toList());
        try {
            return SiteConfig.validated(basedir.toPath(), contentDirectory.toPath(), templateDirectory.toPath(), outputDirectory.toPath(),
                    codes, baseUrl, zone, moment, preview, voteEndpoint);
        } catch (InvalidSettingException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }
}
