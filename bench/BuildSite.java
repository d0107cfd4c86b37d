import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * Builds a project with every setting given, through the plugin's public API only, so that the same
 * source runs against this checkout's classes and against a baseline's (bench/same-output.sh):
 * <pre>
 * java -cp &lt;plugin runtime classpath&gt; bench/BuildSite.java &lt;project&gt; &lt;output&gt; &lt;languages&gt; &lt;moment&gt; &lt;preview&gt; &lt;base URL&gt; [vote endpoint]
 * </pre>
 */
public final class BuildSite {

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]).toAbsolutePath().normalize();
        Path output = Path.of(args[1]).toAbsolutePath().normalize();
        SiteConfig config = SiteConfig.validated(project, project.resolve("content"), project.resolve("site-template"), output,
                Arrays.asList(args[2].split(",")), args[5], ZoneId.of("Europe/Brussels"), OffsetDateTime.parse(args[3]),
                Boolean.parseBoolean(args[4]), args.length > 6 ? args[6] : "");
        System.out.println(new SiteBuilder(config).build().summary());
    }
}
