package be.socialeinnovatiefabriek.radicale.site.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.deploy.CloudFrontRecorder;
import be.socialeinnovatiefabriek.radicale.site.deploy.S3MockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The deploy goal as Maven runs it: its parameters, the AWS default credentials chain (the test's system
 * properties, as a maintainer's profile would be), S3Mock for the bucket and a CloudFront recorder, and the
 * lines it logs.
 */
class DeployMojoTest {

    @TempDir
    Path site;

    private final List<String> infos = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private DeployMojo mojo(String bucket, String endpoint, String cloudFront) {
        DeployMojo mojo = new DeployMojo();
        mojo.outputDirectory = site.toFile();
        mojo.bucket = bucket;
        mojo.region = "eu-west-1";
        mojo.distributionId = "E2QWRUHAPOMQZL";
        mojo.s3Endpoint = endpoint;
        mojo.cloudFrontEndpoint = cloudFront;
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }

            @Override
            public void error(CharSequence content) {
                errors.add(content.toString());
            }
        });
        return mojo;
    }

    @Test
    void theGoalPublishesTheBuiltSiteWithTheDefaultCredentialsChain() throws Exception {
        S3MockServer s3mock = S3MockServer.shared();
        try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.EU_WEST_1)
                .endpointOverride(s3mock.endpoint()).forcePathStyle(true).build();
             CloudFrontRecorder cloudFront = new CloudFrontRecorder()) {
            s3.createBucket(create -> create.bucket("mojo-site"));
            Files.writeString(site.resolve("index.html"), "<!doctype html><title>Radicale Vernieuwers</title>");

            mojo("mojo-site", s3mock.endpoint().toString(), cloudFront.endpoint().toString()).execute();

            assertEquals("<!doctype html><title>Radicale Vernieuwers</title>",
                    s3.getObjectAsBytes(get -> get.bucket("mojo-site").key("index.html")).asUtf8String());
            assertEquals(List.of("/index.html", "/"), cloudFront.invalidations().get(0).paths());
            assertTrue(cloudFront.invalidations().get(0).authorization().contains("Credential=AKIDEXAMPLE/"),
                    "signed with the credentials the default chain found");
            assertTrue(infos.contains("Deployed to s3://mojo-site: 1 uploaded, 0 deleted, 0 unchanged; CloudFront "
                    + "invalidation I1TESTINVALIDATION clears 2 paths"), infos.toString());
        }
    }

    @Test
    void wrongSettingsAreEachNamedAndNothingIsTried() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> mojo("", "ftp://nowhere", "").execute());

        assertEquals("2 settings of site:deploy to fix; see the lines above", e.getMessage());
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("site.bucket is not set"));
        assertTrue(errors.get(1).startsWith("site.s3Endpoint 'ftp://nowhere' is not an http(s) address"));
    }

    @Test
    void aSiteThatWasNotBuiltStopsTheGoalWithWhatToRun() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> mojo("mojo-unbuilt", "http://127.0.0.1:9", "").execute());

        assertTrue(e.getMessage().contains("run `mvn site` first"), e.getMessage());
    }
}
