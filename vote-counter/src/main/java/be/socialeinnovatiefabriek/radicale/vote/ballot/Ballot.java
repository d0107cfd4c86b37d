package be.socialeinnovatiefabriek.radicale.vote.ballot;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One edition's vote, as the site build writes it to {@code ballots/<id>.json}. Content is the only
 * source of truth: the counter takes no vote for an edition or nominee that is not in a ballot.
 *
 * @param id            the edition's year
 * @param nominees      the nominees' slugs
 * @param opens         voting opens (inclusive)
 * @param closes        voting closes (exclusive)
 * @param results       {@code after-close} or {@code live}
 * @param verification  {@code email} (double opt-in) or {@code none}
 * @param votesPerVoter how many votes one voter may cast in this edition (each for another nominee)
 * @param languages     the site's languages, the first is the default
 * @param titles        the edition's title per language
 * @param names         each nominee's display name per language: names.get(slug).get(lang)
 * @param pages         per language, the absolute URLs of the site's voting pages: keys vote, checkMail,
 *                      thanks, alreadyVoted, closed, problem, results, and css (the site's stylesheet)
 */
public record Ballot(String id, List<String> nominees, OffsetDateTime opens, OffsetDateTime closes, String results,
                     String verification, int votesPerVoter, List<String> languages, Map<String, String> titles,
                     Map<String, Map<String, String>> names, Map<String, Map<String, String>> pages) {

    public static final String UPCOMING = "upcoming";
    public static final String OPEN = "open";
    public static final String RESULTS = "results";

    /** The phase at {@code now}: upcoming, open, or results once voting has closed (see {@link #resultsVisible}). */
    public String phase(Instant now) {
        if (now.isBefore(opens.toInstant())) {
            return UPCOMING;
        }
        if (now.isBefore(closes.toInstant())) {
            return OPEN;
        }
        return RESULTS;
    }

    /** Whether tallies may be shown at {@code now}. */
    public boolean resultsVisible(Instant now) {
        return "live".equals(results) ? !now.isBefore(opens.toInstant()) : !now.isBefore(closes.toInstant());
    }

    /** A language this ballot knows, or its default language. */
    public String language(String requested) {
        return requested != null && languages.contains(requested) ? requested : languages.get(0);
    }

    /** The edition's title in {@code lang}, else its id. */
    public String title(String lang) {
        return titles.getOrDefault(lang, id);
    }

    /** The nominee's display name in {@code lang}, else in the default language, else its slug. */
    public String nomineeName(String nominee, String lang) {
        Map<String, String> name = names.getOrDefault(nominee, Map.of());
        return name.getOrDefault(lang, name.getOrDefault(languages.get(0), nominee));
    }
}
