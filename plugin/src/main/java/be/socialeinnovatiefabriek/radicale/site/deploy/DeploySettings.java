package be.socialeinnovatiefabriek.radicale.site.deploy;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where {@code mvn site:deploy} publishes the site: the built folder, the bucket (and its region), the CloudFront
 * distribution to clear (none: no invalidation), and for tests another S3 or CloudFront endpoint. Credentials are
 * not settings: they come from the AWS default chain (environment, profile, SSO, container or instance role).
 *
 * @param dryRun print what would change and change nothing
 */
public record DeploySettings(Path siteDirectory, String bucket, Optional<String> region, Optional<String> distributionId,
                             Optional<URI> s3Endpoint, Optional<URI> cloudFrontEndpoint, boolean dryRun) {

    /** S3's rules for a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
    private static final Pattern DISTRIBUTION = Pattern.compile("[A-Z0-9]{8,32}");

    /**
     * The settings from their property values (empty or null: not set), each checked; every problem is named at
     * once, with its property and where to find the right value.
     */
    public static DeploySettings validated(Path siteDirectory, String bucket, String region, String distributionId,
                                           String s3Endpoint, String cloudFrontEndpoint, boolean dryRun)
            throws InvalidDeploySettings {
        List<String> problems = new ArrayList<>();
        String bucketName = blankToEmpty(bucket);
        if (bucketName.isEmpty()) {
            problems.add("site.bucket is not set: give the stack's SiteBucketName output, in <site.bucket> in the "
                    + "root pom.xml or as -Dsite.bucket=...");
        } else if (!BUCKET.matcher(bucketName).matches() || bucketName.contains("..")) {
            problems.add("site.bucket '" + bucketName + "' is not an S3 bucket name (3 to 63 lower-case letters, digits, "
                    + "dots and hyphens); copy the stack's SiteBucketName output");
        }
        Optional<String> regionName = optional(region);
        if (regionName.isPresent() && !REGION.matcher(regionName.get()).matches()) {
            problems.add("site.region '" + regionName.get() + "' is not an AWS region such as eu-west-1; copy the "
                    + "stack's SiteRegion output");
        }
        Optional<String> distribution = optional(distributionId);
        if (distribution.isPresent() && !DISTRIBUTION.matcher(distribution.get()).matches()) {
            problems.add("site.distributionId '" + distribution.get() + "' is not a CloudFront distribution id (such as "
                    + "E2QWRUHAPOMQZL); copy the stack's DistributionId output");
        }
        Optional<URI> s3 = endpoint("site.s3Endpoint", s3Endpoint, problems);
        Optional<URI> cloudFront = endpoint("site.cloudFrontEndpoint", cloudFrontEndpoint, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDeploySettings(problems);
        }
        return new DeploySettings(siteDirectory, bucketName, regionName, distribution, s3, cloudFront, dryRun);
    }

    private static Optional<URI> endpoint(String property, String value, List<String> problems) {
        Optional<String> text = optional(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.get());
            if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(text.get(), "not an http(s) address");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            problems.add(property + " '" + text.get() + "' is not an http(s) address such as http://127.0.0.1:9090; "
                    + "leave it empty to use AWS");
            return Optional.empty();
        }
    }

    private static Optional<String> optional(String value) {
        String text = blankToEmpty(value);
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
