package be.socialeinnovatiefabriek.radicale.vote.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/** The AWS tests' ballot ({@code /aws/ballot-2026.json}) written to a ballot folder, open between two instants. */
final class AwsBallot {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsBallot() {
    }

    /** Writes {@code 2026.json} into {@code folder}, open from {@code opens} until {@code closes} (Brussels winter time). */
    static void writeOpen(Path folder, Instant opens, Instant closes) throws IOException {
        try (InputStream in = AwsBallot.class.getResourceAsStream("/aws/ballot-2026.json")) {
            ObjectNode ballot = (ObjectNode) JSON.readTree(in);
            ballot.put("opens", opens.atOffset(ZoneOffset.ofHours(1)).toString());
            ballot.put("closes", closes.atOffset(ZoneOffset.ofHours(1)).toString());
            JSON.writeValue(folder.resolve("2026.json").toFile(), ballot);
        }
    }
}
