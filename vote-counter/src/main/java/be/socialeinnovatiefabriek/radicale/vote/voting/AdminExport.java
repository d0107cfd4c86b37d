package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.ballot.BallotSource;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiRequest;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.http.Reply;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailProgress;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * {@code GET /api/admin/campaigns/{id}/export.csv} behind {@code Authorization: Bearer <VOTE_ADMIN_TOKEN>}:
 * the tallies, the anomaly sections ({@link AnomalyReport}), the mails given up on (dead letters: when, which kind,
 * the reason; never the address or the link), then the audit trail (time, nominee, voter hash), whatever the results
 * policy. Sections are separated by a blank line, each with its own header line.
 */
public final class AdminExport {

    private final byte[] adminTokenDigest;
    private final BallotSource ballots;
    private final VoteStore store;
    private final MailProgress mail;

    public AdminExport(CounterSettings settings, BallotSource ballots, VoteStore store, MailProgress mail) {
        this.adminTokenDigest = sha256(settings.adminToken());
        this.ballots = ballots;
        this.store = store;
        this.mail = mail;
    }

    public ApiResponse csv(ApiRequest request, String campaign, Reply reply) throws Refusal {
        String authorization = request.header("authorization");
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : "";
        // Digests of equal length, compared in constant time: neither the token nor its length leaks.
        if (!MessageDigest.isEqual(adminTokenDigest, sha256(presented))) {
            reply.header("WWW-Authenticate", "Bearer");
            throw Refusal.of(401, "unauthorized", "The export needs the header 'Authorization: Bearer "
                    + "<VOTE_ADMIN_TOKEN>' with the counter's admin token.", null);
        }
        Ballot ballot = Ballot.required(ballots, campaign);
        StringBuilder csv = new StringBuilder("nominee,votes\r\n");
        Map<String, Object> report = PhaseAndResults.tallies(ballot, store);
        @SuppressWarnings("unchecked")
        Map<String, Long> tallies = (Map<String, Long>) report.get("tallies");
        tallies.forEach((nominee, votes) -> csv.append(nominee).append(',').append(votes).append("\r\n"));
        csv.append("total,").append(report.get("total")).append("\r\n\r\n");
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
        return new ApiResponse(200, Map.of("Content-Type", "text/csv; charset=utf-8",
                "Content-Disposition", "attachment; filename=\"votes-" + ballot.id() + ".csv\""),
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A CSV field that may hold commas, quotes or line breaks (a mail server's words); one that a spreadsheet
     * would run as a formula starts with an apostrophe.
     */
    private static String quoted(String text) {
        if (text == null) {
            return "";
        }
        String field = text.replaceAll("[\r\n]+", " ");
        if (!field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0) {
            field = "'" + field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
