package be.socialeinnovatiefabriek.radicale.vote.store;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local in process (about 2 s to start), shared by every test class of the run; each test gets
 * its own table.
 */
public final class DynamoDbLocal {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynamoDbClient client;

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
        String table = "votes-" + TABLES.incrementAndGet();
        DynamoDbVoteStore.createTable(client(), table);
        return table;
    }
}
