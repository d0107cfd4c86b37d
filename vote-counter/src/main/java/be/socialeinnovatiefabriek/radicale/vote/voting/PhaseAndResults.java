package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What anyone may know of an edition: its phase now ({@code GET /api/campaigns/{id}}) and, when its results
 * policy allows, its tallies ({@code GET /api/campaigns/{id}/results}).
 */
public final class PhaseAndResults {

    /** An edition's phase at {@code serverTime}, with what the voting page needs to follow it. */
    public record Phase(String id, String phase, OffsetDateTime opens, OffsetDateTime closes, Instant serverTime,
                        String results, String verification) {
    }

    /** Every nominee's counted votes, in the ballot's order (0 when none), and their total. */
    public record Tallies(String id, Map<String, Long> tallies, long total) {
    }

    private final VoteStore store;
    private final Clock clock;

    public PhaseAndResults(VoteStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Phase phase(Ballot ballot) {
        Instant now = clock.instant();
        return new Phase(ballot.id(), ballot.phase(now), ballot.opens(), ballot.closes(), now, ballot.results(),
                ballot.verification());
    }

    /** The tallies, once the results policy shows them. */
    public Tallies results(Ballot ballot) throws Refusal {
        if (!ballot.resultsVisible(clock.instant())) {
            throw Refusal.of(Refusal.Reason.RESULTS_HIDDEN, "The results of this edition are published when voting "
                    + "closes, at " + ballot.closes() + ".");
        }
        return tallies(ballot, store);
    }

    /** The tallies whatever the results policy (for the admin export). */
    static Tallies tallies(Ballot ballot, VoteStore store) {
        Map<String, Long> counted = store.tallies(ballot.id());
        Map<String, Long> tallies = new LinkedHashMap<>();
        long total = 0;
        for (String nominee : ballot.nominees()) {
            long votes = counted.getOrDefault(nominee, 0L);
            tallies.put(nominee, votes);
            total += votes;
        }
        return new Tallies(ballot.id(), tallies, total);
    }
}
