package be.socialeinnovatiefabriek.radicale.vote.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.mail.OutboxMailer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local server against clients that send half a request and stop, over real sockets. A reply that
 * does not come within a socket read timeout of a few seconds fails the test (a hang is the failure).
 */
class HostileClientsTest {

    private static final int SLOW_CLIENTS = 300;
    private static final int ANSWER_WITHIN_MILLIS = 5_000;

    @TempDir
    Path directory;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private LocalServer start(String... extra) throws Exception {
        Path ballots = Files.createDirectories(directory.resolve("ballots"));
        Files.writeString(ballots.resolve("2026.json"), LocalServerTest.ballot());
        List<String> args = new ArrayList<>(List.of("--ballots", ballots.toString(), "--db",
                directory.resolve("votes.db").toString(), "--now", "2026-11-20T12:00+01:00", "--outbox"));
        args.addAll(List.of(extra));
        ServerOptions options = ServerOptions.parse(args.toArray(String[]::new));
        return LocalServer.start(options, options.clock(), LocalServerTest.SETTINGS, new OutboxMailer(50, options.clock()));
    }

    /** A connection that sent {@code request} and nothing more. */
    private Socket sent(LocalServer server, String request) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        sockets.add(socket);
        socket.setSoTimeout(ANSWER_WITHIN_MILLIS);
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    /** Everything the server sends until it closes the connection; a silence of a few seconds fails the test. */
    private static String untilClosed(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            received.write(buffer, 0, n);
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    /** One answer: its head, then as many bytes as its Content-Length says; the connection may stay open. */
    private static String oneAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.write(c);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
        byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
        return text + new String(body, StandardCharsets.UTF_8);
    }

    private static JsonNode jsonBody(String response) throws IOException {
        return new ObjectMapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
    }

    @Test
    void aVoterIsAnsweredWhile300ConnectionsHoldHalfARequest() throws Exception {
        // One request thread and an idle timeout far longer than the test: only holding no thread keeps it up.
        try (LocalServer server = start("--threads", "1", "--idle-timeout", "120")) {
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                slow.add(i % 2 == 0
                        ? sent(server, "GET /api/campaigns/2026 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                        : sent(server, "POST /api/campaigns/2026/votes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"nominee\": "));
            }

            Socket voter = sent(server, "GET /api/campaigns/2026 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            String answer = untilClosed(voter);

            assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
            assertEquals("open", jsonBody(answer).path("phase").asText());
            for (Socket held : List.of(slow.get(0), slow.get(1), slow.get(SLOW_CLIENTS - 1))) {
                held.setSoTimeout(200);
                assertThrows(SocketTimeoutException.class, () -> held.getInputStream().read(),
                        "the slow connections are still open and waiting, not refused");
            }
        }
    }

    @Test
    void aBodyThatNeverArrivesIsAnswered408AndItsConnectionClosed() throws Exception {
        try (LocalServer server = start("--idle-timeout", "1")) {
            Socket stalled = sent(server, "POST /api/campaigns/2026/votes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"nominee\": ");

            String answer = untilClosed(stalled);

            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertTrue(answer.contains("Content-Type: application/json"), answer);
            assertEquals("request_timeout", jsonBody(answer).path("error").asText(), answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), answer);
        }
    }

    @Test
    void headersThatNeverEndAreCutOff() throws Exception {
        try (LocalServer server = start("--idle-timeout", "1")) {
            Socket stalled = sent(server, "GET /api/campaigns/2026 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");

            String answer = untilClosed(stalled);

            assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408 "), answer);
        }
    }

    @Test
    void headersOverTheLimitAreRefusedInJson() throws Exception {
        try (LocalServer server = start()) {
            Socket big = sent(server, "GET /api/campaigns/2026 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                    + "x".repeat(LocalServer.MAX_HEADER_BYTES + 1) + "\r\n\r\n");

            String answer = untilClosed(big);

            assertTrue(answer.startsWith("HTTP/1.1 431 "), answer);
            assertEquals("too_large", jsonBody(answer).path("error").asText(), answer);
        }
    }

    @Test
    void aRequestThatIsNotHttpIsRefusedInJson() throws Exception {
        try (LocalServer server = start()) {
            Socket garbage = sent(server, "GET /api/campaigns/2026 HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n");

            String answer = untilClosed(garbage);

            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            JsonNode body = jsonBody(answer);
            assertEquals("bad_request", body.path("error").asText(), answer);
            assertTrue(body.path("message").asText().length() > 20, answer);
        }
    }

    @Test
    void aConnectOrAnUnknownMethodIsRefusedInJson() throws Exception {
        try (LocalServer server = start()) {
            for (String request : List.of("CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n",
                    "BREW /api/campaigns/2026 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")) {
                String answer = oneAnswer(sent(server, request));

                assertTrue(answer.startsWith("HTTP/1.1 4"), request + " -> " + answer);
                assertTrue(answer.contains("Content-Type: application/json"), request + " -> " + answer);
                assertTrue(jsonBody(answer).path("message").asText().length() > 20, request + " -> " + answer);
            }
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWithoutReadingItAll() throws Exception {
        try (LocalServer server = start()) {
            StringBuilder request = new StringBuilder("POST /api/campaigns/2026/votes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < 5; i++) {
                request.append("400\r\n").append("x".repeat(1024)).append("\r\n");
            }
            // ...and the client goes on sending, slowly, without ever ending the body.
            Socket flood = sent(server, request.toString());

            String answer = untilClosed(flood);

            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertEquals("too_large", jsonBody(answer).path("error").asText(), answer);
        }
    }
}
