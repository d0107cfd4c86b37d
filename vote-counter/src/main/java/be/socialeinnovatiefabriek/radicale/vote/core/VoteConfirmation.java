package be.socialeinnovatiefabriek.radicale.vote.core;

import be.socialeinnovatiefabriek.radicale.vote.core.VoteStore.Confirmation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/votes/confirm} shows the page with the one button and counts nothing (mail scanners
 * follow links); {@code POST /api/votes/confirm} counts the vote, exactly once.
 */
final class VoteConfirmation {

    private final CounterSettings settings;
    private final BallotSource ballots;
    private final VoteStore store;
    private final Clock clock;

    VoteConfirmation(CounterSettings settings, BallotSource ballots, VoteStore store, Clock clock) {
        this.settings = settings;
        this.ballots = ballots;
        this.store = store;
        this.clock = clock;
    }

    /** {@code reply} redirects refusals: the page is opened by a person, from the mail. */
    ApiResponse page(ApiRequest request, Reply reply) throws Refusal {
        ConfirmationToken token = token(request.query().get("token"));
        Ballot ballot = ballotOf(token, reply);
        VoteSubmission.openAt(ballot, clock.instant());
        String lang = ballot.language(token.lang());
        String css = ballot.pages().getOrDefault(lang, Map.of()).getOrDefault("css", "");
        String html = ConfirmationPage.html(lang, token.value(), ballot.title(lang),
                ballot.nomineeName(token.nominee(), lang), css, settings.publicUrl() + "/api/votes/confirm");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/html; charset=utf-8");
        headers.put("Content-Security-Policy", "default-src 'none'; style-src " + styleSource(css)
                + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        return new ApiResponse(200, Map.copyOf(headers), html.getBytes(StandardCharsets.UTF_8));
    }

    ApiResponse count(ApiRequest request, Reply reply) throws Refusal {
        Map<String, String> fields = RequestFields.of(request);
        ConfirmationToken token = token(fields.get("token"));
        Ballot ballot = ballotOf(token, reply);
        VoteSubmission.openAt(ballot, clock.instant());
        Confirmation confirmation = store.confirm(token.hash(), clock.instant(), ballot.votesPerVoter());
        switch (confirmation.outcome()) {
            case COUNTED:
                return reply.done("thanks", 200, Map.of("status", "counted"));
            case ALREADY_COUNTED:
                // A second press of the button (or a reload) changes nothing; the voter's vote is counted: say thanks.
                throw Refusal.of(409, "already_counted", "This vote was already confirmed and counted; there is "
                        + "nothing more to do.", "thanks");
            case ALREADY_VOTED:
                throw Refusal.alreadyVoted();
            case EXPIRED:
                throw Refusal.of(410, "expired", "This confirmation link has expired (links last "
                        + Mailer.ConfirmationMail.LINK_LIFETIME.toHours() + " hours); vote again to get a new one.", "problem");
            default:
                throw unknownToken();
        }
    }

    private ConfirmationToken token(String value) throws Refusal {
        if (value == null || value.isBlank()) {
            throw Refusal.badRequest("The field 'token' is missing; open the link from the confirmation mail.");
        }
        return ConfirmationToken.parse(value.trim()).orElseThrow(VoteConfirmation::unknownToken);
    }

    private Ballot ballotOf(ConfirmationToken token, Reply reply) throws Refusal {
        Ballot ballot = Ballot.required(ballots, token.campaign());
        reply.about(ballot, token.lang());
        if (!ballot.nominees().contains(token.nominee())) {
            throw Refusal.unknownNominee(token.nominee());
        }
        return ballot;
    }

    private static Refusal unknownToken() {
        return Refusal.of(404, "unknown_token", "This confirmation link is not valid; open the link from the "
                + "mail exactly as it was sent, or vote again.", "problem");
    }

    private static String styleSource(String cssUrl) {
        try {
            URI css = URI.create(cssUrl);
            return css.getScheme() != null && css.getHost() != null ? CounterSettings.originOf(css) : "'none'";
        } catch (IllegalArgumentException e) {
            return "'none'";
        }
    }
}
