package be.socialeinnovatiefabriek.radicale.site.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.deploy.CloudFrontRecorder.Invalidation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * site:deploy against S3Mock, a real S3-compatible server on this machine, over HTTP, and a recording server
 * that speaks CloudFront's invalidation protocol (no real CloudFront can run here). Each test publishes a small
 * built site to a bucket of its own and reads back what a visitor's request would get: the bytes, the content
 * type, the cache lifetime, and which paths CloudFront was asked to clear.
 */
class SiteDeployerTest {

    private static final String DISTRIBUTION = "E2QWRUHAPOMQZL";
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private static S3MockServer s3mock;
    private static CloudFrontRecorder cloudFront;

    @TempDir
    Path site;
    private String bucket;
    private final List<String> log = new ArrayList<>();

    @BeforeAll
    static void startServers() throws Exception {
        s3mock = S3MockServer.shared();
        cloudFront = new CloudFrontRecorder();
    }

    @AfterAll
    static void stopRecorder() {
        cloudFront.close();
    }

    @BeforeEach
    void newBucket() throws Exception {
        bucket = "deployer-" + BUCKETS.incrementAndGet();
        try (DeployClients clients = clients(settings(false))) {
            clients.s3().createBucket(create -> create.bucket(bucket));
        }
    }

    private DeploySettings settings(boolean dryRun) throws InvalidDeploySettings {
        return DeploySettings.validated(site, bucket, "eu-west-1", DISTRIBUTION, s3mock.endpoint().toString(),
                cloudFront.endpoint().toString(), dryRun);
    }

    private static DeployClients clients(DeploySettings settings) throws DeployFailure {
        return DeployClients.create(settings, StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")));
    }

    private DeployReport deploy() throws Exception {
        return deploy(settings(false));
    }

    private DeployReport deploy(DeploySettings settings) throws Exception {
        try (DeployClients clients = clients(settings)) {
            return new SiteDeployer(settings, clients.s3(), clients.cloudFront(),
                    Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC), log::add).deploy();
        }
    }

