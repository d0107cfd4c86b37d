package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import java.util.Locale;

/**
 * A request the counter refuses: why ({@link Reason}, an error code of the README's API), a sentence a person
 * can act on, and, once known, the edition and language it concerns, so that a person can be sent to that
 * edition's page in their language. How a refusal is answered (a status, a page of the site) is the HTTP
 * side's business.
 */
public final class Refusal extends Exception {

    /** Why a request is refused; {@link #code()} is the {@code error} of the API's answer. */
    public enum Reason {
        BAD_REQUEST, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNAUTHORIZED, FORBIDDEN,
        UNKNOWN_CAMPAIGN, UNKNOWN_NOMINEE, VOTING_NOT_OPEN, VOTING_CLOSED, RESULTS_HIDDEN,
        RATE_LIMITED, DISPOSABLE_ADDRESS, ALREADY_VOTED, ALREADY_COUNTED, EXPIRED, UNKNOWN_TOKEN,
        NO_CHALLENGE, CHALLENGE_MISSING, BAD_CHALLENGE, CHALLENGE_FAILED, CHALLENGE_EXPIRED, CHALLENGE_USED;

        /** The error code, such as {@code already_voted}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;
    private final long retryAfterSeconds;
    private final Ballot ballot;
    private final String lang;

    private Refusal(Reason reason, String message, long retryAfterSeconds, Ballot ballot, String lang) {
        super(message, null, false, false);
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
        this.ballot = ballot;
        this.lang = lang;
    }

    public static Refusal of(Reason reason, String message) {
        return new Refusal(reason, message, 0, null, null);
    }

    public static Refusal badRequest(String message) {
        return of(Reason.BAD_REQUEST, message);
    }

    public static Refusal unknownCampaign(String id) {
        return of(Reason.UNKNOWN_CAMPAIGN, "There is no vote for edition '" + id + "'; check the address of the page you "
                + "came from.");
    }

    public static Refusal alreadyVoted() {
        return of(Reason.ALREADY_VOTED, "This address (or browser) has already voted in this edition; each person votes "
                + "once.");
    }

    public static Refusal unknownNominee(String nominee) {
        return of(Reason.UNKNOWN_NOMINEE, "'" + nominee + "' is not a nominee of this edition; choose one on the voting "
                + "page.");
    }

    public static Refusal rateLimited(long retryAfterSeconds) {
        return new Refusal(Reason.RATE_LIMITED, "Too many votes from here in a short time; try again in "
                + retryAfterSeconds + (retryAfterSeconds == 1 ? " second." : " seconds."), retryAfterSeconds, null, null);
    }

    /** This refusal, said to a voter of {@code ballot} who reads {@code lang} (null: the ballot's default language). */
    public Refusal about(Ballot ballot, String lang) {
        return new Refusal(reason, getMessage(), retryAfterSeconds, ballot, lang);
    }

    public Reason reason() {
        return reason;
    }

    /** How long a client should wait before it tries again; 0 when waiting does not help. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The edition the refusal concerns, or null when none is known (yet). */
    public Ballot ballot() {
        return ballot;
    }

    /** The voter's language, or null for the edition's default. */
    public String lang() {
        return lang;
    }
}
