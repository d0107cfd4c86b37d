package be.socialeinnovatiefabriek.radicale.vote.aws;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ (an SQS server) in process on a free loopback port, shared by every test class of the run, and the AWS
 * SDK's SQS client pointed at it; each test gets queues of its own.
 */
final class ElasticMq {

    private static final AtomicInteger QUEUES = new AtomicInteger();
    private static SqsClient client;

    private ElasticMq() {
    }

    /** The mail queue and its dead-letter queue, as the template makes them. */
    record Queues(String url, String deadLetterUrl) {
    }

    /** A client of the shared server, started on first use and stopped when the test JVM exits. */
    static synchronized SqsClient client() {
        if (client == null) {
            SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
            int port = server.waitUntilStarted().localAddress().getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndWait));
            client = SqsClient.builder()
                    .endpointOverride(URI.create("http://127.0.0.1:" + port))
                    .region(Region.EU_WEST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return client;
    }

    /**
     * A new mail queue whose messages go to a new dead-letter queue after {@code maxReceiveCount} receives, hidden
     * {@code visibilitySeconds} after each receive.
     */
    static Queues newQueues(int maxReceiveCount, int visibilitySeconds) {
        SqsClient sqs = client();
        String name = "mail-" + QUEUES.incrementAndGet();
        String deadLetters = sqs.createQueue(create -> create.queueName(name + "-dead-letters")).queueUrl();
        String deadLettersArn = sqs.getQueueAttributes(get -> get.queueUrl(deadLetters)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = sqs.createQueue(create -> create.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilitySeconds),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\": \"" + deadLettersArn
                        + "\", \"maxReceiveCount\": \"" + maxReceiveCount + "\"}"))).queueUrl();
        return new Queues(url, deadLetters);
    }
}
