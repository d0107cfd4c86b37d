package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.ballot.BallotSource;
import be.socialeinnovatiefabriek.radicale.vote.identity.ConfirmationToken;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.Confirmation;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A mailed link followed: {@link #look} tells what the link stands for and counts nothing (mail scanners follow
 * links); {@link #count} counts its vote, exactly once. Both first ask the store what the token stands for: the
 * link carries nothing else, and a token the store does not hold gets an {@link Unknown} that names no vote.
 */
public final class VoteConfirmation {

    /** What a link stands for. */
    public sealed interface Link permits Unknown, Pending, Counted, Expired {
    }

    /** A token the store does not hold (mistyped, cut, never sent, or long gone): it names no edition. */
    public record Unknown() implements Link {
    }

    /** A vote waiting for its confirmation: the edition, the voter's language, the nominee and the link's token. */
    public record Pending(Ballot ballot, String lang, String nominee, String token) implements Link {
    }

    /** The link's vote is counted (now, or before). */
    public record Counted(Ballot ballot, String lang) implements Link {
    }

    /** The link's time is over; nothing was counted. */
    public record Expired(Ballot ballot, String lang) implements Link {
    }

    private final BallotSource ballots;
    private final VoteStore store;
    private final Clock clock;

    public VoteConfirmation(BallotSource ballots, VoteStore store, Clock clock) {
        this.ballots = ballots;
        this.store = store;
        this.clock = clock;
    }

    /**
     * What the link with {@code token} stands for, counting nothing; refused when its edition or nominee is gone
     * or voting is not open.
     */
    public Link look(String token) throws Refusal {
        Instant now = clock.instant();
        Optional<ConfirmationToken> parsed = ConfirmationToken.parse(token);
        Confirmation vote = lookUp(parsed, now);
        if (vote.outcome() == Outcome.UNKNOWN) {
            return new Unknown();
        }
        Ballot ballot = openBallotOf(vote, now);
        String lang = ballot.language(vote.lang());
        return switch (vote.outcome()) {
            case ALREADY_COUNTED -> new Counted(ballot, lang);
            case EXPIRED -> new Expired(ballot, lang);
            default -> new Pending(ballot, lang, vote.nominee(), parsed.orElseThrow().value());
        };
    }

    /**
     * Counts the vote of the link with {@code token}: {@link Counted} the first time, {@link Expired} or
     * {@link Unknown}; refused when it was counted before ({@code already_counted}), when the voter has used all
     * votes meanwhile, or as {@link #look} refuses.
     */
    public Link count(String token) throws Refusal {
        Checked checked = check(token);
        if (checked == null) {
            return new Unknown();
        }
        return outcome(checked.ballot(), checked.vote(),
                store.confirm(checked.tokenHash(), checked.now(), checked.ballot().votesPerVoter()));
    }

    /**
     * {@link #count}, with the link's fate given once its vote is durable, without a thread waiting for it; a
     * refusal fails the stage with the {@link Refusal} (in a {@link CompletionException}). The store asks the ballot
     * (open, nominee still on it, votes per voter) as it finds the vote: no look-up of its own comes first.
     */
    public CompletionStage<Link> countLater(String token) {
        Instant now = clock.instant();
        Optional<ConfirmationToken> parsed = ConfirmationToken.parse(token);
        if (parsed.isEmpty()) {
            return CompletableFuture.completedFuture(new Unknown());
        }
        BallotCheck check = new BallotCheck(now);
        return store.confirmLater(parsed.get().hash(), now, check).thenApply(confirmation -> {
            if (confirmation.outcome() == Outcome.UNKNOWN) {
                return new Unknown();
            }
            try {
                return outcome(check.passed(), confirmation, confirmation);
            } catch (Refusal refusal) {
                throw new CompletionException(refusal);
            }
        });
    }

    /**
     * The ballot's rule, asked by the store (on its writer's thread) about the vote it found: what it concluded is
     * kept for the answer. It never throws there; its refusal or failure comes out of {@link #passed}.
     */
    private final class BallotCheck implements VoteStore.CountingRule {
        private final Instant now;
        private Ballot ballot;
        private Refusal refusal;
        private RuntimeException failure;

        BallotCheck(Instant now) {
            this.now = now;
        }

        @Override
        public int votesPerVoter(Confirmation vote) {
            ballot = null; // a batch that failed is written again, vote by vote: the last answer counts
            refusal = null;
            failure = null;
            try {
                ballot = openBallotOf(vote, now);
                return ballot.votesPerVoter();
            } catch (Refusal e) {
                refusal = e;
            } catch (RuntimeException e) {
                failure = e;
            }
            return 0;
        }

        /** The open ballot of the vote; its refusal, or its failure, as the store was told. */
        Ballot passed() throws Refusal {
            if (refusal != null) {
                throw refusal;
            }
            if (failure != null) {
                throw failure;
            }
            if (ballot == null) {
                throw new IllegalStateException("the store answered a confirmation without asking its ballot");
            }
            return ballot;
        }
    }

    /** A link whose vote can be counted as far as the ballot goes, before the store is asked to. */
    private record Checked(String tokenHash, Instant now, Ballot ballot, Confirmation vote) {
    }

    /** The link's pending vote and its open ballot; null for a token the store does not hold. */
    private Checked check(String token) throws Refusal {
        Instant now = clock.instant();
        // Hashed once: the look-up and the count both find the vote by it.
        Optional<String> tokenHash = ConfirmationToken.parse(token).map(ConfirmationToken::hash);
        Confirmation vote = tokenHash.map(hash -> store.lookUp(hash, now))
                .orElse(new Confirmation(Outcome.UNKNOWN, null, null, null));
        if (vote.outcome() == Outcome.UNKNOWN) {
            return null;
        }
        return new Checked(tokenHash.orElseThrow(), now, openBallotOf(vote, now), vote);
    }

    private static Link outcome(Ballot ballot, Confirmation vote, Confirmation confirmation) throws Refusal {
        String lang = ballot.language(vote.lang());
        return switch (confirmation.outcome()) {
            case COUNTED -> new Counted(ballot, lang);
            // A second press of the button (or a reload) changes nothing; the voter's vote is counted.
            case ALREADY_COUNTED -> throw Refusal.of(Refusal.Reason.ALREADY_COUNTED, "This vote was already confirmed "
                    + "and counted; there is nothing more to do.").about(ballot, vote.lang());
            case ALREADY_VOTED -> throw Refusal.alreadyVoted().about(ballot, vote.lang());
            case EXPIRED -> new Expired(ballot, lang);
            default -> new Unknown();
        };
    }

    /** The refusal of a link that has expired, for an answer that is not a page. */
    public static Refusal expired(Expired link) {
        return Refusal.of(Refusal.Reason.EXPIRED, "This confirmation link has expired (links last "
                + ConfirmationMail.LINK_LIFETIME.toHours() + " hours); vote again to get a new one.")
                .about(link.ballot(), link.lang());
    }

    /** The refusal of a link the store does not hold, for an answer that is not a page. */
    public static Refusal unknown() {
        return Refusal.of(Refusal.Reason.UNKNOWN_TOKEN, "This confirmation link is not valid; open the link from the "
                + "mail exactly as it was sent, or vote again.");
    }

    private Confirmation lookUp(Optional<ConfirmationToken> token, Instant now) {
        return token.map(t -> store.lookUp(t.hash(), now)).orElse(new Confirmation(Outcome.UNKNOWN, null, null, null));
    }

    private Ballot openBallotOf(Confirmation vote, Instant now) throws Refusal {
        Ballot ballot = ballots.find(vote.campaign()).orElseThrow(() -> Refusal.unknownCampaign(vote.campaign()));
        if (!ballot.nominees().contains(vote.nominee())) {
            throw Refusal.unknownNominee(vote.nominee()).about(ballot, vote.lang());
        }
        try {
            VoteSubmission.openAt(ballot, now);
        } catch (Refusal refusal) {
            throw refusal.about(ballot, vote.lang());
        }
        return ballot;
    }
}
