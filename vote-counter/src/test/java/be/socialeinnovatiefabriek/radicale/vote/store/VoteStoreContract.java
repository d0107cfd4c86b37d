package be.socialeinnovatiefabriek.radicale.vote.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.TestClock;
import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.AlreadyCountedMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.Mail;
import be.socialeinnovatiefabriek.radicale.vote.mail.SubmissionMail;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.Confirmation;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.MinuteTally;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.Outcome;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.PendingVote;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.SubmissionFacts;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link VoteStore} must do. A store's test extends this class and says how to open one. */
public abstract class VoteStoreContract {

    // Relative to the real clock: DynamoDB Local's TTL sweeper deletes items whose expiresAt lies in the
    // real past, so a fixed date would let pending votes vanish between two steps once that date has passed.
    static final Instant NOW = TestClock.realNow();
    static final Instant LATER = NOW.plus(Duration.ofHours(48));

    /** The mail of a submission: its link when the vote may count, else that the vote is already counted. */
    static final SubmissionMail MAIL = new SubmissionMail(new MailAddress("ann.peeters", "example.be"), "fr",
            "Radicale Vernieuwers 2026", "Papillon", URI.create("https://stem.example.be/api/votes/confirm?token=t"),
            LATER, false);

    protected VoteStore store;

    /** A new, empty store. */
    protected abstract VoteStore open() throws Exception;

    /** The mails the store has queued so far, oldest first. */
    protected abstract List<Mail> queued() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static PendingVote pending(String nominee, String voter, String token) {
        return new PendingVote("2026", nominee, voter, token, "fr", NOW, LATER);
    }

    @Test
    void aPendingVoteCountsNothingUntilConfirmed() {
        assertEquals(Outcome.ACCEPTED, store.savePending(pending("papillon", "v1", "t1"), 1, MAIL));

        assertEquals(Map.of(), withoutZeros(store.tallies("2026")));
    }

    @Test
    void aPendingVoteQueuesTheMailWithItsLink() throws Exception {
        store.savePending(pending("papillon", "v1", "t1"), 1, MAIL);

        List<Mail> queued = queued();
        assertEquals(1, queued.size(), queued.toString());
        ConfirmationMail mail = (ConfirmationMail) queued.get(0);
        assertEquals("ann.peeters@example.be", mail.to().value());
        assertEquals(MAIL.confirmUrl(), mail.confirmUrl());
        assertEquals("fr", mail.lang());
        assertEquals("Papillon", mail.nomineeName());
        assertEquals(LATER, mail.expires());
    }

    @Test
    void aVoterWhoHasVotedIsQueuedTheMailThatSaysSoWithoutALink() throws Exception {
        store.savePending(pending("papillon", "v1", "t1"), 1, MAIL);
        store.confirm("t1", NOW, 1);

        assertEquals(Outcome.ALREADY_VOTED, store.savePending(pending("armentekort", "v1", "t2"), 1, MAIL));

        List<Mail> queued = queued();
        assertEquals(2, queued.size(), queued.toString());
        AlreadyCountedMail told = (AlreadyCountedMail) queued.get(1);
        assertEquals("ann.peeters@example.be", told.to().value());
        assertEquals("Radicale Vernieuwers 2026", told.campaignTitle());
    }

    @Test
    void aConfirmationCountsTheVoteOnceAndTellsWhichVoteItWas() {
        store.savePending(pending("papillon", "v1", "t1"), 1, MAIL);

        Confirmation first = store.confirm("t1", NOW.plusSeconds(60), 1);
        Confirmation replay = store.confirm("t1", NOW.plusSeconds(120), 1);

        assertEquals(new Confirmation(Outcome.COUNTED, "2026", "papillon", "fr"), first);
        assertEquals(Outcome.ALREADY_COUNTED, replay.outcome());
        assertEquals(Map.of("papillon", 1L), withoutZeros(store.tallies("2026")));
    }

