package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;

/**
 * The admin export ({@code GET /api/admin/campaigns/{id}/export.csv}, for the admin token only): the tallies, the
 * anomaly sections ({@link AnomalyReport}), then the audit trail (time, nominee, voter hash), whatever the results
 * policy. Sections are separated by a blank line, each with its own header line.
 */
public final class AdminExport {

    private final VoteStore store;

    public AdminExport(VoteStore store) {
        this.store = store;
    }

    /** The export of {@code ballot}'s edition: UTF-8 text, CRLF line ends. */
    public String csv(Ballot ballot) {
        StringBuilder csv = new StringBuilder("nominee,votes\r\n");
        PhaseAndResults.Tallies report = PhaseAndResults.tallies(ballot, store);
        report.tallies().forEach((nominee, votes) -> csv.append(nominee).append(',').append(votes).append("\r\n"));
        csv.append("total,").append(report.total()).append("\r\n\r\n");
        AnomalyReport anomalies = new AnomalyReport();
        store.submissions(ballot.id(), anomalies::submitted);
        store.confirmationDelays(ballot.id(), anomalies::confirmedAfter);
        // One pass over the trail, the longest section: it goes last, and feeds the counted votes per hour.
        StringBuilder audit = new StringBuilder("counted_at,nominee,voter_hash\r\n");
        store.audit(ballot.id(), vote -> {
            anomalies.counted(vote.countedAt());
            audit.append(vote.countedAt()).append(',').append(vote.nominee()).append(',').append(vote.voterHash())
                    .append("\r\n");
        });
        anomalies.appendTo(csv);
        csv.append(audit);
        return csv.toString();
    }
}
