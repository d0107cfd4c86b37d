package be.socialeinnovatiefabriek.radicale.site.content;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.content.Content.NewsText;
import be.socialeinnovatiefabriek.radicale.site.markdown.Excerpt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/** The front matter of a news item: its fields, the edition it is about, and when it goes public. */
final class NewsSchema extends SectionSchema {

    private static final Set<String> KEYS = Schedule.keysWith("title", "summary", "edition");

    NewsSchema(SiteConfig config, RenderedBodies bodies) {
        super(config, bodies);
    }

    /**
     * The text of one language version of the item in {@code dir}, dated {@code date} by its folder name.
     * {@code editions} are the years of the editions read; one whose folder under {@code root} has problems of its own is not reported again.
     */
    NewsText read(Path dir, LocalDate date, FrontMatter fields, String lang, Path root, Set<String> editions, Problems problems) {
        fields.rejectUnknownKeys(KEYS);
        String title = prose(fields, "title", true, false, lang).orElse("");
        String summary = prose(fields, "summary", false, false, lang).orElse(null);
        // Checked where it is written: a translation that leaves it out inherits the Dutch value, checked there.
        String edition = fields.text("edition", false, true).orElse(null);
        if (edition != null && fields.source().fields().containsKey("edition")) {
            if (!EditionSchema.YEAR.matcher(edition).matches()) {
                problems.add(fields.path(), fields.lineOf("edition"), "'edition' must be the year of an edition (got \"" + edition + "\")",
                        "write it as edition: 2026, or remove it");
                edition = null;
            } else if (!editions.contains(edition) && !Files.isDirectory(root.resolve(Section.CAMPAIGNS.folder()).resolve(edition))) {
                problems.add(fields.path(), fields.lineOf("edition"), "there is no edition " + edition + " (no folder content/"
                                + Section.CAMPAIGNS + "/" + edition + "/)",
                        editions.isEmpty() ? "remove 'edition', or add the edition first"
                                : "use one of " + String.join(", ", editions) + ", or remove 'edition'");
                edition = null;
            }
        }
        String body = body(fields, dir, Section.NEWS, lang, problems);
        // Without a publishDate, an item goes public on its date: it can be written ahead of time.
        Schedule schedule = Schedule.of(fields, date.atStartOfDay(config.zone()).toOffsetDateTime(), config);
        return new NewsText(fields.source(), lang, title, summary, summary != null ? summary : Excerpt.of(body), date,
                schedule.publish(), edition, body, schedule.status());
    }
}