    private void write(String key, String text) throws IOException {
        Path file = site.resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** A small built site: pages, a feed, the sitemap, a ballot, assets (one fingerprinted), a photo and a poster. */
    private void buildSite() throws IOException {
        write("index.html", "<!doctype html><title>Kies je taal</title>");
        write("nl/index.html", "<!doctype html><title>Radicale Vernieuwers</title>");
        write("nl/innovators/papillon/index.html", "<!doctype html><title>Papillon</title>");
        write("fr/index.html", "<!doctype html><title>Radicale Vernieuwers (fr)</title>");
        write("nl/news/feed.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>");
        write("sitemap.xml", "<urlset/>");
        write("robots.txt", "User-agent: *\n");
        write("ballots/2026.json", "{\"id\": \"2026\"}");
        write("assets/site.css", "body { color: #111; }");
        write("assets/site.js", "'use strict';");
        write("assets/app.3f2a9c1d.js", "'use strict'; // fingerprinted");
        Files.createDirectories(site.resolve("media/innovators/papillon"));
        Files.write(site.resolve("media/innovators/papillon/photo-480.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3});
        Files.createDirectories(site.resolve("media/posters/2026"));
        Files.write(site.resolve("media/posters/2026/papillon.nl.pdf"), "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
    }

    private Map<String, S3Object> bucketContents() throws Exception {
        Map<String, S3Object> objects = new TreeMap<>();
        try (DeployClients clients = clients(settings(false))) {
            clients.s3().listObjectsV2Paginator(list -> list.bucket(bucket)).contents()
                    .forEach(object -> objects.put(object.key(), object));
        }
        return objects;
    }

    private ResponseBytes<GetObjectResponse> get(String key) throws Exception {
        try (DeployClients clients = clients(settings(false))) {
            S3Client s3 = clients.s3();
            return s3.getObjectAsBytes(get -> get.bucket(bucket).key(key));
        }
    }

    private List<Invalidation> invalidationsOfThisBucket(int before) {
        return cloudFront.invalidations().subList(before, cloudFront.invalidations().size());
    }

    @Test
    void aFirstDeployUploadsEveryFileWithItsTypeAndCacheLifetime() throws Exception {
        buildSite();
        int before = cloudFront.invalidations().size();

        DeployReport report = deploy();

        assertEquals(13, report.plan().uploads().size());
        assertEquals(List.of("assets/app.3f2a9c1d.js", "assets/site.css", "assets/site.js", "ballots/2026.json",
                        "media/innovators/papillon/photo-480.jpg", "media/posters/2026/papillon.nl.pdf", "nl/news/feed.xml",
                        "robots.txt", "sitemap.xml", "fr/index.html", "index.html", "nl/index.html",
                        "nl/innovators/papillon/index.html"),
                report.plan().uploads().stream().map(SiteFile::key).toList(), "pages last");
        assertEquals(13, bucketContents().size());
        Map<String, List<String>> expected = Map.of(
                "index.html", List.of("text/html; charset=utf-8", "public, max-age=60"),
                "nl/innovators/papillon/index.html", List.of("text/html; charset=utf-8", "public, max-age=60"),
                "ballots/2026.json", List.of("application/json", "public, max-age=60"),
                "nl/news/feed.xml", List.of("application/atom+xml", "public, max-age=60"),
                "sitemap.xml", List.of("application/xml", "public, max-age=60"),
                "assets/site.css", List.of("text/css; charset=utf-8", "public, max-age=300"),
                "assets/app.3f2a9c1d.js", List.of("text/javascript; charset=utf-8", "public, max-age=31536000, immutable"),
                "media/innovators/papillon/photo-480.jpg", List.of("image/jpeg", "public, max-age=86400"),
                "media/posters/2026/papillon.nl.pdf", List.of("application/pdf", "public, max-age=86400"));
        for (Map.Entry<String, List<String>> entry : expected.entrySet()) {
            ResponseBytes<GetObjectResponse> object = get(entry.getKey());
            assertArrayEquals(Files.readAllBytes(site.resolve(entry.getKey())), object.asByteArray(), entry.getKey());
            // S3Mock gives the type back as Spring writes it, without the space after ';' (S3 keeps it as sent).
            assertEquals(entry.getValue().get(0).replace("; ", ";"), object.response().contentType().replace("; ", ";"),
                    entry.getKey());
            assertEquals(entry.getValue().get(1), object.response().cacheControl(), entry.getKey());
        }
        List<Invalidation> invalidations = invalidationsOfThisBucket(before);
        assertEquals(1, invalidations.size());
        assertEquals(DISTRIBUTION, invalidations.get(0).distributionId());
        assertTrue(invalidations.get(0).authorization().startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"),
                "signed as AWS would check it");
        assertEquals(report.plan().invalidations(), invalidations.get(0).paths());
        assertTrue(report.invalidationId().orElseThrow().startsWith("I"));
        assertTrue(report.summary().contains("13 uploaded, 0 deleted, 0 unchanged"), report.summary());
    }

    @Test
    void aSecondDeployUploadsOnlyWhatChangedDeletesWhatIsGoneAndClearsExactlyThosePaths() throws Exception {
        buildSite();
        deploy();
        int before = cloudFront.invalidations().size();
        write("nl/innovators/papillon/index.html", "<!doctype html><title>Papillon, vernieuwd</title>");
        write("assets/site.css", "body { color: #000; }");
        write("nl/news/2026-12-01-uitslag/index.html", "<!doctype html><title>Uitslag</title>");
        Files.delete(site.resolve("media/posters/2026/papillon.nl.pdf"));
        Files.delete(site.resolve("fr/index.html"));

        DeployReport report = deploy();

        assertEquals(List.of("assets/site.css", "nl/innovators/papillon/index.html", "nl/news/2026-12-01-uitslag/index.html"),
                report.plan().uploads().stream().map(SiteFile::key).toList());
        assertEquals(List.of("fr/index.html", "media/posters/2026/papillon.nl.pdf"), report.plan().deletions());
        assertEquals(9, report.plan().unchanged());
        assertEquals(List.of("/assets/site.css", "/nl/innovators/papillon/index.html", "/nl/innovators/papillon/",
                "/nl/news/2026-12-01-uitslag/index.html", "/nl/news/2026-12-01-uitslag/", "/fr/index.html", "/fr/",
                "/media/posters/2026/papillon.nl.pdf"), invalidationsOfThisBucket(before).get(0).paths());
        Map<String, S3Object> contents = bucketContents();
        assertEquals(SiteFile.scan(site).stream().map(SiteFile::key).sorted().toList(), List.copyOf(contents.keySet()),
                "the bucket holds exactly the site");
        assertEquals("body { color: #000; }", get("assets/site.css").asUtf8String());
    }

    @Test
    void anUnchangedSiteUploadsNothingAndClearsNothing() throws Exception {
        buildSite();
        deploy();
        int before = cloudFront.invalidations().size();

        DeployReport report = deploy();

        assertTrue(report.plan().isEmpty());
        assertEquals(13, report.plan().unchanged());
        assertTrue(invalidationsOfThisBucket(before).isEmpty(), "no invalidation when nothing changed");
        assertTrue(report.summary().contains("0 uploaded, 0 deleted, 13 unchanged"), report.summary());
    }

    @Test
    void aDryRunSaysWhatWouldChangeAndChangesNothing() throws Exception {
        buildSite();
        int before = cloudFront.invalidations().size();

        DeployReport report = deploy(settings(true));

        assertEquals(13, report.plan().uploads().size());
        assertTrue(bucketContents().isEmpty());
        assertTrue(invalidationsOfThisBucket(before).isEmpty());
        assertTrue(log.contains("  upload index.html"), log.toString());
        assertTrue(report.summary().startsWith("Dry run"), report.summary());
    }

    @Test
    void anUnbuiltSiteIsRefusedBeforeTheBucketIsTouched() throws Exception {
        write("stale.txt", "left over");
        buildSite();
        deploy();
        Files.walk(site).sorted(java.util.Comparator.reverseOrder()).filter(path -> !path.equals(site))
                .forEach(path -> path.toFile().delete());

        DeployFailure failure = assertThrows(DeployFailure.class, this::deploy);

        assertTrue(failure.getMessage().contains("no index.html): run `mvn site` first"), failure.getMessage());
        assertEquals(14, bucketContents().size(), "an empty folder must never empty the bucket");
    }

    @Test
    void anUnknownBucketIsNamedWithTheOutputToCopy() throws Exception {
        buildSite();
        bucket = "no-such-bucket";

        DeployFailure failure = assertThrows(DeployFailure.class, this::deploy);

        assertTrue(failure.getMessage().contains("The bucket 'no-such-bucket' does not exist in eu-west-1; set site.bucket "
                + "to the stack's SiteBucketName output"), failure.getMessage());
    }

    @Test
    void aHostileFileNameIsStoredUnderItsOwnKeyAndClearedEncoded() throws Exception {
        buildSite();
        write("media/a b*?#.txt", "odd");
        int before = cloudFront.invalidations().size();

        deploy();

        assertEquals("odd", get("media/a b*?#.txt").asUtf8String());
        assertTrue(invalidationsOfThisBucket(before).get(0).paths().contains("/media/a%20b%2A%3F%23.txt"));
    }
}
