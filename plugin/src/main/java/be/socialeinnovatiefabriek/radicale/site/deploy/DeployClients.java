package be.socialeinnovatiefabriek.radicale.site.deploy;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The S3 and CloudFront clients of a deploy: the JDK's HTTP client, the settings' region (else the AWS default
 * region chain), and another endpoint where the settings name one (path-style S3 addresses, as S3-compatible
 * servers expect).
 */
public final class DeployClients implements AutoCloseable {

    private final S3Client s3;
    private final CloudFrontClient cloudFront;

    private DeployClients(S3Client s3, CloudFrontClient cloudFront) {
        this.s3 = s3;
        this.cloudFront = cloudFront;
    }

    /** Clients for {@code settings}, signing with {@code credentials}; CloudFront only when a distribution is set. */
    public static DeployClients create(DeploySettings settings, AwsCredentialsProvider credentials) throws DeployFailure {
        try {
            return build(settings, credentials);
        } catch (SdkClientException e) {
            throw new DeployFailure("The AWS clients could not be set up (" + e.getMessage() + "). If no region is "
                    + "known, set site.region to the stack's SiteRegion output (or AWS_REGION).", e);
        }
    }

    private static DeployClients build(DeploySettings settings, AwsCredentialsProvider credentials) {
        S3ClientBuilder s3 = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(credentials);
        settings.region().map(Region::of).ifPresent(s3::region);
        settings.s3Endpoint().ifPresent(endpoint -> {
            s3.endpointOverride(endpoint).forcePathStyle(true);
            if (settings.region().isEmpty()) {
                s3.region(Region.US_EAST_1); // an S3-compatible server ignores it, but the SDK wants one
            }
        });
        CloudFrontClient cloudFront = null;
        if (settings.distributionId().isPresent()) {
            CloudFrontClientBuilder builder = CloudFrontClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                    .credentialsProvider(credentials).region(Region.AWS_GLOBAL);
            settings.cloudFrontEndpoint().ifPresent(builder::endpointOverride);
            cloudFront = builder.build();
        }
        return new DeployClients(s3.build(), cloudFront);
    }

    public S3Client s3() {
        return s3;
    }

    /** CloudFront's client, when the settings name a distribution. */
    public Optional<CloudFrontClient> cloudFront() {
        return Optional.ofNullable(cloudFront);
    }

    @Override
    public void close() {
        s3.close();
        if (cloudFront != null) {
            cloudFront.close();
        }
    }
}
