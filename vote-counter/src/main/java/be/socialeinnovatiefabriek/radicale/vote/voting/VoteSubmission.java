package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.address.InvalidAddress;
import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.identity.ConfirmationToken;
import be.socialeinnovatiefabriek.radicale.vote.identity.RandomToken;
import be.socialeinnovatiefabriek.radicale.vote.identity.VoterIdentity;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.SubmissionMail;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.Outcome;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.PendingVote;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.SubmissionFacts;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A vote submitted for an edition: checks it against its ballot and the rate limits, then either keeps it
 * pending and queues the mail with the link (verification email; an address that has voted is mailed that its vote
 * is already counted, and the outcome is the same) or, once the browser's proof of work holds, counts it for the
 * browser's voter token (verification none). The outcome does not wait for the mail: a sender delivers it from the
 * queue. Every submission that passes the checks leaves its facts (hour, mail domain, client hash) for the admin
 * export's anomaly sections.
 */
public final class VoteSubmission {

    private static final int MAX_FIELD_LENGTH = 300;

    /**
     * What a voter sent, as sent: every field may be null or blank, and is checked here.
     *
     * @param challengeAnswer the proof of work's answer (verification none)
     * @param clientKey       who sent it, as the rate limits count clients (see {@code TrustedProxies})
     * @param browserToken    the browser's voter token from an earlier vote, or null
     */
    public record Submission(String nominee, String lang, String email, String challengeAnswer, String clientKey,
                             String browserToken) {
    }

    /** What became of a submission. */
    public enum Status {
        /** Kept until its link is followed; a mail went out. */
        PENDING,
        /** Counted at once (verification none). */
        COUNTED
    }

    /**
     * The outcome of an accepted submission.
     *
     * @param lang            the language the voter is answered in (one of the ballot's)
     * @param newBrowserToken the voter token given to a browser that had none, for it to keep; else null
     */
    public record Submitted(Status status, String lang, String newBrowserToken) {
    }

    private final CounterSettings settings;
    private final VoteStore store;
    private final Clock clock;
    private final VoterIdentity identity;
    private final SecureRandom random;
    private final RateLimits limits;
    private final RateLimits.Rule perClient;
    private final RateLimits.Rule perAddress;
    private final VoteChallenge challenges;

