package be.socialeinnovatiefabriek.radicale.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every address of the site comes from Routes: with the base path of site.baseUrl in front, as a full address, and as a file. */
class RoutesTest {

    private static Routes routes(String baseUrl, String voteEndpoint) {
        return new Routes(new SiteConfig(Path.of("."), Path.of("content"), Path.of("site-template"), Path.of("target/site"),
                List.of("nl", "fr", "en"), baseUrl, ZoneId.of(SiteDefaults.TIME_ZONE), OffsetDateTime.parse("2026-11-20T12:00+01:00"), false,
                voteEndpoint));
    }

    @Test
    void aPageIsAFolderWhoseFileIsItsIndex() {
        Routes routes = routes("https://radicalevernieuwers.be", "");

        assertEquals("/fr/innovators/papillon/", routes.innovator("fr", "papillon"));
        assertEquals("fr/innovators/papillon/index.html", routes.file(routes.innovator("fr", "papillon")));
        assertEquals("index.html", routes.file(routes.languageSelect()));
        assertEquals("404.html", routes.file(routes.notFound()));
        assertEquals("nl/campaigns/2026/vote/check-your-mail/index.html", routes.file(routes.voteStatus("nl", "2026", "checkMail")));
        assertEquals("https://radicalevernieuwers.be/en/news/feed.xml", routes.absolute(routes.feed("en")));
    }

    @Test
    void everyPathCarriesTheBasePathAndEveryFileLeavesItOut() {
        Routes routes = routes("https://example.org/radicale/", "");

        assertEquals("/radicale/nl/", routes.home("nl"));
        assertEquals("/radicale/media/share/2026/papillon.fr.png", routes.shareCard("2026", "papillon", "fr"));
        assertEquals("media/share/2026/papillon.fr.png", routes.file(routes.shareCard("2026", "papillon", "fr")));
        assertEquals("https://example.org/radicale/sitemap.xml", routes.absolute(routes.sitemap()));
        assertEquals("/nl/news/2026-11-16-stemming-open/", routes.withinSite(routes.newsItem("nl", "2026-11-16-stemming-open")));
        assertEquals("https://example.org/radicale/fr/innovators/papillon/#vote-2026", routes.voteOnProfile("fr", "papillon", "2026"));
    }

    @Test
    void theBallotNamesTheVotePagesByTheKeysTheCounterKnows() {
        Map<String, String> pages = routes("https://radicalevernieuwers.be", "").votePages("fr", "2026");

        assertEquals(List.of("vote", "checkMail", "thanks", "alreadyVoted", "closed", "problem", "results"), List.copyOf(pages.keySet()));
        assertEquals("https://radicalevernieuwers.be/fr/campaigns/2026/vote/already-voted/", pages.get("alreadyVoted"));
    }

    @Test
    void theCounterIsOnTheSitesOwnOriginUnlessItHasAnAddress() {
        assertEquals("/api/campaigns/2026/votes", routes("https://radicalevernieuwers.be", "").voteAction("2026"));
        assertEquals("", routes("https://radicalevernieuwers.be", "").voteOrigin());
        Routes elsewhere = routes("https://radicalevernieuwers.be", "https://staff:secret@votes.example.org:8443/prod/");
        assertEquals("https://staff:secret@votes.example.org:8443/prod/api/campaigns/2026/votes", elsewhere.voteAction("2026"),
                "the form posts where the setting says");
        assertEquals("https://votes.example.org:8443", elsewhere.voteOrigin(), "the policy names scheme, host and port, never a credential");
    }
}