    @Test
    void aConfirmationAnsweredLaterAsksTheBallotAboutTheVoteAndCountsItOnce() {
        store.savePending(pending("papillon", "v1", "t1"), 1, MAIL);
        List<Confirmation> asked = new ArrayList<>();

        Confirmation refused = store.confirmLater("t1", NOW.plusSeconds(30), vote -> {
            asked.add(vote);
            return 0; // the ballot says no (closed, say)
        }).toCompletableFuture().join();
        Confirmation counted = store.confirmLater("t1", NOW.plusSeconds(60), vote -> 1).toCompletableFuture().join();
        Confirmation replay = store.confirmLater("t1", NOW.plusSeconds(120), vote -> {
            asked.add(vote);
            return 1;
        }).toCompletableFuture().join();
        Confirmation unknown = store.confirmLater("nope", NOW, vote -> {
            throw new AssertionError("a token the store does not hold asks no ballot");
        }).toCompletableFuture().join();

        assertEquals(new Confirmation(Outcome.PENDING, "2026", "papillon", "fr"), refused);
        assertEquals(new Confirmation(Outcome.COUNTED, "2026", "papillon", "fr"), counted);
        assertEquals(Outcome.ALREADY_COUNTED, replay.outcome());
        assertEquals(Outcome.UNKNOWN, unknown.outcome());
        assertEquals(List.of("2026/papillon/fr", "2026/papillon/fr"), asked.stream()
                .map(vote -> vote.campaign() + "/" + vote.nominee() + "/" + vote.lang()).toList());
        assertEquals(Map.of("papillon", 1L), withoutZeros(store.tallies("2026")));
    }

    @Test
    void anExpiredOrUnknownTokenCountsNothing() {
        store.savePending(pending("papillon", "v1", "t1"), 1, MAIL);

        assertEquals(Outcome.EXPIRED, store.confirm("t1", LATER.plusSeconds(1), 1).outcome());
        assertEquals(Outcome.UNKNOWN, store.confirm("nope", NOW, 1).outcome());
        assertEquals(Map.of(), withoutZeros(store.tallies("2026")));
    }

    @Test
    void aLookUpTellsWhichVoteATokenStandsForAndCountsNothing() {
        Instant now = NOW;
        store.savePending(new PendingVote("2026", "papillon", "v1", "t1", "fr", now, now.plus(Duration.ofHours(48))), 1, MAIL);

        Confirmation first = store.lookUp("t1", now.plusSeconds(60));
        Confirmation again = store.lookUp("t1", now.plusSeconds(120));

        assertEquals(new Confirmation(Outcome.PENDING, "2026", "papillon", "fr"), first);
        assertEquals(first, again);
        assertEquals(Map.of(), withoutZeros(store.tallies("2026")));
        assertEquals(Outcome.COUNTED, store.confirm("t1", now.plusSeconds(180), 1).outcome(), "looking counted nothing");
    }

    @Test
    void aLookUpTellsACountedAnExpiredAndAnUnknownTokenApart() {
        Instant now = NOW;
        Instant expires = now.plus(Duration.ofHours(1));
        store.savePending(new PendingVote("2026", "papillon", "v1", "t1", "nl", now, expires), 1, MAIL);
        store.savePending(new PendingVote("2026", "armentekort", "v2", "t2", "en", now, expires), 1, MAIL);
        store.confirm("t1", now.plusSeconds(60), 1);

        assertEquals(new Confirmation(Outcome.ALREADY_COUNTED, "2026", "papillon", "nl"), store.lookUp("t1", now));
        assertEquals(Outcome.ALREADY_COUNTED, store.lookUp("t1", expires.plusSeconds(1)).outcome(),
                "counted stays counted after the link's expiry");
        assertEquals(Outcome.PENDING, store.lookUp("t2", expires.minusSeconds(1)).outcome());
        assertEquals(new Confirmation(Outcome.EXPIRED, "2026", "armentekort", "en"), store.lookUp("t2", expires));
        assertEquals(new Confirmation(Outcome.UNKNOWN, null, null, null), store.lookUp("t3", now));
        assertEquals(Outcome.UNKNOWN, store.lookUp("", now).outcome());
        assertEquals(Map.of("papillon", 1L), withoutZeros(store.tallies("2026")));
    }

