package be.socialeinnovatiefabriek.radicale.site.maven;

import be.socialeinnovatiefabriek.radicale.site.deploy.DeployClients;
import be.socialeinnovatiefabriek.radicale.site.deploy.DeployFailure;
import be.socialeinnovatiefabriek.radicale.site.deploy.DeployReport;
import be.socialeinnovatiefabriek.radicale.site.deploy.DeploySettings;
import be.socialeinnovatiefabriek.radicale.site.deploy.InvalidDeploySettings;
import be.socialeinnovatiefabriek.radicale.site.deploy.SiteDeployer;
import java.io.File;
import java.time.Clock;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Publishes the built site (target/site, written by {@code mvn site}) to its S3 bucket: uploads only what changed,
 * with content types and cache lifetimes, deletes what the site no longer has, and clears the changed paths from
 * CloudFront. AWS credentials come from the default chain (AWS_PROFILE, {@code aws configure},
 * {@code aws sso login}, environment variables, a role), never from the pom.
 */
@Mojo(name = "deploy", aggregator = true, threadSafe = true)
public class DeployMojo extends AbstractMojo {

    /** The built site to publish, as {@code mvn site} writes it. */
    @Parameter(property = "site.outputDirectory", defaultValue = "${project.build.directory}/site")
    File outputDirectory;

    /** The S3 bucket that holds the site: the stack's SiteBucketName output. */
    @Parameter(property = "site.bucket")
    String bucket;

    /** The bucket's AWS region: the stack's SiteRegion output. Empty: AWS_REGION or the profile's region. */
    @Parameter(property = "site.region")
    String region;

    /** The CloudFront distribution in front of the bucket: the stack's DistributionId output. Empty: nothing is cleared. */
    @Parameter(property = "site.distributionId")
    String distributionId;

    /** Another S3 endpoint, such as an S3-compatible server for a test (http://127.0.0.1:9090). Empty: AWS. */
    @Parameter(property = "site.s3Endpoint")
    String s3Endpoint;

    /** Another CloudFront endpoint, for a test. Empty: AWS. */
    @Parameter(property = "site.cloudFrontEndpoint")
    String cloudFrontEndpoint;

    /** Print what would be uploaded, deleted and cleared, and change nothing. */
    @Parameter(property = "site.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Skip this goal. */
    @Parameter(property = "site.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping the site deploy (site.skip)");
            return;
        }
        DeploySettings settings;
        try {
            settings = DeploySettings.validated(outputDirectory.toPath(), bucket, region, distributionId, s3Endpoint,
                    cloudFrontEndpoint, dryRun);
        } catch (InvalidDeploySettings e) {
            e.problems().forEach(getLog()::error);
            throw new MojoExecutionException(e.problems().size() + (e.problems().size() == 1 ? " setting" : " settings")
                    + " of site:deploy to fix; see the lines above");
        }
        getLog().info("Publishing " + outputDirectory + " to s3://" + settings.bucket()
                + settings.distributionId().map(id -> " behind CloudFront " + id).orElse(""));
        try (DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
             DeployClients clients = DeployClients.create(settings, credentials)) {
            DeployReport report = new SiteDeployer(settings, clients.s3(), clients.cloudFront(), Clock.systemUTC(),
                    getLog()::info).deploy();
            getLog().info(report.summary());
        } catch (DeployFailure e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
