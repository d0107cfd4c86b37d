package be.socialeinnovatiefabriek.radicale.site.content;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date a news folder is named for: {@code content/news/2026-11-16-stemming-open/} is the item of
 * 16 November 2026. A name without a real date in front is a problem naming the folder.
 */
final class NewsFolderName {

    private static final Pattern NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)");
    private static final Pattern LEADING_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:-(.*))?");
    static final String EXAMPLE = "2026-11-16-stemming-open";

    private NewsFolderName() {
    }

    /** The folder's date, or empty after reporting why its name does not give one. */
    static Optional<LocalDate> date(Path dir, Problems problems) {
        String name = dir.getFileName().toString();
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            Matcher leading = LEADING_DATE.matcher(name);
            if (leading.matches()) {
                problems.add(dir, 0, "the folder name '" + name + "' has no name after its date",
                        "rename the folder to the date and a short name, such as " + EXAMPLE);
            } else {
                problems.add(dir, 0, "the folder name '" + name + "' does not start with the date of the news item",
                        "rename the folder to the date (yyyy-mm-dd) and a short name, such as " + EXAMPLE);
            }
            return Optional.empty();
        }
        try {
            // LocalDate.parse is strict: 2026-02-30 and 2026-13-01 are refused, not moved to the next valid date.
            return Optional.of(LocalDate.parse(matcher.group(1)));
        } catch (DateTimeParseException e) {
            problems.add(dir, 0, "the folder name '" + name + "' starts with '" + matcher.group(1) + "', which is not a date in the calendar",
                    "rename the folder to the real date of the item (yyyy-mm-dd) and a short name, such as " + EXAMPLE);
            return Optional.empty();
        }
    }
}
