package be.socialeinnovatiefabriek.radicale.vote.store;

import be.socialeinnovatiefabriek.radicale.vote.voting.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link RateLimits} in DynamoDB, shared by every instance of the Lambda function: one item per bucket in the
 * votes table ({@code pk = LIMIT#<rule>#<key>}, {@code sk = -}) holding its theoretical arrival time
 * ({@code tat}, epoch nanoseconds), changed only by conditional updates, so that concurrent instances
 * never allow more than the rule does. TTL ({@code expiresAt}) removes a bucket an hour after it is full
 * again, when it no longer holds anything to remember.
 */
public final class DynamoDbRateLimits implements RateLimits {

    /** Conditional updates tried when other instances change the same bucket in between. */
    private static final int MAX_ATTEMPTS = 5;
    /** A bucket outlives its arrival time this long: instances' clocks differ slightly, and nothing is lost. */
    private static final Duration KEEP = Duration.ofHours(1);
    private static final String NO_SORT = "-";

    private final DynamoDbClient client;
    private final String table;

    /** Buckets in {@code table}, the votes table (see {@link DynamoDbVoteStore#createTable}). */
    public DynamoDbRateLimits(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Duration take(Rule rule, String key, Instant now) {
        Map<String, AttributeValue> bucket = key(rule, key);
        Instant tat = null; // null: a full bucket, as far as this request knows
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            boolean full = tat == null || !tat.isAfter(now);
            if (!full && rule.next(tat, now) == null) {
                return rule.wait(tat, now);
            }
            try {
                if (full) {
                    update(bucket, "SET tat = :next, expiresAt = :expires", "attribute_not_exists(tat) OR tat <= :now",
                            Map.of(":next", nanos(now.plus(rule.interval())), ":now", nanos(now),
                                    ":expires", expiry(now.plus(rule.interval()))));
                } else {
                    // Atomic on the stored value: instances taking at once each add one interval, none overdraws.
                    update(bucket, "SET tat = tat + :interval, expiresAt = :expires", "tat > :now AND tat <= :limit",
                            Map.of(":interval", n(rule.interval().toNanos()), ":now", nanos(now),
                                    ":limit", nanos(now.plus(rule.tolerance())),
                                    ":expires", expiry(now.plus(rule.tolerance()).plus(rule.interval()))));
                }
                return Duration.ZERO;
            } catch (ConditionalCheckFailedException changed) {
                AttributeValue stored = changed.hasItem() ? changed.item().get("tat") : null;
                tat = stored == null ? null : instant(stored);
            }
        }
        // Lost every race on this bucket: it is in heavy use right now, so this request waits too.
        return rule.interval();
    }

    @Override
    public void giveBack(Rule rule, String key, Instant now) {
        try {
            update(key(rule, key), "SET tat = tat - :interval", "attribute_exists(tat)",
                    Map.of(":interval", n(rule.interval().toNanos())));
        } catch (ConditionalCheckFailedException gone) {
            // No bucket: it is full already.
        }
    }

    private void update(Map<String, AttributeValue> key, String update, String condition,
                        Map<String, AttributeValue> values) {
        client.updateItem(request -> request.tableName(table).key(key)
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
    }

    private static Map<String, AttributeValue> key(Rule rule, String key) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("LIMIT#" + rule.name() + "#" + key));
        item.put("sk", AttributeValue.fromS(NO_SORT));
        return item;
    }

    private static AttributeValue nanos(Instant instant) {
        return n(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
    }

    private static Instant instant(AttributeValue nanos) {
        long value = Long.parseLong(nanos.n());
        return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
    }

    private static AttributeValue expiry(Instant tat) {
        return n(tat.plus(KEEP).getEpochSecond() + 1);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
