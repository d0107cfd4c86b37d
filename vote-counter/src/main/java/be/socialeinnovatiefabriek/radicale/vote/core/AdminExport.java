package be.socialeinnovatiefabriek.radicale.vote.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * {@code GET /api/admin/campaigns/{id}/export.csv} behind {@code Authorization: Bearer <VOTE_ADMIN_TOKEN>}:
 * the tallies, the mails given up on (dead letters: when, which kind, the reason; never the address), then the
 * audit trail (time, nominee, voter hash), whatever the results policy. Sections are separated by a blank line.
 */
final class AdminExport {

    private final byte[] adminTokenDigest;
    private final BallotSource ballots;
    private final VoteStore store;
    private final MailProgress mail;

    AdminExport(CounterSettings settings, BallotSource ballots, VoteStore store, MailProgress mail) {
        this.adminTokenDigest = sha256(settings.adminToken());
        this.ballots = ballots;
        this.store = store;
        this.mail = mail;
    }

    ApiResponse csv(ApiRequest request, String campaign, Reply reply) throws Refusal {
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
        Map<String, Object> report = CampaignView.tallies(ballot, store);
        @SuppressWarnings("unchecked")
        Map<String, Long> tallies = (Map<String, Long>) report.get("tallies");
        tallies.forEach((nominee, votes) -> csv.append(nominee).append(',').append(votes).append("\r\n"));
        csv.append("total,").append(report.get("total")).append("\r\n\r\n");
        csv.append("dead_letter_queued_at,dead_letter_failed_at,kind,lang,attempts,reason\r\n");
        mail.deadLetters(letter -> csv.append(letter.queuedAt()).append(',').append(letter.failedAt()).append(',')
                .append(letter.kind()).append(',').append(letter.lang()).append(',').append(letter.attempts()).append(',')
                .append(quoted(letter.reason())).append("\r\n"));
        csv.append("\r\n");
        csv.append("counted_at,nominee,voter_hash\r\n");
        store.audit(ballot.id(), vote -> csv.append(vote.countedAt()).append(',').append(vote.nominee()).append(',')
                .append(vote.voterHash()).append("\r\n"));
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
