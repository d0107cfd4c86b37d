package be.socialeinnovatiefabriek.radicale.sitetests;

import be.socialeinnovatiefabriek.radicale.site.ContentException;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.SiteDefaults;
import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The project's own sample content (content/ and site-template/ at the root), built as {@code mvn site}
 * builds it, once per test run, into this module's {@code target/site}.
 */
public final class SampleSite {

    /** A moment while the 2026 vote is open, so that every page of the sample shows its usual state. */
    public static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T12:00+01:00");
    /** The project's settings as {@code mvn site} uses them: the plugin's defaults, or -Dsite.baseUrl and -Dsite.languages. */
    public static final String BASE_URL = System.getProperty("site.baseUrl", SiteDefaults.BASE_URL);
    public static final List<String> LANGUAGES = List.of(System.getProperty("site.languages", SiteDefaults.LANGUAGES).split(","));

    private static Path published;

    private SampleSite() {
    }

    /** The project's root folder. */
    public static Path projectDir() {
        return Path.of(System.getProperty("sitetests.projectDir", "..")).toAbsolutePath().normalize();
    }

    /** This module's build folder. */
    public static Path targetDir() {
        return Path.of(System.getProperty("sitetests.output", "target")).toAbsolutePath().normalize();
    }

    /** The settings of a build of the sample content into {@code output}. */
    public static SiteConfig config(Path output, String baseUrl, boolean preview) {
        return config(projectDir().resolve("content"), output, baseUrl, preview);
    }

    /** The settings of a build of {@code content} (the sample's, or a variant of it) with the project's template. */
    public static SiteConfig config(Path content, Path output, String baseUrl, boolean preview) {
        Path project = projectDir();
        return new SiteConfig(project, content, project.resolve("site-template"), output, LANGUAGES,
                baseUrl, ZoneId.of(SiteDefaults.TIME_ZONE), NOW, preview, "");
    }

    /** The published site (built on first use): what {@code mvn site} writes to target/site. */
    public static synchronized Path published() {
        if (published == null) {
            Path output = targetDir().resolve("site");
            try {
                new SiteBuilder(config(output, BASE_URL, false)).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ContentException e) {
                throw new IllegalStateException("The sample content does not build: " + e.getMessage(), e);
            }
            published = output;
        }
        return published;
    }
}
