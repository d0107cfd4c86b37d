package be.socialeinnovatiefabriek.radicale.vote.http;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.text.LocalisedTexts;
import be.socialeinnovatiefabriek.radicale.vote.voting.Refusal;
import be.socialeinnovatiefabriek.radicale.vote.voting.VoteConfirmation;
import be.socialeinnovatiefabriek.radicale.vote.voting.VoteConfirmation.Counted;
import be.socialeinnovatiefabriek.radicale.vote.voting.VoteConfirmation.Expired;
import be.socialeinnovatiefabriek.radicale.vote.voting.VoteConfirmation.Link;
import be.socialeinnovatiefabriek.radicale.vote.voting.VoteConfirmation.Pending;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/votes/confirm?token=} shows the page with the one button ({@link ConfirmationPage}) and counts
 * nothing; {@code POST /api/votes/confirm} with {@code token} counts the vote. A person (the page, a form post)
 * whose link cannot be used gets a page that says so; a script gets the error.
 */
final class ConfirmEndpoint {

    private static final int MAX_ACCEPT_LANGUAGE = 200;

    private final VoteConfirmation confirmation;
    private final URI publicUrl;

    ConfirmEndpoint(VoteConfirmation confirmation, CounterSettings settings) {
        this.confirmation = confirmation;
        this.publicUrl = settings.publicUrl();
    }

    /** The page behind the link; {@code reply} redirects refusals, as the page is opened by a person. */
    ApiResponse page(ApiRequest request, Reply reply) throws Refusal {
        Link link = confirmation.look(trimmed(request.query().get("token")));
        if (link instanceof Pending pending) {
            String css = css(pending.ballot(), pending.lang());
            return html(200, ConfirmationPage.html(pending.lang(), pending.token(), pending.ballot().title(pending.lang()),
                    pending.ballot().nomineeName(pending.nominee(), pending.lang()), css, publicUrl + "/api/votes/confirm"),
                    css);
        }
        if (link instanceof Counted counted) {
            reply.about(counted.ballot(), counted.lang());
            return reply.done("thanks", 200, Map.of("status", "counted"));
        }
        if (link instanceof Expired expired) {
            return unusable(410, expired.lang(), true, expired.ballot());
        }
        return unusable(404, languageOf(request), false, null);
    }

    ApiResponse count(ApiRequest request, Reply reply) throws Refusal {
        return answer(request, reply, confirmation.count(token(request)));
    }

    /**
     * {@link #count}, answered once the vote is durable without a thread waiting for it; a refusal after the count
     * fails the stage with the {@link Refusal} (in a {@code CompletionException}), one before it is thrown.
     */
    CompletionStage<ApiResponse> countLater(ApiRequest request, Reply reply) throws Refusal {
        return confirmation.countLater(token(request)).thenApply(link -> {
            try {
                return answer(request, reply, link);
            } catch (Refusal refusal) {
                throw new CompletionException(refusal);
            }
        });
    }

    private static String token(ApiRequest request) throws Refusal {
        String token = trimmed(RequestFields.of(request).get("token"));
        if (token == null) {
            throw Refusal.badRequest("The field 'token' is missing; open the link from the confirmation mail.");
        }
        return token;
    }

    private static ApiResponse answer(ApiRequest request, Reply reply, Link link) throws Refusal {
        boolean form = RequestFields.isForm(request);
        if (link instanceof Counted counted) {
            reply.about(counted.ballot(), counted.lang());
            return reply.done("thanks", 200, Map.of("status", "counted"));
        }
        if (link instanceof Expired expired) {
            if (form) {
                return unusable(410, expired.lang(), true, expired.ballot());
            }
            throw VoteConfirmation.expired(expired);
        }
        // A token the store does not hold stands for no edition: a person gets a page in their browser's language.
        if (form) {
            return unusable(404, languageOf(request), false, null);
        }
        throw VoteConfirmation.unknown();
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
