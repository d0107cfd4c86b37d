package be.socialeinnovatiefabriek.radicale.site.build;

import be.socialeinnovatiefabriek.radicale.site.ContentException;
import be.socialeinnovatiefabriek.radicale.site.InvalidSettingException;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.SiteDefaults;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a site without Maven, for the build benchmark and for scripts:
 * {@code java -cp <plugin classpath> ...BuildCommand <project dir> [languages] [output dir] [moment]}; the
 * other settings are the campaign's defaults ({@link SiteDefaults}).
 */
public final class BuildCommand {

    private BuildCommand() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: BuildCommand <project dir> [languages, default " + SiteDefaults.LANGUAGES
                    + "] [output dir, default <project>/target/site] [moment to build as of, such as 2026-11-20T12:00+01:00; default now]");
            System.exit(2);
        }
        Path project = Path.of(args[0]).toAbsolutePath().normalize();
        List<String> languages = Arrays.asList((args.length > 1 ? args[1] : SiteDefaults.LANGUAGES).split(","));
        Path output = args.length > 2 ? Path.of(args[2]).toAbsolutePath() : project.resolve("target/site");
        ZoneId zone = ZoneId.of(SiteDefaults.TIME_ZONE);
        OffsetDateTime now = args.length > 3 ? OffsetDateTime.parse(args[3]) : OffsetDateTime.now(zone);
        long start = System.nanoTime();
        try {
            SiteConfig config = SiteConfig.validated(project, project.resolve("content"), project.resolve("site-template"), output,
                    languages, SiteDefaults.BASE_URL, zone, now, false, "");
            var report = new SiteBuilder(config).build();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println(report.summary());
            System.out.printf("pages/s: %.0f; wall time in this JVM: %.3f s%n", report.pages() / seconds, seconds);
        } catch (ContentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (InvalidSettingException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
