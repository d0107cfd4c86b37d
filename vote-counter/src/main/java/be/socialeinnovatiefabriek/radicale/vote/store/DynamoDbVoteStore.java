package be.socialeinnovatiefabriek.radicale.vote.store;

import be.socialeinnovatiefabriek.radicale.vote.mail.SubmissionMail;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A {@link VoteStore} on one DynamoDB table (production): partition key {@code pk}, sort key {@code sk}
 * (both strings), TTL on {@code expiresAt} (epoch seconds). A vote is deduplicated and counted in one
 * {@code TransactWriteItems}, so it counts exactly once or not at all. The items:
 *
 * <pre>
 * pk                               sk                                  attributes
 * PENDING#&lt;tokenHash&gt;              -                                   campaign, nominee, voterHash, lang, state, createdAt, expiresAt
 * VOTER#&lt;campaign&gt;#&lt;voterHash&gt;     -                                   votes (N), nominees (SS)
 * TALLY#&lt;campaign&gt;#&lt;shard&gt;         &lt;nominee&gt;                           votes (N)
 * AUDIT#&lt;campaign&gt;#&lt;shard&gt;         &lt;countedAt millis&gt;#&lt;voterHash&gt;#&lt;nominee&gt;   countedAt (N, millis), nominee, voterHash
 * MINUTE#&lt;campaign&gt;#&lt;shard&gt;        &lt;minute millis&gt;#&lt;nominee&gt;            votes (N)
 * FACTS#&lt;campaign&gt;#&lt;shard&gt;         S#&lt;random id&gt;                       hour (N, millis), clientHash, mailDomain (absent without e-mail)
 * FACTS#&lt;campaign&gt;#&lt;shard&gt;         C#&lt;random id&gt;                       delayMillis (N)
 * CHALLENGE#&lt;challenge hash&gt;      -                                   expiresAt, spender (a random id per spend)
 * </pre>
 *
 * <p>The facts of the admin export's anomaly sections (a submission's hour, mail domain and client hash; a
 * confirmation's delay) carry a random id and nothing that joins them to a vote. A spent proof-of-work challenge
 * is kept until it expires (TTL).
 *
 * <p>The minute items count the votes of each minute for the studio view, in the same transaction as the tally,
 * so that a studio screen reads one item per minute and nominee instead of the whole audit trail.
 *
 * <p>One partition key takes at most 1,000 write units/s and a transactional write costs 2, so a single
 * tally item would cap the whole edition near 500 votes/s. Tallies and the audit trail are therefore spread
 * over {@value #SHARDS} partition keys per edition and summed or merged on read. A vote's shard comes from
 * its voter hash (itself uniformly spread), not from a random generator that a Lambda SnapStart snapshot
 * would clone into every instance; a retry moves to the next shard.
 *
 * <p>A submission's mail goes to a {@link MailQueue} (SQS) once its pending vote is written, not before: a
 * crash between the two leaves a pending vote that no answer told anyone about and that nobody can confirm
 * (it expires), and the voter, who got no answer, votes again. The other order would let the sender read a
 * message whose vote is not yet (or never) written. Either way nothing acknowledged is lost and nobody is
 * locked out: only a counted vote stops a voter.
 *
 * <p>The store does not own the client: {@link #close()} leaves it open for its owner.
 */
public final class DynamoDbVoteStore implements VoteStore {

    /** Partitions per edition for tallies and the audit trail. Never lower it: reads only look at these. */
    static final int SHARDS = 10;
    /** A counted token is remembered this long after counting, so a replay says "already counted". */
    private static final Duration KEEP_COUNTED = Duration.ofDays(30);
    /** Attempts when a transaction loses a race on a shared item (a tally shard, the same token). */
    private static final int MAX_ATTEMPTS = 10;

    private static final String NO_SORT = "-";
    private static final String STATE_PENDING = "pending";
    private static final String STATE_COUNTED = "counted";
    private static final String VOTER_MAY_VOTE =
            "attribute_not_exists(pk) OR (#votes < :max AND NOT contains(#nominees, :nominee))";

    private final DynamoDbClient client;
    private final String table;
    private final MailQueue mails;

    /** A store on {@code table}, which must exist (see {@link #createTable}), queueing mails on {@code mails}. */
    public DynamoDbVoteStore(DynamoDbClient client, String table, MailQueue mails) {
        this.client = client;
        this.table = table;
        this.mails = mails;
    }

    /** Creates {@code table} (on demand billing, TTL on {@code expiresAt}) and waits until it is active. */
    public static void createTable(DynamoDbClient client, String table) {
        client.createTable(create -> create.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
        client.waiter().waitUntilTableExists(wait -> wait.tableName(table));
        client.updateTimeToLive(ttl -> ttl.tableName(table)
                .timeToLiveSpecification(spec -> spec.attributeName("expiresAt").enabled(true)));
    }

    @Override
    public Outcome savePending(PendingVote vote, int votesPerVoter, SubmissionMail mail) {
        Map<String, AttributeValue> voter = read(voterKey(vote.campaign(), vote.voterHash()));
        boolean voted = !voter.isEmpty() && !mayVote(voter, vote.nominee(), votesPerVoter);
        Map<String, AttributeValue> item = new HashMap<>(pendingKey(vote.tokenHash()));
        item.put("campaign", s(vote.campaign()));
        item.put("nominee", s(vote.nominee()));
        item.put("voterHash", s(vote.voterHash()));
        item.put("lang", s(vote.lang()));
        item.put("state", s(STATE_PENDING));
        item.put("createdAt", n(vote.createdAt().toEpochMilli()));
        item.put("expiresAt", n(vote.expiresAt().getEpochSecond()));
        // A token hash is never reused: overwriting a counted vote would let it count again.
        try {
            client.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException exists) {
            // The token is fresh and random, so an item under it is this vote, written by an SDK retry of the
            // put whose first answer was lost; anything else is a real clash and fails as before.
            Map<String, AttributeValue> stored = read(pendingKey(vote.tokenHash()));
            if (!vote.voterHash().equals(attribute(stored, "voterHash")) || !vote.nominee().equals(attribute(stored, "nominee"))) {
                throw exists;
            }
        }
        Outcome outcome = voted ? Outcome.ALREADY_VOTED : Outcome.ACCEPTED;
        mails.enqueue(mail.mail(outcome == Outcome.ALREADY_VOTED));
        return outcome;
    }

    @Override
    public Confirmation confirm(String tokenHash, Instant now, int votesPerVoter) {
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> pending = read(pendingKey(tokenHash));
            if (pending.isEmpty()) {
                return new Confirmation(Outcome.UNKNOWN, null, null, null);
            }
            String campaign = pending.get("campaign").s();
            String nominee = pending.get("nominee").s();
            String lang = pending.get("lang").s();
            if (STATE_COUNTED.equals(pending.get("state").s())) {
                return new Confirmation(Outcome.ALREADY_COUNTED, campaign, nominee, lang);
            }
            if (Long.parseLong(pending.get("expiresAt").n()) <= now.getEpochSecond()) {
                return new Confirmation(Outcome.EXPIRED, campaign, nominee, lang);
            }
            Update countPending = Update.builder().tableName(table).key(pendingKey(tokenHash))
                    .conditionExpression("attribute_exists(pk) AND #state = :pending AND expiresAt > :now")
                    .updateExpression("SET #state = :counted, countedAt = :nowMillis, expiresAt = :keepUntil")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":pending", s(STATE_PENDING), ":counted", s(STATE_COUNTED),
                            ":now", n(now.getEpochSecond()), ":nowMillis", n(now.toEpochMilli()),
                            ":keepUntil", n(now.plus(KEEP_COUNTED).getEpochSecond())))
                    .build();
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().update(countPending).build());
            writes.addAll(countingWrites(campaign, nominee, pending.get("voterHash").s(), now, votesPerVoter, attempt));
            long delayMillis = now.toEpochMilli() - Long.parseLong(pending.get("createdAt").n());
            writes.add(TransactWriteItem.builder().put(fact(campaign, "C#", Map.of("delayMillis", n(delayMillis)))).build());
            try {
                client.transactWriteItems(transaction -> transaction.transactItems(writes).clientRequestToken(requestToken()));
                return new Confirmation(Outcome.COUNTED, campaign, nominee, lang);
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.cancellationReasons();
                if (conditionFailed(reasons, 0)) {
                    continue; // counted or expired meanwhile: the next read says which
                }
                if (conditionFailed(reasons, 1)) {
                    return new Confirmation(Outcome.ALREADY_VOTED, campaign, nominee, lang);
                }
                backOffOrThrow(cancelled, attempt);
            }
        }
    }

    @Override
    public Confirmation lookUp(String tokenHash, Instant now) {
        Map<String, AttributeValue> pending = read(pendingKey(tokenHash));
        if (pending.isEmpty()) {
            return new Confirmation(Outcome.UNKNOWN, null, null, null);
        }
        // TTL deletes an expired item some time later, not at once: its expiry is read, as confirm does.
        Outcome outcome = STATE_COUNTED.equals(pending.get("state").s()) ? Outcome.ALREADY_COUNTED
                : Long.parseLong(pending.get("expiresAt").n()) > now.getEpochSecond() ? Outcome.PENDING : Outcome.EXPIRED;
        return new Confirmation(outcome, pending.get("campaign").s(), pending.get("nominee").s(), pending.get("lang").s());
    }

    @Override
    public Outcome castDirect(String campaign, String nominee, String voterHash, Instant now, int votesPerVoter) {
        for (int attempt = 1; ; attempt++) {
            List<TransactWriteItem> writes = countingWrites(campaign, nominee, voterHash, now, votesPerVoter, attempt);
            try {
                client.transactWriteItems(transaction -> transaction.transactItems(writes).clientRequestToken(requestToken()));
                return Outcome.COUNTED;
            } catch (TransactionCanceledException cancelled) {
                if (conditionFailed(cancelled.cancellationReasons(), 0)) {
                    return Outcome.ALREADY_VOTED;
                }
                backOffOrThrow(cancelled, attempt);
            }
        }
    }

    @Override
    public Map<String, Long> tallies(String campaign) {
        Map<String, Long> tallies = new HashMap<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            for (Map<String, AttributeValue> item : shardItems("TALLY#" + campaign + "#" + shard)) {
                tallies.merge(item.get("sk").s(), Long.parseLong(item.get("votes").n()), Long::sum);
            }
        }
        return tallies;
    }

    @Override
    public void audit(String campaign, Consumer<AuditRecord> sink) {
        // Each shard is in time order already: merge them rather than load and sort the whole trail.
        PriorityQueue<ShardCursor> cursors = new PriorityQueue<>(Comparator.comparing(ShardCursor::sortKey));
        for (int shard = 0; shard < SHARDS; shard++) {
            Iterator<Map<String, AttributeValue>> items = shardItems("AUDIT#" + campaign + "#" + shard).iterator();
            if (items.hasNext()) {
                cursors.add(new ShardCursor(items, items.next()));
            }
        }
        while (!cursors.isEmpty()) {
            ShardCursor cursor = cursors.poll();
            Map<String, AttributeValue> item = cursor.head();
            sink.accept(new AuditRecord(Instant.ofEpochMilli(Long.parseLong(item.get("countedAt").n())), campaign,
                    item.get("nominee").s(), item.get("voterHash").s()));
            if (cursor.items().hasNext()) {
                cursors.add(new ShardCursor(cursor.items(), cursor.items().next()));
            }
        }
    }

    /** An eventually consistent read of one item: half a read unit. */
    @Override
    public void check() {
        client.getItem(get -> get.tableName(table).key(Map.of("pk", s("HEALTH"), "sk", s(NO_SORT))));
    }

    @Override
    public boolean spendChallenge(String challengeId, Instant expiresAt, Instant now) {
        Map<String, AttributeValue> key = Map.of("pk", s("CHALLENGE#" + challengeId), "sk", s(NO_SORT));
        String spender = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        item.put("spender", s(spender));
        try {
            client.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException spent) {
            // Spent by this very call when the SDK retried a put whose first answer was lost: still the first time.
            return spender.equals(attribute(read(key), "spender"));
        }
    }

    @Override
    public void recordSubmission(String campaign, SubmissionFacts facts) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("hour", n(facts.hour().toEpochMilli()));
        item.put("clientHash", s(facts.clientHash()));
        if (facts.mailDomain() != null) {
            item.put("mailDomain", s(facts.mailDomain()));
        }
        Map<String, AttributeValue> fact = fact(campaign, "S#", item).item();
        client.putItem(put -> put.tableName(table).item(fact));
    }

    @Override
    public void submissions(String campaign, Consumer<SubmissionFacts> sink) {
        facts(campaign, "S#", item -> {
            AttributeValue domain = item.get("mailDomain");
            sink.accept(new SubmissionFacts(Instant.ofEpochMilli(Long.parseLong(item.get("hour").n())),
                    domain == null ? null : domain.s(), item.get("clientHash").s()));
        });
    }

    @Override
    public void confirmationDelays(String campaign, Consumer<Duration> sink) {
        facts(campaign, "C#", item -> sink.accept(Duration.ofMillis(Long.parseLong(item.get("delayMillis").n()))));
    }

    /**
     * A fact item for the anomaly sections: a random id, so that nothing joins it to a vote, spread over the
     * shards as the tallies are.
     */
    private Put fact(String campaign, String kind, Map<String, AttributeValue> attributes) {
        UUID id = UUID.randomUUID();
        Map<String, AttributeValue> item = new HashMap<>(attributes);
        item.put("pk", s("FACTS#" + campaign + "#" + Math.floorMod(id.hashCode(), SHARDS)));
        item.put("sk", s(kind + id));
        return Put.builder().tableName(table).item(item).build();
    }

    private void facts(String campaign, String kind, Consumer<Map<String, AttributeValue>> sink) {
        for (int shard = 0; shard < SHARDS; shard++) {
            String partition = "FACTS#" + campaign + "#" + shard;
            client.queryPaginator(query -> query.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :kind)")
                    .expressionAttributeValues(Map.of(":pk", s(partition), ":kind", s(kind)))).items().forEach(sink);
        }
    }

    /** Leaves the client open: whoever built it closes it. */
    @Override
    public void close() {
    }

    @Override
    public List<MinuteTally> minuteTallies(String campaign, Instant from) {
        String first = String.format("%015d", from.truncatedTo(ChronoUnit.MINUTES).toEpochMilli());
        Map<MinuteTally, Long> counts = new TreeMap<>(MinuteTally.ORDER);
        for (int shard = 0; shard < SHARDS; shard++) {
            String partition = "MINUTE#" + campaign + "#" + shard;
            for (Map<String, AttributeValue> item : client.queryPaginator(query -> query.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND sk >= :first")
                    .expressionAttributeValues(Map.of(":pk", s(partition), ":first", s(first)))).items()) {
                String sk = item.get("sk").s();
                int hash = sk.indexOf('#');
                MinuteTally key = new MinuteTally(Instant.ofEpochMilli(Long.parseLong(sk.substring(0, hash))),
                        sk.substring(hash + 1), 0);
                counts.merge(key, Long.parseLong(item.get("votes").n()), Long::sum);
            }
        }
        List<MinuteTally> tallies = new ArrayList<>();
        counts.forEach((key, votes) -> tallies.add(new MinuteTally(key.minute(), key.nominee(), votes)));
        return tallies;
    }

    /**
     * The voter check and count, the tally increment, the minute's count and the audit line: one vote's writes
     * after the first.
     */
    private List<TransactWriteItem> countingWrites(String campaign, String nominee, String voterHash, Instant now,
                                                   int votesPerVoter, int attempt) {
        int shard = Math.floorMod(Objects.hash(voterHash, nominee) + attempt, SHARDS);
        Update voter = Update.builder().tableName(table).key(voterKey(campaign, voterHash))
                .conditionExpression(VOTER_MAY_VOTE)
                .updateExpression("ADD #votes :one, #nominees :nominees")
                .expressionAttributeNames(Map.of("#votes", "votes", "#nominees", "nominees"))
                .expressionAttributeValues(Map.of(":one", n(1), ":max", n(votesPerVoter), ":nominee", s(nominee),
                        ":nominees", AttributeValue.fromSs(List.of(nominee))))
                .build();
        Update tally = Update.builder().tableName(table)
                .key(Map.of("pk", s("TALLY#" + campaign + "#" + shard), "sk", s(nominee)))
                .updateExpression("ADD #votes :one")
                .expressionAttributeNames(Map.of("#votes", "votes"))
                .expressionAttributeValues(Map.of(":one", n(1)))
                .build();
        Update minute = Update.builder().tableName(table)
                .key(Map.of("pk", s("MINUTE#" + campaign + "#" + shard), "sk", s(String.format("%015d#%s",
                        now.truncatedTo(ChronoUnit.MINUTES).toEpochMilli(), nominee))))
                .updateExpression("ADD #votes :one")
                .expressionAttributeNames(Map.of("#votes", "votes"))
                .expressionAttributeValues(Map.of(":one", n(1)))
                .build();
        Put audit = Put.builder().tableName(table)
                .item(Map.of("pk", s("AUDIT#" + campaign + "#" + shard),
                        "sk", s(String.format("%015d#%s#%s", now.toEpochMilli(), voterHash, nominee)),
                        "countedAt", n(now.toEpochMilli()), "nominee", s(nominee), "voterHash", s(voterHash)))
                .build();
        return List.of(TransactWriteItem.builder().update(voter).build(),
                TransactWriteItem.builder().update(tally).build(),
                TransactWriteItem.builder().update(minute).build(),
                TransactWriteItem.builder().put(audit).build());
    }

    /**
     * A transaction's idempotency token: one per call, which the SDK sends again with each of its own retries,
     * so a transaction that was applied but whose answer was lost is not applied twice, and its caller hears
     * "counted". Not derived from the vote: DynamoDB would then take a second, distinct confirmation of the
     * same token within ten minutes for the first one (answered "counted" twice) or refuse it as a mismatch.
     */
    private static String requestToken() {
        return UUID.randomUUID().toString();
    }

    private static String attribute(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static boolean mayVote(Map<String, AttributeValue> voter, String nominee, int votesPerVoter) {
        return Long.parseLong(voter.get("votes").n()) < votesPerVoter && !voter.get("nominees").ss().contains(nominee);
    }

    private static boolean conditionFailed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** Waits a little before the next attempt of a transaction that lost a race; gives up after a few. */
    private static void backOffOrThrow(TransactionCanceledException cancelled, int attempt) {
        boolean conflict = cancelled.cancellationReasons().stream()
                .anyMatch(reason -> "TransactionConflict".equals(reason.code()));
        if (!conflict || attempt >= MAX_ATTEMPTS) {
            throw cancelled;
        }
        long ceilingMillis = Math.min(200, 5L << attempt);
        try {
            // Jitter from the clock: a random generator's state would be shared by instances restored from one snapshot.
            Thread.sleep(1 + Math.floorMod(System.nanoTime() / 1_000, ceilingMillis));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cancelled;
        }
    }

    private Map<String, AttributeValue> read(Map<String, AttributeValue> key) {
        return client.getItem(get -> get.tableName(table).key(key).consistentRead(true)).item();
    }

    private Iterable<Map<String, AttributeValue>> shardItems(String partition) {
        return client.queryPaginator(query -> query.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(partition)))).items();
    }

    private static Map<String, AttributeValue> pendingKey(String tokenHash) {
        return Map.of("pk", s("PENDING#" + tokenHash), "sk", s(NO_SORT));
    }

    private static Map<String, AttributeValue> voterKey(String campaign, String voterHash) {
        return Map.of("pk", s("VOTER#" + campaign + "#" + voterHash), "sk", s(NO_SORT));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** The next unread audit item of one shard. */
    private record ShardCursor(Iterator<Map<String, AttributeValue>> items, Map<String, AttributeValue> head) {
        String sortKey() {
            return head.get("sk").s();
        }
    }
}
