package be.socialeinnovatiefabriek.radicale.vote.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.Mail;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.Outcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The store contract on DynamoDB Local, in process (see {@link DynamoDbLocal}), a new table per test.
 * DynamoDB Local runs transactions one at a time, so the races that real DynamoDB reports as
 * {@code TransactionConflict} are simulated here by a client that loses the first few.
 */
class DynamoDbVoteStoreTest extends VoteStoreContract {

    private final DynamoDbClient client = DynamoDbLocal.client();
    private final List<Mail> queue = new CopyOnWriteArrayList<>();

    @Override
    protected VoteStore open() {
        return new DynamoDbVoteStore(client, DynamoDbLocal.newTable(), queue::add);
    }

    @Override
    protected List<Mail> queued() {
        return List.copyOf(queue);
    }

    @Test
    void aSubmissionWhoseMailCannotBeQueuedFailsAndTheVotersRetryIsTaken() {
        String table = DynamoDbLocal.newTable();
        VoteStore refusing = new DynamoDbVoteStore(client, table, mail -> {
            throw SqsException.builder().message("Service Unavailable").statusCode(503).build();
        });

        assertThrows(SqsException.class, () -> refusing.savePending(pending("papillon", "v1", "t1"), 1, MAIL));
        // Its pending vote was written first: nobody has its link, so it waits unconfirmed until it expires.
        assertEquals(Outcome.PENDING, refusing.lookUp("t1", NOW).outcome());

        VoteStore working = new DynamoDbVoteStore(client, table, queue::add);
        assertEquals(Outcome.ACCEPTED, working.savePending(pending("papillon", "v1", "t2"), 1, MAIL), "not locked out");
        assertEquals(1, queue.size());
        assertEquals(Outcome.COUNTED, working.confirm("t2", NOW, 1).outcome());
    }

    @Test
    void aPendingVoteOutlivesTheDatabasesExpirySweep() throws InterruptedException {
        store.savePending(pending("papillon", "v1", "t1"), 1, MAIL);
        // DynamoDB Local deletes expired items about once a second by its own clock; give it time to run.
        Thread.sleep(2_500);

        assertEquals(Outcome.COUNTED, store.confirm("t1", NOW.plusSeconds(3), 1).outcome());
        assertEquals(Map.of("papillon", 1L), store.tallies("2026"));
    }

    @Test
    void aConfirmationThatLosesRacesIsRetriedAndCountedOnce() {
        VoteStore racing = new DynamoDbVoteStore(new LosingClient(client, 3), DynamoDbLocal.newTable(), queue::add);
        racing.savePending(pending("papillon", "v1", "t1"), 1, MAIL);

        assertEquals(Outcome.COUNTED, racing.confirm("t1", NOW, 1).outcome());
        assertEquals(Map.of("papillon", 1L), racing.tallies("2026"));
    }

    @Test
    void aDirectVoteThatLosesRacesIsRetriedAndCountedOnce() {
        VoteStore racing = new DynamoDbVoteStore(new LosingClient(client, 3), DynamoDbLocal.newTable(), queue::add);

        assertEquals(Outcome.COUNTED, racing.castDirect("2026", "papillon", "b1", NOW, 1));
        assertEquals(Map.of("papillon", 1L), racing.tallies("2026"));
    }

    @Test
    void aVoteThatKeepsLosingRacesFailsLoudlyAndCountsNothing() {
        VoteStore racing = new DynamoDbVoteStore(new LosingClient(client, 1_000), DynamoDbLocal.newTable(), queue::add);
        racing.savePending(pending("papillon", "v1", "t1"), 1, MAIL);

        assertThrows(TransactionCanceledException.class, () -> racing.confirm("t1", NOW, 1));
        assertEquals(Map.of(), racing.tallies("2026"));
    }

    @Test
    void aTableThatIsNotThereFailsTheCheck() {
        VoteStore missing = new DynamoDbVoteStore(client, "no-such-table", queue::add);

        assertThrows(ResourceNotFoundException.class, missing::check);
    }

