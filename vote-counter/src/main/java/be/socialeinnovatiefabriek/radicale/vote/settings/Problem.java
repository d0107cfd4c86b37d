package be.socialeinnovatiefabriek.radicale.vote.settings;

import java.util.Objects;

/**
 * One mistake in the counter's configuration, for the person who set it up: where it is (a setting such as
 * {@code VOTE_HMAC_KEY}, a command-line option, a file and line such as {@code mailbox-rules:4}, a ballot's
 * file or address), what is wrong, and what to do about it.
 */
public record Problem(String where, String what, String fix) {

    public Problem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(fix, "fix");
    }

    /** {@code where: what; fix}, as the counter writes it to its log or standard error. */
    @Override
    public String toString() {
        return where + ": " + what + "; " + fix;
    }
}
