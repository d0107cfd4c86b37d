package be.socialeinnovatiefabriek.radicale.site.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Publishes the built site to its S3 bucket as {@code hugo deploy} does: lists the bucket, uploads only the files
 * whose MD5 differs from the object's ETag (with their content type and cache lifetime, {@link ObjectHeaders}),
 * pages last, then deletes what the site no longer has, then asks CloudFront to clear exactly the paths that
 * changed. A failure stops the deploy before the next step and says what to do.
 */
public final class SiteDeployer {

    /** Uploads at once: enough to hide the latency of one request per file. */
    private static final int UPLOAD_THREADS = 8;
    /** S3 deletes at most this many objects per request. */
    private static final int DELETE_BATCH = 1000;
    /** File names listed in the log before "and N more". */
    private static final int LISTED = 20;

    private final DeploySettings settings;
    private final S3Client s3;
    private final Optional<CloudFrontClient> cloudFront;
    private final Clock clock;
    private final Consumer<String> log;

    /** A deployer for {@code settings} with these clients; {@code log} receives one line per step. */
    public SiteDeployer(DeploySettings settings, S3Client s3, Optional<CloudFrontClient> cloudFront, Clock clock,
                        Consumer<String> log) {
        this.settings = settings;
        this.s3 = s3;
        this.cloudFront = cloudFront;
        this.clock = clock;
        this.log = log;
    }

    /** Makes the bucket hold exactly the site, and clears what changed from CloudFront. */
    public DeployReport deploy() throws DeployFailure {
        Path site = settings.siteDirectory();
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            throw new DeployFailure(site + " holds no built site (no index.html): run `mvn site` first, then "
                    + "`mvn site:deploy` (or both at once: `mvn site site:deploy`).");
        }
        List<SiteFile> files;
        try {
            files = SiteFile.scan(site);
        } catch (IOException e) {
            throw new DeployFailure("The built site in " + site + " could not be read: " + e.getMessage(), e);
        }
        DeployPlan plan = DeployPlan.of(files, remoteEtags());
        listed("upload", plan.uploads().stream().map(SiteFile::key).toList());
        listed("delete", plan.deletions());
        if (settings.dryRun()) {
            return new DeployReport(settings.bucket(), plan, Optional.empty(), true);
        }
        List<SiteFile> others = plan.uploads().stream().filter(file -> !ObjectHeaders.isPage(file.key())).toList();
        upload(others);
        upload(plan.uploads().subList(others.size(), plan.uploads().size()));
        delete(plan.deletions());
        return new DeployReport(settings.bucket(), plan, invalidate(plan.invalidations()), false);
    }

    private void listed(String verb, List<String> keys) {
        keys.stream().limit(LISTED).forEach(key -> log.accept("  " + verb + " " + key));
        if (keys.size() > LISTED) {
            log.accept("  ... and " + (keys.size() - LISTED) + " more to " + verb);
        }
    }

    private Map<String, String> remoteEtags() throws DeployFailure {
        Map<String, String> etags = new HashMap<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(list -> list.bucket(settings.bucket())).contents()) {
                etags.put(object.key(), object.eTag());
            }
        } catch (NoSuchBucketException e) {
            throw new DeployFailure("The bucket '" + settings.bucket() + "' does not exist" + inRegion() + "; set "
                    + "site.bucket to the stack's SiteBucketName output (and site.region to its SiteRegion).", e);
        } catch (SdkException e) {
            throw failure("list the bucket '" + settings.bucket() + "'", e);
        }
        return etags;
    }

    private void upload(List<SiteFile> files) throws DeployFailure {
        if (files.isEmpty()) {
            return;
        }
        ExecutorService uploads = Executors.newFixedThreadPool(Math.min(UPLOAD_THREADS, files.size()));
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (SiteFile file : files) {
                ObjectHeaders headers = ObjectHeaders.of(file.key());
                pending.add(uploads.submit(() -> s3.putObject(put -> put.bucket(settings.bucket()).key(file.key())
                        .contentType(headers.contentType()).cacheControl(headers.cacheControl()),
                        RequestBody.fromFile(file.path()))));
            }
            for (int i = 0; i < pending.size(); i++) {
                try {
                    pending.get(i).get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof SdkException sdk) {
                        throw failure("upload " + files.get(i).key(), sdk);
                    }
                    throw new DeployFailure("Uploading " + files.get(i).key() + " failed: " + cause, cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DeployFailure("The deploy was interrupted while uploading; run it again.", e);
                }
            }
        } finally {
            uploads.shutdownNow();
        }
    }

    private void delete(List<String> keys) throws DeployFailure {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            DeleteObjectsResponse response;
            try {
                response = s3.deleteObjects(delete -> delete.bucket(settings.bucket())
                        .delete(objects -> objects.objects(batch).quiet(true)));
            } catch (SdkException e) {
                throw failure("delete stale files from the bucket '" + settings.bucket() + "'", e);
            }
            if (!response.errors().isEmpty()) {
                throw new DeployFailure("S3 did not delete " + response.errors().get(0).key() + " ("
                        + response.errors().get(0).message() + ")" + (response.errors().size() > 1
                        ? " and " + (response.errors().size() - 1) + " more" : "")
                        + "; check that your credentials may s3:DeleteObject (the stack's SiteDeployPolicyArn).");
            }
        }
    }

    private Optional<String> invalidate(List<String> paths) throws DeployFailure {
        if (cloudFront.isEmpty() || settings.distributionId().isEmpty() || paths.isEmpty()) {
            return Optional.empty();
        }
        String distribution = settings.distributionId().get();
        // Unique per request, as CloudFront requires; the same paths asked twice a millisecond apart is no loss.
        String reference = "site-deploy-" + clock.millis() + "-" + Integer.toHexString(paths.hashCode());
        try {
            String id = cloudFront.get().createInvalidation(create -> create.distributionId(distribution)
                    .invalidationBatch(batch -> batch.callerReference(reference)
                            .paths(list -> list.quantity(paths.size()).items(paths)))).invalidation().id();
            return Optional.of(id);
        } catch (CloudFrontException e) {
            throw new DeployFailure("The site is in the bucket, but CloudFront refused to clear the changed paths of "
                    + "distribution " + distribution + " (" + e.awsErrorDetails().errorMessage() + "); check "
                    + "site.distributionId (the stack's DistributionId output) and that your credentials may "
                    + "cloudfront:CreateInvalidation, then run the deploy again.", e);
        } catch (SdkException e) {
            throw failure("ask CloudFront to clear the changed paths (the site itself is in the bucket)", e);
        }
    }

    private String inRegion() {
        return settings.region().map(region -> " in " + region).orElse("");
    }

    private DeployFailure failure(String doing, SdkException e) {
        if (e instanceof S3Exception s3e && (s3e.statusCode() == 403)) {
            return new DeployFailure("Not allowed to " + doing + " (" + s3e.awsErrorDetails().errorCode() + "): the AWS "
                    + "credentials in use may not publish the site. Attach the stack's SiteDeployPolicyArn to your user "
                    + "or role, or pick another profile with AWS_PROFILE.", e);
        }
        if (e instanceof SdkClientException && e.getMessage() != null && e.getMessage().contains("credentials")) {
            return new DeployFailure("No AWS credentials were found to " + doing + ": run `aws configure` (access "
                    + "keys) or `aws sso login --profile <name>` and set AWS_PROFILE; they are never read from the pom. ("
                    + e.getMessage() + ")", e);
        }
        return new DeployFailure("Could not " + doing + ": " + e.getMessage(), e);
    }
}
