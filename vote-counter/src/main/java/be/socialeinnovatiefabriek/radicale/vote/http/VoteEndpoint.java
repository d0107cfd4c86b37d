package be.socialeinnovatiefabriek.radicale.vote.http;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.identity.TrustedProxies;
import be.socialeinnovatiefabriek.radicale.vote.voting.Refusal;
import be.socialeinnovatiefabriek.radicale.vote.voting.VoteChallenge;
import be.socialeinnovatiefabriek.radicale.vote.voting.VoteSubmission;
import be.socialeinnovatiefabriek.radicale.vote.voting.VoteSubmission.Submission;
import be.socialeinnovatiefabriek.radicale.vote.voting.VoteSubmission.Submitted;
import java.net.URI;
import java.util.Map;

/**
 * {@code POST /api/campaigns/{id}/votes}: the vote's fields and who sent it, handed to {@link VoteSubmission};
 * a script gets 202 {@code pending} or 200 {@code counted}, a form post the check-mail or thank-you page. A
 * browser that votes without e-mail gets its {@code voter} cookie here.
 */
final class VoteEndpoint {

    private final VoteSubmission submission;
    private final TrustedProxies proxies;
    private final URI publicUrl;

    VoteEndpoint(VoteSubmission submission, TrustedProxies proxies, URI publicUrl) {
        this.submission = submission;
        this.proxies = proxies;
        this.publicUrl = publicUrl;
    }

    ApiResponse vote(ApiRequest request, Ballot ballot, Reply reply) throws Refusal {
        reply.about(ballot, null);
        Map<String, String> fields = RequestFields.of(request);
        Submitted submitted = submission.submit(ballot, new Submission(fields.get("nominee"), fields.get("lang"),
                fields.get("email"), fields.get(VoteChallenge.FIELD),
                proxies.limitKeyOf(request.clientIp(), request::header), VoterCookie.read(request)));
        reply.about(ballot, submitted.lang());
        if (submitted.newBrowserToken() != null) {
            reply.header("Set-Cookie", VoterCookie.set(submitted.newBrowserToken(), publicUrl));
        }
        return submitted.status() == VoteSubmission.Status.PENDING
                ? reply.done("checkMail", 202, Map.of("status", "pending"))
                : reply.done("thanks", 200, Map.of("status", "counted"));
    }
}
