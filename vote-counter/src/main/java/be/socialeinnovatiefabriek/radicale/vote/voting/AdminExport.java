package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailProgress;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;

/**
 * The admin export ({@code GET /api/admin/campaigns/{id}/export.csv}, for the admin token only): the tallies, the
 * anomaly sections ({@link AnomalyReport}), the mails given up on (dead letters: when, which kind, the reason; never
 * the address or the link), then the audit trail (time, nominee, voter hash), whatever the results policy. Sections
 * are separated by a blank line, each with its own header line.
 */
public final class AdminExport {

    private final VoteStore store;
    private final MailProgress mail;

    public AdminExport(VoteStore store, MailProgress mail) {
        this.store = store;
        this.mail = mail;
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
        csv.append("dead_letter_queued_at,dead_letter_failed_at,kind,lang,attempts,reason\r\n");
        mail.deadLetters(letter -> csv.append(letter.queuedAt()).append(',').append(letter.failedAt()).append(',')
                .append(letter.kind()).append(',').append(letter.lang()).append(',').append(letter.attempts()).append(',')
                .append(quoted(letter.reason())).append("\r\n"));
        csv.append("\r\n");
        csv.append(audit);
        return csv.toString();
    }

    /**
     * A CSV field that may hold commas, quotes or line breaks (a mail server's words); one that a spreadsheet
     * would run as a formula starts with an apostrophe.
     */
    private static String quoted(String text) {
        if (text == null) {
            return "";
        }
        String field = text.replaceAll("[\\r\\n]+", " ");
        if (!field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0) {
            field = "'" + field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
