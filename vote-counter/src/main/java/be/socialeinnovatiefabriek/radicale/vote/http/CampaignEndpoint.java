package be.socialeinnovatiefabriek.radicale.vote.http;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.voting.PhaseAndResults;
import be.socialeinnovatiefabriek.radicale.vote.voting.PhaseAndResults.Phase;
import be.socialeinnovatiefabriek.radicale.vote.voting.PhaseAndResults.Tallies;
import be.socialeinnovatiefabriek.radicale.vote.voting.Refusal;
import be.socialeinnovatiefabriek.radicale.vote.voting.VoteChallenge;
import be.socialeinnovatiefabriek.radicale.vote.voting.VoteChallenge.Challenge;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a voting page asks about an edition, as JSON: {@code GET /api/campaigns/{id}} (the phase),
 * {@code GET /api/campaigns/{id}/results} (the tallies, when allowed) and {@code GET /api/campaigns/{id}/challenge}
 * (a proof of work, for an edition without e-mail).
 */
final class CampaignEndpoint {

    private final PhaseAndResults campaigns;
    private final VoteChallenge challenges;

    CampaignEndpoint(PhaseAndResults campaigns, VoteChallenge challenges) {
        this.campaigns = campaigns;
        this.challenges = challenges;
    }

    ApiResponse phase(Ballot ballot, Reply reply) {
        Phase phase = campaigns.phase(ballot);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", phase.id());
        body.put("phase", phase.phase());
        body.put("opens", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(phase.opens()));
        body.put("closes", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(phase.closes()));
        body.put("serverTime", phase.serverTime().toString());
        body.put("results", phase.results());
        body.put("verification", phase.verification());
        return reply.json(200, body);
    }

    ApiResponse results(Ballot ballot, Reply reply) throws Refusal {
        Tallies tallies = campaigns.results(ballot);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", tallies.id());
        body.put("tallies", tallies.tallies());
        body.put("total", tallies.total());
        return reply.json(200, body);
    }

    ApiResponse challenge(Ballot ballot, Reply reply) throws Refusal {
        Challenge challenge = challenges.issue(ballot);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("algorithm", challenge.algorithm());
        body.put("challenge", challenge.challenge());
        body.put("maxnumber", challenge.maxnumber());
        body.put("salt", challenge.salt());
        body.put("signature", challenge.signature());
        return reply.json(200, body);
    }
}