    @Test
    void aVoterWhoVotedIsRefusedASecondVote() {
        store.savePending(pending("papillon", "v1", "t1"), 1, MAIL);
        store.savePending(pending("armentekort", "v1", "t2"), 1, MAIL); // both pending: the voter has not voted yet
        store.confirm("t1", NOW, 1);

        assertEquals(Outcome.ALREADY_VOTED, store.savePending(pending("gezondheidskiosk", "v1", "t3"), 1, MAIL));
        assertEquals(Outcome.ALREADY_VOTED, store.confirm("t2", NOW, 1).outcome());
        assertEquals(Map.of("papillon", 1L), withoutZeros(store.tallies("2026")));
    }

    @Test
    void aVoteSubmittedAfterTheVoterVotedIsKeptLikeAnyButNeverCounts() {
        Instant now = NOW;
        Instant expires = now.plus(Duration.ofHours(48));
        store.savePending(new PendingVote("2026", "papillon", "v1", "t1", "nl", now, expires), 1, MAIL);
        store.confirm("t1", now, 1);

        assertEquals(Outcome.ALREADY_VOTED,
                store.savePending(new PendingVote("2026", "armentekort", "v1", "t2", "nl", now, expires), 1, MAIL));
        assertEquals(Outcome.PENDING, store.lookUp("t2", now).outcome(), "kept: the same write as an accepted vote");
        assertEquals(Outcome.ALREADY_VOTED, store.confirm("t2", now.plusSeconds(60), 1).outcome());
        assertEquals(Map.of("papillon", 1L), withoutZeros(store.tallies("2026")));
    }

    @Test
    void votesPerVoterAllowsThatManyVotesForDifferentNominees() {
        store.savePending(pending("papillon", "v1", "t1"), 2, MAIL);
        store.savePending(pending("papillon", "v1", "t2"), 2, MAIL);
        store.savePending(pending("armentekort", "v1", "t3"), 2, MAIL);
        store.savePending(pending("sociale-garage", "v1", "t4"), 2, MAIL);

        assertEquals(Outcome.COUNTED, store.confirm("t1", NOW, 2).outcome());
        assertEquals(Outcome.ALREADY_VOTED, store.confirm("t2", NOW, 2).outcome(), "not twice for the same nominee");
        assertEquals(Outcome.COUNTED, store.confirm("t3", NOW, 2).outcome());
        assertEquals(Outcome.ALREADY_VOTED, store.confirm("t4", NOW, 2).outcome(), "not more than two");
        assertEquals(Map.of("papillon", 1L, "armentekort", 1L), withoutZeros(store.tallies("2026")));
    }

    @Test
    void editionsAreCountedApart() {
        store.savePending(pending("papillon", "v1", "t1"), 1, MAIL);
        store.confirm("t1", NOW, 1);
        store.savePending(new PendingVote("2027", "papillon", "v1", "t2", "nl", NOW, LATER), 1, MAIL);

        assertEquals(Outcome.COUNTED, store.confirm("t2", NOW, 1).outcome());
        assertEquals(Map.of("papillon", 1L), withoutZeros(store.tallies("2027")));
    }

    @Test
    void aDirectVoteCountsOncePerVoterKey() {
        assertEquals(Outcome.COUNTED, store.castDirect("2026", "papillon", "b1", NOW, 1));
        assertEquals(Outcome.ALREADY_VOTED, store.castDirect("2026", "armentekort", "b1", NOW, 1));
        assertEquals(Outcome.COUNTED, store.castDirect("2026", "armentekort", "b2", NOW, 1));

        assertEquals(Map.of("papillon", 1L, "armentekort", 1L), withoutZeros(store.tallies("2026")));
    }

    @Test
    void theAuditTrailListsEveryCountedVoteByHashedVoter() {
        store.savePending(pending("papillon", "v1", "t1"), 1, MAIL);
        store.confirm("t1", NOW, 1);
        store.castDirect("2026", "armentekort", "b2", NOW.plusSeconds(5), 1);

        List<VoteStore.AuditRecord> audit = new ArrayList<>();
        store.audit("2026", audit::add);

        assertEquals(2, audit.size());
        assertEquals("papillon", audit.get(0).nominee());
        assertEquals("v1", audit.get(0).voterHash());
        assertEquals("b2", audit.get(1).voterHash());
    }

