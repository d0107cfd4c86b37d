package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.ballot.BallotSource;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.http.Reply;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/campaigns/{id}} (the live phase) and {@code GET /api/campaigns/{id}/results} (when allowed). */
public final class PhaseAndResults {

    private final BallotSource ballots;
    private final VoteStore store;
    private final Clock clock;

    public PhaseAndResults(BallotSource ballots, VoteStore store, Clock clock) {
        this.ballots = ballots;
        this.store = store;
        this.clock = clock;
    }

    public ApiResponse status(String campaign, Reply reply) throws Refusal {
        Ballot ballot = Ballot.required(ballots, campaign);
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", ballot.id());
        body.put("phase", ballot.phase(now));
        body.put("opens", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ballot.opens()));
        body.put("closes", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ballot.closes()));
        body.put("serverTime", now.toString());
        body.put("results", ballot.results());
        body.put("verification", ballot.verification());
        return reply.json(200, body);
    }

    public ApiResponse results(String campaign, Reply reply) throws Refusal {
        Ballot ballot = Ballot.required(ballots, campaign);
        if (!ballot.resultsVisible(clock.instant())) {
            throw Refusal.of(403, "results_hidden", "The results of this edition are published when voting closes, at "
                    + ballot.closes() + ".", "problem");
        }
        return reply.json(200, tallies(ballot, store));
    }

    /** The ballot's nominees in its order, each with its count (0 when none), and the total. */
    static Map<String, Object> tallies(Ballot ballot, VoteStore store) {
        Map<String, Long> counted = store.tallies(ballot.id());
        Map<String, Long> tallies = new LinkedHashMap<>();
        long total = 0;
        for (String nominee : ballot.nominees()) {
            long votes = counted.getOrDefault(nominee, 0L);
            tallies.put(nominee, votes);
            total += votes;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", ballot.id());
        body.put("tallies", tallies);
        body.put("total", total);
        return body;
    }
}
