package be.socialeinnovatiefabriek.radicale.vote.voting;

/**
 * A request the counter refuses: the HTTP status, the error code of the README, a sentence a person can act
 * on, and the site page a form post is sent to instead ({@code alreadyVoted}, {@code closed} or {@code problem}).
 */
public final class Refusal extends Exception {

    private final int status;
    private final String code;
    private final String page;
    private final long retryAfterSeconds;

    private Refusal(int status, String code, String message, String page, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.page = page;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static Refusal of(int status, String code, String message, String page) {
        return new Refusal(status, code, message, page, 0);
    }

    public static Refusal badRequest(String message) {
        return of(400, "bad_request", message, "problem");
    }

    public static Refusal unknownCampaign(String id) {
        return of(404, "unknown_campaign", "There is no vote for edition '" + id + "'; check the address of the page you came from.", "problem");
    }

    static Refusal alreadyVoted() {
        return of(409, "already_voted", "This address (or browser) has already voted in this edition; "
                + "each person votes once.", "alreadyVoted");
    }

    static Refusal unknownNominee(String nominee) {
        return of(422, "unknown_nominee", "'" + nominee + "' is not a nominee of this edition; choose one on the voting page.", "problem");
    }

    static Refusal rateLimited(long retryAfterSeconds) {
        return new Refusal(429, "rate_limited", "Too many votes from here in a short time; try again in "
                + retryAfterSeconds + (retryAfterSeconds == 1 ? " second." : " seconds."), "problem", retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String page() {
        return page;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
