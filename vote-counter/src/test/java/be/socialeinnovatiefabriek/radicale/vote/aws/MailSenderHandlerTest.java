package be.socialeinnovatiefabriek.radicale.vote.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.CounterFixture;
import be.socialeinnovatiefabriek.radicale.vote.TestClock;
import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import be.socialeinnovatiefabriek.radicale.vote.ballot.BallotDirectory;
import be.socialeinnovatiefabriek.radicale.vote.http.CounterApi;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.InvalidSettings;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailProgress;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.SmtpMailer;
import be.socialeinnovatiefabriek.radicale.vote.mail.SmtpSink;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailJson;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailSettings;
import be.socialeinnovatiefabriek.radicale.vote.store.DynamoDbLocal;
import be.socialeinnovatiefabriek.radicale.vote.store.DynamoDbVoteStore;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The mail queue on AWS with real parts: the submission function (DynamoDB Local) queues each mail on SQS
 * (ElasticMQ); the sender function gets batches of it as Lambda's SQS poller hands them over (this test plays the
 * poller: it receives, builds the event, and deletes what the function did not report failed) and mails them
 * (GreenMail, or an SMTP server that refuses chosen recipients). Waits on the queue are polled for, never timed.
 */
class MailSenderHandlerTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant NOW = TestClock.realNow();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Retries after one second (the least SQS can hide a message for), doubling to two. */
    private static final MailSettings QUICK = new MailSettings(1000, 3, Duration.ofSeconds(1), Duration.ofSeconds(2));

    @TempDir
    Path ballots;
    private final SqsClient sqs = ElasticMq.client();

    private MailSenderHandler sender(int smtpPort, MailSettings settings, ElasticMq.Queues queues) {
        SmtpMailer mailer = SmtpMailer.fromEnvironment(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT",
                Integer.toString(smtpPort), "SMTP_FROM", "Radicale Vernieuwers <stemmen@radicalevernieuwers.be>"));
        return new MailSenderHandler(mailer, settings, Clock.systemUTC(), sqs, queues.url(), queues.deadLetterUrl());
    }

    private VoteHandler submissions(ElasticMq.Queues queues) throws Exception {
        AwsBallot.writeOpen(ballots, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(20)));
        CounterSettings settings = CounterSettings.fromEnvironment(Map.of(
                "VOTE_HMAC_KEY", "an-hmac-key-for-tests-only-0123456789",
                "VOTE_ADMIN_TOKEN", "an-admin-token-for-tests",
                "VOTE_ALLOWED_ORIGINS", "https://radicalevernieuwers.be",
                "VOTE_PUBLIC_URL", "https://stem.radicalevernieuwers.be"));
        DynamoDbVoteStore store = new DynamoDbVoteStore(DynamoDbLocal.client(), DynamoDbLocal.newTable(),
                new SqsMailQueue(sqs, queues.url()));
        return new VoteHandler(new CounterApi(settings, new BallotDirectory(ballots), store, MailProgress.ELSEWHERE,
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    /** What Lambda's poller receives: up to ten visible messages, with their receive count and sending time. */
    private List<Message> receive(String queueUrl) {
        return sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    /** Polls the queue for up to a minute until it hands over {@code count} messages. */
    private List<Message> receive(String queueUrl, int count) throws InterruptedException {
        List<Message> received = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (received.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited a minute for " + count + " messages, got " + received.size());
            }
            received.addAll(receive(queueUrl));
            Thread.sleep(100);
        }
        return received;
    }

    /** The SQS event Lambda builds from {@code messages}. */
    private static SQSEvent event(List<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setAttributes(message.attributesAsStrings());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn("arn:aws:sqs:eu-west-1:000000000000:mail");
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** Sends a batch through the function and deletes what it did not report failed, as Lambda does; the failed ids. */
    private Set<String> handle(MailSenderHandler sender, ElasticMq.Queues queues, List<Message> batch) {
        SQSBatchResponse response = sender.handleRequest(event(batch), null);
        Set<String> failed = response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
        for (Message message : batch) {
            if (!failed.contains(message.messageId())) {
                sqs.deleteMessage(delete -> delete.queueUrl(queues.url()).receiptHandle(message.receiptHandle()));
            }
        }
        return failed;
    }

    private void queue(ElasticMq.Queues queues, String address) {
        sqs.sendMessage(send -> send.queueUrl(queues.url()).messageBody(MailJson.write(new ConfirmationMail(
                new MailAddress(address.substring(0, address.indexOf('@')), address.substring(address.indexOf('@') + 1)),
                "nl", "Radicale Vernieuwers 2026", "Papillon",
                URI.create("https://stem.radicalevernieuwers.be/api/votes/confirm?token=" + address.hashCode()),
                NOW.plus(Duration.ofHours(48)), false))));
    }

    @Test
    void aVoteTakenByTheFunctionIsQueuedAndTheSenderFunctionMailsTheLinkThatCountsIt() throws Exception {
        ElasticMq.Queues queues = ElasticMq.newQueues(3, 30);
        VoteHandler counter = submissions(queues);

        APIGatewayV2HTTPResponse submitted = counter.handleRequest(EventLoader.loadApiGatewayHttpEvent("aws/vote-json.json"), null);
        assertEquals(202, submitted.getStatusCode(), submitted.getBody());
        assertEquals(0, GREEN_MAIL.getReceivedMessages().length, "the submission only queues the mail");

        List<Message> batch = receive(queues.url(), 1);
        assertEquals(Set.of(), handle(sender(GREEN_MAIL.getSmtp().getPort(), QUICK, queues), queues, batch));

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertEquals(1, received.length);
        APIGatewayV2HTTPEvent confirm = EventLoader.loadApiGatewayHttpEvent("aws/confirm-json.json");
        confirm.setBody("{\"token\": \"" + CounterFixture.tokenIn(received[0]) + "\"}");
        assertEquals(200, counter.handleRequest(confirm, null).getStatusCode());
        assertEquals(List.of(), receive(queues.url()), "the sent message was deleted");
    }

    @Test
    void aMailTheServerRefusesIsAPartialBatchFailureAndComesBackAfterItsBackOff() throws Exception {
        ElasticMq.Queues queues = ElasticMq.newQueues(3, 30);
        try (SmtpSink smtp = new SmtpSink()) {
            smtp.refuse(recipient -> recipient.startsWith("bounce"), "451 4.2.0 mailbox busy");
            MailSenderHandler sender = sender(smtp.port(), QUICK, queues);
            queue(queues, "bounce@example.be");
            queue(queues, "ann@example.be");

            List<Message> batch = receive(queues.url(), 2);
            Set<String> failed = handle(sender, queues, batch);

            String bounce = batch.stream().filter(m -> m.body().contains("bounce")).findFirst().orElseThrow().messageId();
            assertEquals(Set.of(bounce), failed, "only the refused mail is reported failed");
            assertEquals(1, smtp.perRecipient().get("ann@example.be").get());
            List<Message> again = receive(queues.url(), 1);
            assertEquals(bounce, again.get(0).messageId(), "back after its back-off, for a second attempt");
            assertEquals("2", again.get(0).attributesAsStrings().get("ApproximateReceiveCount"));
        }
    }

    @Test
    void atItsLastAttemptARefusedMailGoesToTheDeadLetterQueueWithoutItsAddressOrLink() throws Exception {
        ElasticMq.Queues queues = ElasticMq.newQueues(3, 30);
        try (SmtpSink smtp = new SmtpSink()) {
            smtp.refuse(recipient -> true, "550 5.1.1 bounce@example.be: no such user");
            MailSenderHandler sender = sender(smtp.port(), QUICK, queues);
            queue(queues, "bounce@example.be");

            List<Set<String>> failures = new ArrayList<>();
            for (int attempt = 1; attempt <= QUICK.maxAttempts(); attempt++) {
                failures.add(handle(sender, queues, receive(queues.url(), 1)));
            }

            assertEquals(1, failures.get(0).size());
            assertEquals(1, failures.get(1).size());
            assertEquals(Set.of(), failures.get(2), "the last attempt is not failed: the mail is buried, then deleted");
            assertEquals(3, smtp.refused().get("bounce@example.be").get());
            List<Message> dead = receive(queues.deadLetterUrl(), 1);
            JsonNode letter = JSON.readTree(dead.get(0).body());
            assertTrue(letter.path("deadLetter").asBoolean(), dead.get(0).body());
            assertEquals("confirmation", letter.path("kind").asText());
            assertEquals("nl", letter.path("lang").asText());
            assertEquals(3, letter.path("attempts").asInt());
            assertTrue(letter.path("reason").asText().contains("550 5.1.1"), dead.get(0).body());
            assertFalse(dead.get(0).body().contains("bounce"), "no address: " + dead.get(0).body());
            assertFalse(dead.get(0).body().contains("token="), "no link: " + dead.get(0).body());
            Thread.sleep(2_500); // longer than any back-off: nothing is left to come back
            assertEquals(List.of(), receive(queues.url()));
        }
    }

    @Test
    void aMessageWhoseLastAttemptNeverFinishedIsMovedWholeToTheDeadLetterQueueByTheRedrivePolicy() throws Exception {
        ElasticMq.Queues queues = ElasticMq.newQueues(2, 1);
        queue(queues, "ann@example.be");

        // The function crashed twice (or ran out of time): Lambda neither deleted the message nor heard of a failure.
        receive(queues.url(), 1);
        receive(queues.url(), 1);

        // The poller's next receive finds it over its count: SQS moves it instead of handing it over a third time.
        List<Message> dead = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (dead.isEmpty() && System.nanoTime() < deadline) {
            assertEquals(List.of(), receive(queues.url()), "not handed over a third time");
            dead.addAll(receive(queues.deadLetterUrl()));
            Thread.sleep(100);
        }
        assertEquals(1, dead.size(), "in the dead-letter queue");
        assertTrue(dead.get(0).body().contains("ann@example.be"), "moved as it was, by SQS: " + dead.get(0).body());
    }

    @Test
    void aServerThatCannotBeReachedFailsEveryMailOfTheBatch() throws Exception {
        ElasticMq.Queues queues = ElasticMq.newQueues(3, 30);
        int closed;
        try (ServerSocket nobody = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = nobody.getLocalPort();
        }
        queue(queues, "ann@example.be");
        queue(queues, "bob@example.be");
        List<Message> batch = receive(queues.url(), 2);

        Set<String> failed = handle(sender(closed, QUICK, queues), queues, batch);

        assertEquals(batch.stream().map(Message::messageId).collect(Collectors.toSet()), failed);
        assertEquals(2, receive(queues.url(), 2).size(), "both back after their back-off");
    }

    @Test
    void recordsTheFunctionHasNoTimeLeftForAreHandedBackAtOnceUnsent() throws Exception {
        ElasticMq.Queues queues = ElasticMq.newQueues(3, 30);
        queue(queues, "ann@example.be");
        queue(queues, "bob@example.be");
        List<Message> batch = receive(queues.url(), 2);
        // Given 40 s, it keeps 20 s in reserve; by the first record only 10 s are left.
        java.util.Iterator<Integer> remaining = List.of(40_000, 10_000).iterator();
        com.amazonaws.services.lambda.runtime.Context running = (com.amazonaws.services.lambda.runtime.Context)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {com.amazonaws.services.lambda.runtime.Context.class},
                        (proxy, method, args) -> method.getName().equals("getRemainingTimeInMillis")
                                ? (remaining.hasNext() ? remaining.next() : 10_000) : null);

        SQSBatchResponse response = sender(GREEN_MAIL.getSmtp().getPort(), QUICK, queues).handleRequest(event(batch), running);

        assertEquals(2, response.getBatchItemFailures().size());
        assertEquals(0, GREEN_MAIL.getReceivedMessages().length, "nothing was started");
        assertEquals(2, receive(queues.url(), 2).size(), "both visible again at once, for another call");
    }

    @Test
    void aQueuedMailThatIsNotOneBareAddressIsNeverSent() throws Exception {
        ElasticMq.Queues queues = ElasticMq.newQueues(3, 30);
        String hostile = MailJson.write(new ConfirmationMail(new MailAddress("ann", "example.be"), "nl", "t", "n",
                URI.create("https://stem.radicalevernieuwers.be/api/votes/confirm?token=x"), NOW.plusSeconds(3600), false))
                .replace("ann@example.be", "victim+x <mallory@evil.example>@example.net");
        for (String body : List.of(hostile, "not json", "{\"kind\": \"confirmation\"}", "[]")) {
            sqs.sendMessage(send -> send.queueUrl(queues.url()).messageBody(body));
        }
        List<Message> batch = receive(queues.url(), 4);

        Set<String> failed = handle(sender(GREEN_MAIL.getSmtp().getPort(), QUICK, queues), queues, batch);

        assertEquals(4, failed.size(), "each is failed, and after its last attempt buried as unreadable");
        assertEquals(0, GREEN_MAIL.getReceivedMessages().length, "nothing is mailed to anyone");
    }

    @Test
    void theSenderFunctionWithoutItsSettingsNamesEveryMissingOne() {
        InvalidSettings failure = assertThrows(InvalidSettings.class, () -> new MailSenderHandler(Map.of(
                "VOTE_MAIL_PER_SECOND", "fast")));

        String problems = failure.problems().stream().map(Object::toString).collect(Collectors.joining("\n"));
        for (String variable : List.of("SMTP_HOST", "SMTP_FROM", "VOTE_MAIL_PER_SECOND", "VOTE_MAIL_QUEUE_URL",
                "VOTE_MAIL_DEAD_LETTER_QUEUE_URL")) {
            assertTrue(problems.contains(variable), variable + " is named in:\n" + problems);
        }
    }
}