    @Test
    void countedVotesAreKeptPerMinuteAndNominee() {
        Instant minute = NOW.truncatedTo(ChronoUnit.MINUTES);
        for (int i = 1; i <= 5; i++) {
            store.savePending(pending(i == 3 ? "armentekort" : "papillon", "v" + i, "t" + i), 1, MAIL);
        }
        store.savePending(new PendingVote("2027", "papillon", "v1", "other-edition", "nl", NOW, LATER), 1, MAIL);
        store.confirm("t1", minute.plusSeconds(10), 1);
        store.confirm("t2", minute.plusSeconds(59), 1);
        store.confirm("t3", minute.plusSeconds(60), 1);
        store.confirm("t4", minute.plus(Duration.ofMinutes(3)).plusMillis(1), 1);
        store.castDirect("2026", "papillon", "b1", minute.plus(Duration.ofMinutes(3)).plusSeconds(40), 1);
        store.castDirect("2026", "papillon", "b1", minute.plus(Duration.ofMinutes(3)).plusSeconds(41), 1); // refused
        store.confirm("other-edition", minute.plusSeconds(20), 1);
        // t5 is never confirmed: it counts nowhere.

        assertEquals(List.of(new MinuteTally(minute, "papillon", 2),
                        new MinuteTally(minute.plus(Duration.ofMinutes(1)), "armentekort", 1),
                        new MinuteTally(minute.plus(Duration.ofMinutes(3)), "papillon", 2)),
                store.minuteTallies("2026", minute));
        assertEquals(List.of(new MinuteTally(minute.plus(Duration.ofMinutes(1)), "armentekort", 1),
                        new MinuteTally(minute.plus(Duration.ofMinutes(3)), "papillon", 2)),
                store.minuteTallies("2026", minute.plusSeconds(119)), "from the start of the minute that holds 'from'");
        assertEquals(List.of(), store.minuteTallies("2026", minute.plus(Duration.ofMinutes(4))));
        assertEquals(List.of(new MinuteTally(minute, "papillon", 1)), store.minuteTallies("2027", minute));
        long sum = store.minuteTallies("2026", Instant.EPOCH).stream().mapToLong(MinuteTally::votes).sum();
        assertEquals(withoutZeros(store.tallies("2026")).values().stream().mapToLong(Long::longValue).sum(), sum,
                "the minutes add up to the tallies");
    }

    @Test
    void concurrentConfirmationsOfOneTokenCountItOnce() throws Exception {
        store.savePending(pending("papillon", "v1", "t1"), 1, MAIL);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger counted = new AtomicInteger();
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(pool.submit(() -> {
                if (store.confirm("t1", NOW, 1).outcome() == Outcome.COUNTED) {
                    counted.incrementAndGet();
                }
            }));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        pool.shutdown();

        assertEquals(1, counted.get());
        assertEquals(Map.of("papillon", 1L), withoutZeros(store.tallies("2026")));
    }

    @Test
    void manyVotersConfirmingAtOnceAreAllCounted() throws Exception {
        int voters = 200;
        for (int i = 0; i < voters; i++) {
            store.savePending(pending(i % 2 == 0 ? "papillon" : "armentekort", "voter" + i, "token" + i), 1, MAIL);
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            String token = "token" + i;
            calls.add(pool.submit(() -> store.confirm(token, NOW, 1).outcome()));
        }
        for (Future<Outcome> call : calls) {
            assertEquals(Outcome.COUNTED, call.get());
        }
        pool.shutdown();

        assertEquals(Map.of("papillon", 100L, "armentekort", 100L), withoutZeros(store.tallies("2026")));
    }

    @Test
    void aStoreThatAnswersPassesItsCheckAndTheCheckCountsNothing() {
        store.savePending(pending("papillon", "v1", "t1"), 1, MAIL);

        store.check();

        assertEquals(Outcome.COUNTED, store.confirm("t1", NOW, 1).outcome());
        assertEquals(Map.of("papillon", 1L), withoutZeros(store.tallies("2026")));
    }

