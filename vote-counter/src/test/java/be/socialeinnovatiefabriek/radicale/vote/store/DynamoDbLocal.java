package be.socialeinnovatiefabriek.radicale.vote.store;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local in process (about 2 s to start), shared by every test class of the run; each test gets
 * its own table. Most tests call it directly, without HTTP; {@link #overHttp} serves it on a local port too,
 * for tests that need the SDK's whole request path (its retries, its interceptors).
 */
public final class DynamoDbLocal {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynamoDbClient client;
    private static URI endpoint;

    private DynamoDbLocal() {
    }

    /** A client of the shared database, started on first use and stopped when the test JVM exits. */
    public static synchronized DynamoDbClient client() {
        if (client == null) {
            AmazonDynamoDBLocal database = DynamoDBEmbedded.create();
            client = database.dynamoDbClient();
            Runtime.getRuntime().addShutdownHook(new Thread(database::shutdown));
        }
        return client;
    }

    /** A new, empty votes table. */
    public static String newTable() {
        return newTable(client());
    }

    /** A new, empty votes table in the database {@code client} talks to. */
    public static String newTable(DynamoDbClient client) {
        String table = "votes-" + TABLES.incrementAndGet();
        DynamoDbVoteStore.createTable(client, table);
        return table;
    }

    /**
     * An SDK client over HTTP, with the SDK's retries, to a DynamoDB Local served on a local port (a database of
     * its own, started on first use): what the Lambda function has, with {@code interceptors} in its path.
     */
    public static DynamoDbClient overHttp(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(httpEndpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> {
                    for (ExecutionInterceptor interceptor : interceptors) {
                        config.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }

    private static synchronized URI httpEndpoint() {
        if (endpoint == null) {
            try {
                int port;
                try (ServerSocket free = new ServerSocket(0)) {
                    port = free.getLocalPort();
                }
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                        new String[] {"-inMemory", "-port", Integer.toString(port)});
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.stop();
                    } catch (Exception e) {
                        // the JVM is exiting
                    }
                }));
                endpoint = URI.create("http://127.0.0.1:" + port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start over HTTP: " + e, e);
            }
        }
        return endpoint;
    }
}