    public VoteSubmission(CounterSettings settings, VoteStore store, Clock clock, VoterIdentity identity,
                          SecureRandom random, RateLimits limits, VoteChallenge challenges) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.identity = identity;
        this.random = random;
        this.limits = limits;
        this.challenges = challenges;
        this.perClient = new RateLimits.Rule("client", settings.submissionBurstPerIp(),
                Duration.ofMinutes(1).dividedBy(settings.submissionsPerIpPerMinute()));
        this.perAddress = new RateLimits.Rule("address", settings.submissionsPerAddressPerHour(),
                Duration.ofHours(1).dividedBy(settings.submissionsPerAddressPerHour()));
    }

    /** Takes {@code vote} for {@code ballot}'s edition, or refuses it (in the voter's language, once that is known). */
    public Submitted submit(Ballot ballot, Submission vote) throws Refusal {
        String lang = ballot.language(field(vote.lang(), "lang", false));
        try {
            return submit(ballot, lang, vote);
        } catch (Refusal refusal) {
            throw refusal.about(ballot, lang);
        }
    }

    private Submitted submit(Ballot ballot, String lang, Submission vote) throws Refusal {
        String nominee = field(vote.nominee(), "nominee", true);
        Instant now = clock.instant();
        openAt(ballot, now);
        if (!ballot.nominees().contains(nominee)) {
            throw Refusal.unknownNominee(nominee);
        }
        String client = identity.ofClient(vote.clientKey());
        limit(perClient, client, now);
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        if ("none".equals(ballot.verification())) {
            VoteChallenge.Solved solved = challenges.verify(vote.challengeAnswer(), ballot.id(), now);
            if (!store.spendChallenge(solved.id(), solved.expires(), now)) {
                throw VoteChallenge.replayed();
            }
            store.recordSubmission(ballot.id(), new SubmissionFacts(hour, null, client));
            return castDirect(ballot, nominee, lang, vote.browserToken(), now);
        }
        MailAddress address = address(field(vote.email(), "email", true));
        refuseDisposable(address);
        // Hashed and mailed alike: the mailbox that is counted is the one that gets the link.
        String voter = identity.ofAddress(address);
        limit(perAddress, voter, now);
        try {
            return keepPending(ballot, nominee, lang, address, voter, now,
                    new SubmissionFacts(hour, address.domain(), client));
        } catch (RuntimeException e) {
            // The address's budget counts mails queued: when none was (the store failed), the voter's retry must
            // not find it spent.
            giveBack(perAddress, voter, now, e);
            throw e;
        }
    }

    private void refuseDisposable(MailAddress address) throws Refusal {
        var listed = settings.disposableDomains().listedFor(address.domain());
        if (listed.isPresent()) {
            throw Refusal.of(Refusal.Reason.DISPOSABLE_ADDRESS, "Addresses at " + listed.get() + " are throwaway inboxes "
                    + "that anyone can read, so they cannot confirm a vote; use an address of your own.");
        }
    }

    private void giveBack(RateLimits.Rule rule, String key, Instant now, Exception cause) {
        try {
            limits.giveBack(rule, key, now);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static MailAddress address(String typed) throws Refusal {
        try {
            return MailAddress.parse(typed);
        } catch (InvalidAddress e) {
            throw Refusal.badRequest(e.getMessage());
        }
    }

    /**
     * Treats every valid submission alike: pending, and one mail queued to the address, whether or not it has
     * voted, so that nobody learns from the outcome whether a neighbour voted. The mailbox's owner alone learns it:
     * a link to confirm, or that the vote is already counted. The store keeps the vote and queues the mail before
     * this returns, so an answered submission's mail is never lost.
     */
    private Submitted keepPending(Ballot ballot, String nominee, String lang, MailAddress address, String voter,
                                  Instant now, SubmissionFacts facts) {
        ConfirmationToken token = ConfirmationToken.next(random);
        Instant closes = ballot.closes().toInstant();
        boolean endsAtClose = closes.isBefore(now.plus(ConfirmationMail.LINK_LIFETIME));
        Instant expires = endsAtClose ? closes : now.plus(ConfirmationMail.LINK_LIFETIME);
        PendingVote vote = new PendingVote(ballot.id(), nominee, voter, token.hash(), lang, now, expires);
        store.savePending(vote, ballot.votesPerVoter(), new SubmissionMail(address, lang, ballot.title(lang),
                ballot.nomineeName(nominee, lang),
                URI.create(settings.publicUrl() + "/api/votes/confirm?token=" + token.value()), expires, endsAtClose), facts);
        return new Submitted(Status.PENDING, lang, null);
    }

    private Submitted castDirect(Ballot ballot, String nominee, String lang, String browserToken, Instant now)
            throws Refusal {
        String browser = browserToken != null && RandomToken.wellFormed(browserToken) ? browserToken : null;
        String minted = browser == null ? RandomToken.next(random) : null;
        Outcome outcome = store.castDirect(ballot.id(), nominee, identity.ofBrowser(browser == null ? minted : browser),
                now, ballot.votesPerVoter());
        if (outcome == Outcome.ALREADY_VOTED) {
            throw Refusal.alreadyVoted();
        }
        return new Submitted(Status.COUNTED, lang, minted);
    }

    /** Refuses a vote outside the ballot's window. */
    static void openAt(Ballot ballot, Instant now) throws Refusal {
        String phase = ballot.phase(now);
        if (Ballot.UPCOMING.equals(phase)) {
            throw Refusal.of(Refusal.Reason.VOTING_NOT_OPEN, "Voting for this edition opens at " + ballot.opens() + ".");
        }
        if (!Ballot.OPEN.equals(phase)) {
            throw Refusal.of(Refusal.Reason.VOTING_CLOSED, "Voting for this edition closed at " + ballot.closes() + ".");
        }
    }

    private void limit(RateLimits.Rule rule, String key, Instant now) throws Refusal {
        Duration wait = limits.take(rule, key, now);
        if (!wait.isZero()) {
            // Whole seconds, rounded up: Retry-After has no fractions, and a client that waits that long gets in.
            throw Refusal.rateLimited(Math.max(1, wait.plusNanos(999_999_999).getSeconds()));
        }
    }

    private static String field(String value, String name, boolean required) throws Refusal {
        if (value == null || value.isBlank()) {
            if (required) {
                throw Refusal.badRequest("The field '" + name + "' is missing.");
            }
            return null;
        }
        if (value.length() > MAX_FIELD_LENGTH) {
            throw Refusal.badRequest("The field '" + name + "' is too long.");
        }
        return value;
    }
}
