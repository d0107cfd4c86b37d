package be.socialeinnovatiefabriek.radicale.site.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a deploy changes: the files to upload (new or changed), in the order they are uploaded (everything else
 * before the pages, so that no published page refers to a file not yet there), the keys to delete (in the bucket,
 * gone from the site; deleted last), how many are unchanged, and the CloudFront paths to clear.
 */
public record DeployPlan(List<SiteFile> uploads, List<String> deletions, int unchanged, List<String> invalidations) {

    /** The plan that makes the bucket, whose objects have {@code remoteEtags} (key to ETag), equal to {@code site}. */
    public static DeployPlan of(List<SiteFile> site, Map<String, String> remoteEtags) {
        List<SiteFile> uploads = new ArrayList<>();
        Set<String> local = new HashSet<>();
        int unchanged = 0;
        for (SiteFile file : site) {
            local.add(file.key());
            if (file.md5().equals(md5Of(remoteEtags.get(file.key())))) {
                unchanged++;
            } else {
                uploads.add(file);
            }
        }
        uploads.sort(Comparator.comparing((SiteFile file) -> ObjectHeaders.isPage(file.key())).thenComparing(SiteFile::key));
        List<String> deletions = remoteEtags.keySet().stream().filter(key -> !local.contains(key)).sorted().toList();
        List<String> changed = new ArrayList<>(uploads.stream().map(SiteFile::key).toList());
        changed.addAll(deletions);
        return new DeployPlan(List.copyOf(uploads), deletions, unchanged, InvalidationPaths.of(changed));
    }

    /** Whether the bucket already holds the site. */
    public boolean isEmpty() {
        return uploads.isEmpty() && deletions.isEmpty();
    }

    /**
     * The MD5 an ETag stands for: S3 quotes it; an object uploaded in parts or encrypted with KMS has another kind
     * of ETag, which matches no MD5, so such an object is uploaded again.
     */
    private static String md5Of(String etag) {
        if (etag == null) {
            return null;
        }
        String bare = etag.replace("\"", "").toLowerCase(Locale.ROOT);
        return bare.matches("[0-9a-f]{32}") ? bare : null;
    }
}
