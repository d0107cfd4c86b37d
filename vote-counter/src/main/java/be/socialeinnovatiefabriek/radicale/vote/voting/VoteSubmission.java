package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.address.InvalidAddress;
import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.ballot.BallotSource;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiRequest;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.http.Reply;
import be.socialeinnovatiefabriek.radicale.vote.http.RequestFields;
import be.socialeinnovatiefabriek.radicale.vote.http.VoterCookie;
import be.socialeinnovatiefabriek.radicale.vote.identity.ConfirmationToken;
import be.socialeinnovatiefabriek.radicale.vote.identity.RandomToken;
import be.socialeinnovatiefabriek.radicale.vote.identity.VoterIdentity;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.SubmissionMail;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.Outcome;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.PendingVote;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.SubmissionFacts;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * {@code POST /api/campaigns/{id}/votes}: checks the vote against its ballot and the rate limits, then
 * either keeps it pending and queues the mail with the link (verification email; an address that has voted is
 * mailed that its vote is already counted, and the answer is the same) or, once the browser's proof of work holds,
 * counts it for the browser's voter cookie (verification none). The answer does not wait for the mail: a sender
 * delivers it from the queue. Every submission that passes the checks leaves its facts (hour, mail domain, client
 * hash) for the admin export's anomaly sections.
 */
public final class VoteSubmission {

    private static final int MAX_FIELD_LENGTH = 300;

    private final CounterSettings settings;
    private final BallotSource ballots;
    private final VoteStore store;
    private final Clock clock;
    private final VoterIdentity identity;
    private final SecureRandom random;
    private final RateLimits limits;
    private final RateLimits.Rule perClient;
    private final RateLimits.Rule perAddress;
    private final VoteChallenge challenges;

    public VoteSubmission(CounterSettings settings, BallotSource ballots, VoteStore store, Clock clock,
                   VoterIdentity identity, SecureRandom random, RateLimits limits, VoteChallenge challenges) {
        this.settings = settings;
        this.ballots = ballots;
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

    public ApiResponse handle(ApiRequest request, String campaign, Reply reply) throws Refusal {
        Ballot ballot = Ballot.required(ballots, campaign);
        reply.about(ballot, null);
        Map<String, String> fields = RequestFields.of(request);
        String lang = ballot.language(field(fields, "lang", false));
        reply.about(ballot, lang);
        String nominee = field(fields, "nominee", true);
        Instant now = clock.instant();
        openAt(ballot, now);
        if (!ballot.nominees().contains(nominee)) {
            throw Refusal.unknownNominee(nominee);
        }
        String client = identity.ofClient(settings.trustedProxies().limitKeyOf(request));
        limit(perClient, client, now);
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        if ("none".equals(ballot.verification())) {
            VoteChallenge.Solved solved = challenges.verify(fields.get(VoteChallenge.FIELD), ballot.id(), now);
            if (!store.spendChallenge(solved.id(), solved.expires(), now)) {
                throw VoteChallenge.replayed();
            }
            store.recordSubmission(ballot.id(), new SubmissionFacts(hour, null, client));
            return castDirect(request, ballot, nominee, now, reply);
        }
        MailAddress address = address(field(fields, "email", true));
        refuseDisposable(address);
        // Hashed and mailed alike: the mailbox that is counted is the one that gets the link.
        String voter = identity.ofAddress(address);
        limit(perAddress, voter, now);
        try {
            store.recordSubmission(ballot.id(), new SubmissionFacts(hour, address.domain(), client));
            return keepPending(ballot, nominee, lang, address, voter, now, reply);
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
            throw Refusal.of(400, "disposable_address", "Addresses at " + listed.get() + " are throwaway inboxes "
                    + "that anyone can read, so they cannot confirm a vote; use an address of your own.", "problem");
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
     * Answers every valid submission alike: 202 pending (a form: the check-mail page) and one mail queued to the
     * address, whether or not it has voted, so that nobody learns from the answer whether a neighbour voted.
     * The mailbox's owner alone learns it: a link to confirm, or that the vote is already counted. The store keeps
     * the vote and queues the mail before this answers, so an answered submission's mail is never lost.
     */
    private ApiResponse keepPending(Ballot ballot, String nominee, String lang, MailAddress address, String voter,
                                    Instant now, Reply reply) {
        ConfirmationToken token = ConfirmationToken.next(random);
        Instant closes = ballot.closes().toInstant();
        boolean endsAtClose = closes.isBefore(now.plus(ConfirmationMail.LINK_LIFETIME));
        Instant expires = endsAtClose ? closes : now.plus(ConfirmationMail.LINK_LIFETIME);
        PendingVote vote = new PendingVote(ballot.id(), nominee, voter, token.hash(), lang, now, expires);
        store.savePending(vote, ballot.votesPerVoter(), new SubmissionMail(address, lang, ballot.title(lang),
                ballot.nomineeName(nominee, lang),
                URI.create(settings.publicUrl() + "/api/votes/confirm?token=" + token.value()), expires, endsAtClose));
        return reply.done("checkMail", 202, Map.of("status", "pending"));
    }

    private ApiResponse castDirect(ApiRequest request, Ballot ballot, String nominee, Instant now, Reply reply)
            throws Refusal {
        String browser = VoterCookie.read(request);
        if (browser == null) {
            browser = RandomToken.next(random);
            reply.header("Set-Cookie", VoterCookie.set(browser, settings.publicUrl()));
        }
        Outcome outcome = store.castDirect(ballot.id(), nominee, identity.ofBrowser(browser), now, ballot.votesPerVoter());
        if (outcome == Outcome.ALREADY_VOTED) {
            throw Refusal.alreadyVoted();
        }
        return reply.done("thanks", 200, Map.of("status", "counted"));
    }

    /** Refuses a vote outside the ballot's window. */
    static void openAt(Ballot ballot, Instant now) throws Refusal {
        String phase = ballot.phase(now);
        if (Ballot.UPCOMING.equals(phase)) {
            throw Refusal.of(403, "voting_not_open", "Voting for this edition opens at " + ballot.opens() + ".", "closed");
        }
        if (!Ballot.OPEN.equals(phase)) {
            throw Refusal.of(403, "voting_closed", "Voting for this edition closed at " + ballot.closes() + ".", "closed");
        }
    }

    private void limit(RateLimits.Rule rule, String key, Instant now) throws Refusal {
        Duration wait = limits.take(rule, key, now);
        if (!wait.isZero()) {
            // Whole seconds, rounded up: Retry-After has no fractions, and a client that waits that long gets in.
            throw Refusal.rateLimited(Math.max(1, wait.plusNanos(999_999_999).getSeconds()));
        }
    }

    private static String field(Map<String, String> fields, String name, boolean required) throws Refusal {
        String value = fields.get(name);
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