    @Test
    void aConfirmationWhoseAnswerIsLostIsRetriedByTheSdkAndCountedOnce() {
        LoseFirstAnswer lose = new LoseFirstAnswer("TransactWriteItems");
        try (DynamoDbClient http = DynamoDbLocal.overHttp(lose)) {
            VoteStore overHttp = new DynamoDbVoteStore(http, DynamoDbLocal.newTable(http), queue::add);
            overHttp.savePending(pending("papillon", "v1", "t1"), 1, MAIL);

            assertEquals(Outcome.COUNTED, overHttp.confirm("t1", NOW, 1).outcome());
            assertEquals(Map.of("papillon", 1L), overHttp.tallies("2026"));
            assertEquals(Outcome.ALREADY_COUNTED, overHttp.confirm("t1", NOW.plusSeconds(1), 1).outcome());
            assertEquals(2, lose.tokens.size(), "the SDK sent the transaction twice: " + lose.tokens);
            assertEquals(lose.tokens.get(0), lose.tokens.get(1), "as one request, under one idempotency token");
            assertTrue(lose.tokens.get(0).length() > 10, lose.tokens.get(0));
        }
    }

    @Test
    void aDirectVoteWhoseAnswerIsLostIsRetriedByTheSdkAndCountedOnce() {
        LoseFirstAnswer lose = new LoseFirstAnswer("TransactWriteItems");
        try (DynamoDbClient http = DynamoDbLocal.overHttp(lose)) {
            VoteStore overHttp = new DynamoDbVoteStore(http, DynamoDbLocal.newTable(http), queue::add);

            assertEquals(Outcome.COUNTED, overHttp.castDirect("2026", "papillon", "b1", NOW, 1));
            assertEquals(Map.of("papillon", 1L), overHttp.tallies("2026"));
            assertEquals(2, lose.tokens.size(), "the SDK sent the transaction twice: " + lose.tokens);
        }
    }

    @Test
    void aPendingVoteWhoseAnswerIsLostIsRetriedByTheSdkAndKept() {
        LoseFirstAnswer lose = new LoseFirstAnswer("PutItem");
        try (DynamoDbClient http = DynamoDbLocal.overHttp(lose)) {
            VoteStore overHttp = new DynamoDbVoteStore(http, DynamoDbLocal.newTable(http), queue::add);

            assertEquals(Outcome.ACCEPTED, overHttp.savePending(pending("papillon", "v1", "t1"), 1, MAIL));
            assertEquals(Outcome.COUNTED, overHttp.confirm("t1", NOW, 1).outcome());
            assertEquals(2, lose.tokens.size(), "the SDK sent the put twice");
        }
    }

    /**
     * Lets the first {@code operation} reach DynamoDB and be applied, then loses its answer on the way back
     * (a retryable failure, as a dropped connection is), so the SDK sends it again. Notes the idempotency
     * token each attempt carried.
     */
    private static final class LoseFirstAnswer implements ExecutionInterceptor {
        private final String operation;
        private final AtomicBoolean lost = new AtomicBoolean();
        final List<String> tokens = new CopyOnWriteArrayList<>();

        LoseFirstAnswer(String operation) {
            this.operation = operation;
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                tokens.add(context.requestBody().map(LoseFirstAnswer::clientRequestToken).orElse("no body"));
            }
        }

        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                    && context.httpResponse().isSuccessful() && lost.compareAndSet(false, true)) {
                throw RetryableException.builder().message("the answer was lost on its way back (simulated)").build();
            }
        }

        private static String clientRequestToken(RequestBody body) {
            try (InputStream in = body.contentStreamProvider().newStream()) {
                return new ObjectMapper().readTree(in).path("ClientRequestToken").asText("none");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A client whose first {@code losses} transactions are cancelled as DynamoDB does when another one held an item. */
    private static final class LosingClient implements DynamoDbClient {
        private final DynamoDbClient real;
        private final AtomicInteger losses;

        LosingClient(DynamoDbClient real, int losses) {
            this.real = real;
            this.losses = new AtomicInteger(losses);
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            if (losses.getAndDecrement() > 0) {
                throw TransactionCanceledException.builder().message("Transaction cancelled (simulated)")
                        .cancellationReasons(request.transactItems().stream()
                                .map(item -> CancellationReason.builder()
                                        .code(item == request.transactItems().get(request.transactItems().size() - 2)
                                                ? "TransactionConflict" : "None")
                                        .build())
                                .toList())
                        .build();
            }
            return real.transactWriteItems(request);
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            return real.getItem(request);
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            return real.putItem(request);
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            return real.query(request);
        }

        @Override
        public String serviceName() {
            return real.serviceName();
        }

        @Override
        public void close() {
        }
    }
}
