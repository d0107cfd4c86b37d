package be.socialeinnovatiefabriek.radicale.site.content;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** published, draft, scheduled or expired, and the moment of publication when one is known. */
record Schedule(String status, OffsetDateTime publish) {

    /** The fields that set it, which every section allows. */
    static final Set<String> KEYS = Set.of("draft", "publishDate", "expiryDate");

    /** The fields a section allows: {@link #KEYS} and its own. */
    static Set<String> keysWith(String... more) {
        Set<String> all = new HashSet<>(KEYS);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    /** The status as of the build's moment; {@code defaultPublish} stands in for an absent publishDate (may be null). */
    static Schedule of(FrontMatter fields, OffsetDateTime defaultPublish, SiteConfig config) {
        Problems problems = fields.problems();
        boolean draft = fields.bool("draft", false).orElse(false);
        Optional<OffsetDateTime> publish = fields.moment("publishDate", false, true, config.zone(), false).or(() -> Optional.ofNullable(defaultPublish));
        Optional<OffsetDateTime> expiry = fields.moment("expiryDate", false, true, config.zone(), false);
        if (publish.isPresent() && expiry.isPresent() && !expiry.get().isAfter(publish.get())) {
            boolean written = fields.source().fields().containsKey("publishDate");
            problems.add(fields.path(), fields.lineOf("expiryDate"), "'expiryDate' is not after " + (written ? "'publishDate'" : "the date in the folder name"),
                    "set expiryDate later than " + (written ? "publishDate" : "that date") + ", or remove it");
        }
        OffsetDateTime published = publish.orElse(null);
        if (draft) {
            return new Schedule("draft", published);
        }
        if (publish.isPresent() && publish.get().isAfter(config.now())) {
            return new Schedule("scheduled", published);
        }
        if (expiry.isPresent() && !expiry.get().isAfter(config.now())) {
            return new Schedule("expired", published);
        }
        return new Schedule("published", published);
    }
}
