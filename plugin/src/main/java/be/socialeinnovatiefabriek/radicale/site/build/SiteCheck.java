package be.socialeinnovatiefabriek.radicale.site.build;

import be.socialeinnovatiefabriek.radicale.site.ContentException;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.content.TranslationStatus;
import be.socialeinnovatiefabriek.radicale.site.links.LinkChecker;
import be.socialeinnovatiefabriek.radicale.site.links.LinkReport;
import java.io.IOException;

/**
 * What site:check does: builds the site as {@code mvn site} would, into a folder of its own (kept for
 * inspection), then checks every reference in it, and says which page lacks which translation.
 */
public final class SiteCheck {

    /** The build's summary, the translations, and the link check's findings. */
    public record Report(BuildReport build, TranslationStatus translations, LinkReport links) {
    }

    private SiteCheck() {
    }

    /** Checks the site of {@code config}, built into its output folder; a content mistake stops it before any link is checked. */
    public static Report run(SiteConfig config) throws ContentException, IOException {
        SiteBuilder builder = new SiteBuilder(config);
        BuildReport build = builder.build();
        LinkReport links = new LinkChecker(config.outputDir(), config.baseUrl()).check();
        return new Report(build, builder.translations(), links);
    }
}
