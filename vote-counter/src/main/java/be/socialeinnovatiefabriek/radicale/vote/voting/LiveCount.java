package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.MinuteTally;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live count of the studio view, for the admin token only: per nominee the votes so far, this minute and in
 * the last {@value #RECENT} minutes, and the votes of each of the last {@value #MINUTES} minutes, whatever the
 * results policy (the studio keeps them embargoed until voting closes).
 */
public final class LiveCount {

    /** The minutes a count covers, the current one last. */
    public static final int MINUTES = 60;
    /** The complete and current minutes added up in {@link NomineeCount#lastMinutes}. */
    public static final int RECENT = 10;

    /** The count of {@code ballot}'s edition at {@code serverTime}: its nominees in the ballot's order. */
    public record Count(Ballot ballot, Instant serverTime, long total, List<NomineeCount> nominees,
                        List<MinuteCount> minutes) {
    }

    /** One nominee: its names per language, its votes so far, this minute and in the last {@value #RECENT} minutes. */
    public record NomineeCount(String id, Map<String, String> names, long votes, long thisMinute, long lastMinutes) {
    }

    /** One minute: the votes per nominee (in the ballot's order, nominees with votes only), and their total. */
    public record MinuteCount(Instant minute, Map<String, Long> votes, long total) {
    }

    private final VoteStore store;
    private final Clock clock;

    public LiveCount(VoteStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Count of(Ballot ballot) {
        Instant now = clock.instant();
        Instant current = now.truncatedTo(ChronoUnit.MINUTES);
        Instant first = current.minus(Duration.ofMinutes(MINUTES - 1));
        Map<String, Long> tallies = store.tallies(ballot.id());
        Map<Instant, Map<String, Long>> perMinute = new LinkedHashMap<>();
        for (int i = 0; i < MINUTES; i++) {
            perMinute.put(first.plus(Duration.ofMinutes(i)), new LinkedHashMap<>());
        }
        for (MinuteTally tally : store.minuteTallies(ballot.id(), first)) {
            Map<String, Long> minute = perMinute.get(tally.minute());
            if (minute != null && ballot.nominees().contains(tally.nominee())) {
                minute.merge(tally.nominee(), tally.votes(), Long::sum);
            }
        }
        Instant recent = current.minus(Duration.ofMinutes(RECENT - 1));
        List<NomineeCount> nominees = new ArrayList<>();
        long total = 0;
        for (String nominee : ballot.nominees()) {
            long votes = tallies.getOrDefault(nominee, 0L);
            total += votes;
            long thisMinute = perMinute.get(current).getOrDefault(nominee, 0L);
            long lastMinutes = perMinute.entrySet().stream().filter(entry -> !entry.getKey().isBefore(recent))
                    .mapToLong(entry -> entry.getValue().getOrDefault(nominee, 0L)).sum();
            Map<String, String> names = new LinkedHashMap<>();
            for (String lang : ballot.languages()) {
                names.put(lang, ballot.nomineeName(nominee, lang));
            }
            nominees.add(new NomineeCount(nominee, names, votes, thisMinute, lastMinutes));
        }
        List<MinuteCount> minutes = new ArrayList<>();
        perMinute.forEach((minute, counted) -> {
            Map<String, Long> votes = new LinkedHashMap<>();
            ballot.nominees().stream().filter(counted::containsKey).forEach(nominee -> votes.put(nominee, counted.get(nominee)));
            minutes.add(new MinuteCount(minute, votes, votes.values().stream().mapToLong(Long::longValue).sum()));
        });
        return new Count(ballot, now, total, nominees, minutes);
    }
}
