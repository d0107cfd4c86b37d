package be.socialeinnovatiefabriek.radicale.vote.http;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.voting.Refusal;
import be.socialeinnovatiefabriek.radicale.vote.voting.Refusal.Reason;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one request is answered: JSON for a script, a 303 redirect to a page of the site in the voter's
 * language for a form post (once the ballot and language are known); a refusal as its {@link Reason} says.
 */
final class Reply {

    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final boolean form;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Ballot ballot;
    private String lang;

    Reply(boolean form) {
        this.form = form;
    }

    /** From now on a form post is redirected to this ballot's pages in {@code language}. */
    void about(Ballot ballot, String language) {
        this.ballot = ballot;
        this.lang = ballot.language(language);
    }

    /** Adds a header to the answer (a cookie). */
    void header(String name, String value) {
        headers.put(name, value);
    }

    /** A form post goes to {@code page}; a script gets {@code status} and {@code body}. */
    ApiResponse done(String page, int status, Map<String, ?> body) {
        String location = pageUrl(page);
        return form && location != null ? redirect(location) : json(status, body);
    }

    /** A form post goes to the refusal's page of its edition, in its voter's language; a script gets the error. */
    ApiResponse refused(Refusal refusal) {
        if (refusal.ballot() != null) {
            about(refusal.ballot(), refusal.lang());
        }
        String location = pageUrl(page(refusal.reason()));
        if (form && location != null) {
            return redirect(location);
        }
        if (refusal.retryAfterSeconds() > 0) {
            headers.put("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        }
        return json(status(refusal.reason()), error(refusal.reason().code(), refusal.getMessage()));
    }

    /** The HTTP status of each refusal (the README's API lists them). */
    static int status(Reason reason) {
        return switch (reason) {
            case BAD_REQUEST, DISPOSABLE_ADDRESS, CHALLENGE_MISSING, BAD_CHALLENGE -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN, VOTING_NOT_OPEN, VOTING_CLOSED, RESULTS_HIDDEN, CHALLENGE_FAILED, CHALLENGE_EXPIRED -> 403;
            case UNKNOWN_CAMPAIGN, UNKNOWN_TOKEN, NO_CHALLENGE -> 404;
            case ALREADY_VOTED, ALREADY_COUNTED, CHALLENGE_USED -> 409;
            case EXPIRED -> 410;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case UNKNOWN_NOMINEE -> 422;
            case RATE_LIMITED -> 429;
        };
    }

    /** The site page a form post is sent to instead of each refusal (the ballot's {@code pages}); null: none. */
    static String page(Reason reason) {
        return switch (reason) {
            case UNAUTHORIZED, FORBIDDEN -> null;
            case ALREADY_VOTED -> "alreadyVoted";
            case ALREADY_COUNTED -> "thanks";
            case VOTING_NOT_OPEN, VOTING_CLOSED -> "closed";
            default -> "problem";
        };
    }

    ApiResponse json(int status, Map<String, ?> body) {
        headers.put("Content-Type", JSON_TYPE);
        return new ApiResponse(status, Map.copyOf(headers), bytes(body));
    }

    private ApiResponse redirect(String location) {
        headers.put("Location", location);
        return new ApiResponse(303, Map.copyOf(headers), new byte[0]);
    }

    static Map<String, String> error(String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return body;
    }

    private static byte[] bytes(Map<String, ?> body) {
        try {
            return MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }

    private String pageUrl(String page) {
        if (ballot == null || page == null) {
            return null;
        }
        Map<String, String> pages = ballot.pages().get(lang);
        String url = pages == null ? null : pages.get(page);
        return url == null || url.isBlank() ? null : url;
    }
}
