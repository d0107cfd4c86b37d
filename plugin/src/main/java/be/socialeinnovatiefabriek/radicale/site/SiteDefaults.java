package be.socialeinnovatiefabriek.radicale.site;

/**
 * The campaign's settings when nothing else is set: the defaults of the goals' site.* parameters
 * (their {@code @Parameter} annotations read these), of the command that builds without Maven, and of the tests.
 */
public final class SiteDefaults {

    /** site.languages: the first is the default language, which every page starts from. */
    public static final String LANGUAGES = "nl,fr,en";
    /** site.baseUrl: the site's public address. */
    public static final String BASE_URL = "https://radicalevernieuwers.be";
    /** site.timeZone: the campaign's time zone, in which dates are shown to visitors. */
    public static final String TIME_ZONE = "Europe/Brussels";

    private SiteDefaults() {
    }
}