    @Test
    void aChallengeIsSpentOnceAndEachChallengeOnItsOwn() {
        Instant now = NOW;
        Instant expires = now.plus(Duration.ofMinutes(10));

        assertTrue(store.spendChallenge("c1", expires, now));
        assertFalse(store.spendChallenge("c1", expires, now.plusSeconds(1)), "a replay");
        assertTrue(store.spendChallenge("c2", expires, now.plusSeconds(1)));
        assertFalse(store.spendChallenge("c2", expires, now.plusSeconds(599)), "a replay just before it expires");
    }

    @Test
    void concurrentSpendsOfOneChallengeSucceedOnce() throws Exception {
        Instant now = NOW;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(pool.submit(() -> store.spendChallenge("c1", now.plus(Duration.ofMinutes(10)), now)));
        }
        int spent = 0;
        for (Future<Boolean> call : calls) {
            spent += call.get() ? 1 : 0;
        }
        pool.shutdown();

        assertEquals(1, spent);
    }

    @Test
    void submissionFactsAreKeptPerEditionAsRecorded() {
        Instant hour = NOW.truncatedTo(ChronoUnit.HOURS);
        SubmissionFacts mailed = new SubmissionFacts(hour, "example.be", "client-a");
        SubmissionFacts withoutMail = new SubmissionFacts(hour.minus(Duration.ofHours(1)), null, "client-b");
        store.recordSubmission("2026", mailed);
        store.recordSubmission("2026", mailed);
        store.recordSubmission("2026", withoutMail);
        store.recordSubmission("2027", new SubmissionFacts(hour, "other.be", "client-c"));

        List<SubmissionFacts> facts = new ArrayList<>();
        store.submissions("2026", facts::add);

        assertEquals(3, facts.size(), facts.toString());
        assertEquals(2, facts.stream().filter(mailed::equals).count(), facts.toString());
        assertEquals(1, facts.stream().filter(withoutMail::equals).count(), facts.toString());
    }

    @Test
    void aPendingVoteKeptWithItsSubmissionFactsKeepsBoth() throws Exception {
        SubmissionFacts facts = new SubmissionFacts(NOW.truncatedTo(ChronoUnit.HOURS), "example.be", "client-a");

        assertEquals(Outcome.ACCEPTED, store.savePending(pending("papillon", "v1", "t1"), 1, MAIL, facts));

        List<SubmissionFacts> kept = new ArrayList<>();
        store.submissions("2026", kept::add);
        assertEquals(List.of(facts), kept);
        assertEquals(1, queued().size());
        assertEquals(Outcome.COUNTED, store.confirm("t1", NOW, 1).outcome());
    }

    @Test
    void aCountedConfirmationKeepsHowLongItTookAndNothingElseDoes() {
        Instant submitted = NOW;
        Instant expires = submitted.plus(Duration.ofHours(48));
        store.savePending(new PendingVote("2026", "papillon", "v1", "t1", "nl", submitted, expires), 1, MAIL);
        store.savePending(new PendingVote("2026", "armentekort", "v1", "t2", "nl", submitted, expires), 1, MAIL);
        store.savePending(new PendingVote("2026", "papillon", "v2", "t3", "nl", submitted.plusSeconds(5), expires), 1, MAIL);

        store.confirm("t1", submitted.plusSeconds(90), 1);
        store.confirm("t1", submitted.plusSeconds(95), 1); // a replay
        store.confirm("t2", submitted.plusSeconds(100), 1); // the voter has voted already
        store.confirm("t3", submitted.plus(Duration.ofHours(3)), 1);
        store.castDirect("2026", "papillon", "b1", submitted, 1);

        List<Duration> delays = new ArrayList<>();
        store.confirmationDelays("2026", delays::add);
        delays.sort(null);
        assertEquals(List.of(Duration.ofSeconds(90), Duration.ofHours(3).minusSeconds(5)), delays);
        List<Duration> otherEdition = new ArrayList<>();
        store.confirmationDelays("2027", otherEdition::add);
        assertEquals(List.of(), otherEdition);
    }

    private static Map<String, Long> withoutZeros(Map<String, Long> tallies) {
        Map<String, Long> counted = new java.util.HashMap<>(tallies);
        counted.values().removeIf(count -> count == 0);
        return counted;
    }
}
