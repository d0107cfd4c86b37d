package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.ballot.BallotSource;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiRequest;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.http.ConfirmationPage;
import be.socialeinnovatiefabriek.radicale.vote.http.Reply;
import be.socialeinnovatiefabriek.radicale.vote.http.RequestFields;
import be.socialeinnovatiefabriek.radicale.vote.identity.ConfirmationToken;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.Confirmation;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.Outcome;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;
import be.socialeinnovatiefabriek.radicale.vote.text.LocalisedTexts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/votes/confirm} shows the page with the one button and counts nothing (mail scanners
 * follow links); {@code POST /api/votes/confirm} counts the vote, exactly once. Both first ask the store
 * what the token stands for: the link carries nothing else, and a token the store does not hold as pending
 * gets no page that names a vote.
 */
public final class VoteConfirmation {

    private static final int MAX_ACCEPT_LANGUAGE = 200;

    private final CounterSettings settings;
    private final BallotSource ballots;
    private final VoteStore store;
    private final Clock clock;

    public VoteConfirmation(CounterSettings settings, BallotSource ballots, VoteStore store, Clock clock) {
        this.settings = settings;
        this.ballots = ballots;
        this.store = store;
        this.clock = clock;
    }

    /** {@code reply} redirects refusals: the page is opened by a person, from the mail. */
    public ApiResponse page(ApiRequest request, Reply reply) throws Refusal {
        Instant now = clock.instant();
        Optional<ConfirmationToken> token = ConfirmationToken.parse(trimmed(request.query().get("token")));
        Confirmation vote = lookUp(token, now);
        if (vote.outcome() == Outcome.UNKNOWN) {
            return unusable(404, languageOf(request), false, null);
        }
        Ballot ballot = ballotOf(vote, reply);
        VoteSubmission.openAt(ballot, now);
        String lang = ballot.language(vote.lang());
        if (vote.outcome() == Outcome.ALREADY_COUNTED) {
            return reply.done("thanks", 200, Map.of("status", "counted"));
        }
        if (vote.outcome() == Outcome.EXPIRED) {
            return unusable(410, lang, true, ballot);
        }
        String css = css(ballot, lang);
        return html(200, ConfirmationPage.html(lang, token.orElseThrow().value(), ballot.title(lang),
                ballot.nomineeName(vote.nominee(), lang), css, settings.publicUrl() + "/api/votes/confirm"), css);
    }

    public ApiResponse count(ApiRequest request, Reply reply) throws Refusal {
        Map<String, String> fields = RequestFields.of(request);
        String value = trimmed(fields.get("token"));
        if (value == null) {
            throw Refusal.badRequest("The field 'token' is missing; open the link from the confirmation mail.");
        }
        boolean form = RequestFields.isForm(request);
        Instant now = clock.instant();
        // Hashed once: the look-up and the count both find the vote by it.
        Optional<String> tokenHash = ConfirmationToken.parse(value).map(ConfirmationToken::hash);
        Confirmation vote = tokenHash.map(hash -> store.lookUp(hash, now))
                .orElse(new Confirmation(Outcome.UNKNOWN, null, null, null));
        if (vote.outcome() == Outcome.UNKNOWN) {
            return unknown(form, request);
        }
        Ballot ballot = ballotOf(vote, reply);
        VoteSubmission.openAt(ballot, now);
        Confirmation confirmation = store.confirm(tokenHash.orElseThrow(), now, ballot.votesPerVoter());
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
                if (form) {
                    return unusable(410, ballot.language(vote.lang()), true, ballot);
                }
                throw Refusal.of(410, "expired", "This confirmation link has expired (links last "
                        + Mailer.ConfirmationMail.LINK_LIFETIME.toHours() + " hours); vote again to get a new one.", "problem");
            default:
                return unknown(form, request);
        }
    }

    private Confirmation lookUp(Optional<ConfirmationToken> token, Instant now) {
        return token.map(t -> store.lookUp(t.hash(), now)).orElse(new Confirmation(Outcome.UNKNOWN, null, null, null));
    }

    private Ballot ballotOf(Confirmation vote, Reply reply) throws Refusal {
        Ballot ballot = Ballot.required(ballots, vote.campaign());
        reply.about(ballot, vote.lang());
        if (!ballot.nominees().contains(vote.nominee())) {
            throw Refusal.unknownNominee(vote.nominee());
        }
        return ballot;
    }

    // A token the store does not hold stands for no edition: a person gets a page in their browser's language.
    private static ApiResponse unknown(boolean form, ApiRequest request) throws Refusal {
        if (form) {
            return unusable(404, languageOf(request), false, null);
        }
        throw Refusal.of(404, "unknown_token", "This confirmation link is not valid; open the link from the "
                + "mail exactly as it was sent, or vote again.", "problem");
    }

    private static ApiResponse unusable(int status, String lang, boolean expired, Ballot ballot) {
        String css = ballot == null ? null : css(ballot, lang);
        String vote = ballot == null ? null : ballot.pages().getOrDefault(lang, Map.of()).get("vote");
        return html(status, ConfirmationPage.unusable(lang, expired, css, vote), css);
    }

    private static ApiResponse html(int status, String html, String css) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/html; charset=utf-8");
        headers.put("Content-Security-Policy", "default-src 'none'; style-src " + styleSource(css == null ? "" : css)
                + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        return new ApiResponse(status, Map.copyOf(headers), html.getBytes(StandardCharsets.UTF_8));
    }

    private static String css(Ballot ballot, String lang) {
        return ballot.pages().getOrDefault(lang, Map.of()).getOrDefault("css", "");
    }

    /** The first of the site's languages in the browser's {@code Accept-Language}, else the default. */
    private static String languageOf(ApiRequest request) {
        String accepted = request.header("accept-language");
        if (accepted == null || accepted.length() > MAX_ACCEPT_LANGUAGE) {
            return LocalisedTexts.language(null);
        }
        try {
            return LocalisedTexts.language(Locale.lookupTag(Locale.LanguageRange.parse(accepted), LocalisedTexts.LANGUAGES));
        } catch (IllegalArgumentException e) {
            return LocalisedTexts.language(null);
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
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
