package be.socialeinnovatiefabriek.radicale.site.deploy;

import java.util.Optional;

/** What a deploy did (or, in a dry run, would do), and the CloudFront invalidation it asked for. */
public record DeployReport(String bucket, DeployPlan plan, Optional<String> invalidationId, boolean dryRun) {

    /** One line for the build log. */
    public String summary() {
        String counts = plan.uploads().size() + " uploaded, " + plan.deletions().size() + " deleted, " + plan.unchanged()
                + " unchanged";
        if (dryRun) {
            return "Dry run (site.dryRun), nothing changed in s3://" + bucket + ": would be " + counts + "; CloudFront "
                    + "paths to clear: " + plan.invalidations().size();
        }
        return "Deployed to s3://" + bucket + ": " + counts + invalidationId
                .map(id -> "; CloudFront invalidation " + id + " clears " + plan.invalidations().size() + " paths")
                .orElse("");
    }
}
