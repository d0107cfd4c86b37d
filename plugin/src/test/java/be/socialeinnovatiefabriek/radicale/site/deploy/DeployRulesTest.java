package be.socialeinnovatiefabriek.radicale.site.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The rules of site:deploy that need no server: cache lifetimes and types by file, which files count as changed
 * (MD5 against ETag), the CloudFront paths of a change, and the settings' checks.
 */
class DeployRulesTest {

    @Test
    void pagesAndTheDataTheCounterReadsAreKeptAMinuteHashedFilesAYear() {
        assertEquals(new ObjectHeaders("text/html; charset=utf-8", "public, max-age=60"), ObjectHeaders.of("nl/index.html"));
        assertEquals("public, max-age=60", ObjectHeaders.of("ballots/2026.json").cacheControl());
        assertEquals("public, max-age=60", ObjectHeaders.of("en/news/feed.xml").cacheControl());
        assertEquals("application/atom+xml", ObjectHeaders.of("en/news/feed.xml").contentType());
        assertEquals("public, max-age=60", ObjectHeaders.of("robots.txt").cacheControl());
        assertEquals("public, max-age=300", ObjectHeaders.of("assets/site.css").cacheControl());
        assertEquals("public, max-age=300", ObjectHeaders.of("assets/site.js").cacheControl());
        assertEquals("public, max-age=31536000, immutable", ObjectHeaders.of("assets/site.3f2a9c1d.css").cacheControl());
        assertEquals("public, max-age=31536000, immutable", ObjectHeaders.of("media/photo-0a1b2c3d4e5f.webp").cacheControl());
        assertEquals("public, max-age=86400", ObjectHeaders.of("media/innovators/papillon/photo-1440.webp").cacheControl(),
                "a width is no hash");
        assertEquals("public, max-age=86400", ObjectHeaders.of("media/share/2026/papillon.nl.png").cacheControl());
        assertEquals("font/woff2", ObjectHeaders.of("assets/fonts/inter.woff2").contentType());
        assertEquals("application/octet-stream", ObjectHeaders.of("LICENSE").contentType());
    }

    private static SiteFile file(String key, String md5) {
        return new SiteFile(key, Path.of(key), md5);
    }

    @Test
    void aFileIsUnchangedOnlyWhenItsMd5IsTheObjectsEtag() {
        String md5 = "0123456789abcdef0123456789abcdef";
        List<SiteFile> site = List.of(file("index.html", md5), file("a.css", md5), file("b.css", md5), file("c.css", md5));
        Map<String, String> bucket = Map.of(
                "index.html", "\"" + md5 + "\"",
                "a.css", "\"" + md5.toUpperCase() + "\"",
                "b.css", "\"" + md5 + "-2\"",          // uploaded in parts: no MD5
                "c.css", "\"ffffffffffffffffffffffffffffffff\"",
                "gone.html", "\"" + md5 + "\"");

        DeployPlan plan = DeployPlan.of(site, bucket);

        assertEquals(List.of("b.css", "c.css"), plan.uploads().stream().map(SiteFile::key).toList());
        assertEquals(2, plan.unchanged());
        assertEquals(List.of("gone.html"), plan.deletions());
        assertEquals(List.of("/b.css", "/c.css", "/gone.html"), plan.invalidations());
    }

    @Test
    void aFoldersPageIsClearedUnderBothItsAddresses() {
        assertEquals(List.of("/index.html", "/", "/nl/index.html", "/nl/", "/nl/feed.xml"),
                InvalidationPaths.of(List.of("index.html", "nl/index.html", "nl/feed.xml", "nl/index.html")));
        assertEquals(List.of("/fr/%C3%A9t%C3%A9.html"), InvalidationPaths.of(List.of("fr/été.html")));
    }

    @Test
    void pastAHundredPathsTheWholeDistributionIsClearedInOne() {
        List<String> keys = IntStream.range(0, InvalidationPaths.MAX_PATHS + 1).mapToObj(i -> "media/" + i + ".jpg").toList();

        assertEquals(List.of("/*"), InvalidationPaths.of(keys));
        assertEquals(InvalidationPaths.MAX_PATHS, InvalidationPaths.of(keys.subList(0, InvalidationPaths.MAX_PATHS)).size());
    }

    @Test
    void everyWrongSettingIsNamedAtOnceWithWhereToFindTheRightValue() {
        InvalidDeploySettings e = assertThrows(InvalidDeploySettings.class, () -> DeploySettings.validated(Path.of("site"),
                "My_Bucket", "Ireland", "not an id", "ftp://example", "http://", false));

        assertEquals(5, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith("site.bucket 'My_Bucket' is not an S3 bucket name"));
        assertTrue(e.problems().get(1).contains("site.region 'Ireland' is not an AWS region"));
        assertTrue(e.problems().get(2).contains("copy the stack's DistributionId output"));
        assertTrue(e.problems().get(3).startsWith("site.s3Endpoint 'ftp://example' is not an http(s) address"));
        assertTrue(e.problems().get(4).startsWith("site.cloudFrontEndpoint 'http://'"));

        InvalidDeploySettings unset = assertThrows(InvalidDeploySettings.class,
                () -> DeploySettings.validated(Path.of("site"), " ", "", "", "", null, false));
        assertEquals(List.of("site.bucket is not set: give the stack's SiteBucketName output, in <site.bucket> in the "
                + "root pom.xml or as -Dsite.bucket=..."), unset.problems());
    }

    @Test
    void optionalSettingsMayBeLeftEmpty() throws InvalidDeploySettings {
        DeploySettings settings = DeploySettings.validated(Path.of("site"), "radicale-site-1", "", "", "", "", false);

        assertTrue(settings.region().isEmpty());
        assertTrue(settings.distributionId().isEmpty(), "no distribution: nothing is cleared");
        assertTrue(settings.s3Endpoint().isEmpty());
    }
}
