package be.socialeinnovatiefabriek.radicale.vote.local;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection that posts JSON and reads the status, and nothing more: a load
 * generator that leaves the CPU to the counter (the JDK HttpClient costs about as much CPU per request as
 * the counter itself, and here both share two cores).
 */
final class KeepAliveConnection implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    KeepAliveConnection(int port) throws IOException {
        this(port, 0);
    }

    /** With {@code timeoutMillis} above 0, an answer that takes longer fails with a SocketTimeoutException. */
    KeepAliveConnection(int port, int timeoutMillis) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
    }

    /** Posts {@code json} to {@code path} and returns the status once the whole answer is read. */
    int post(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        byte[] request = (head + json).getBytes(StandardCharsets.UTF_8);
        out.write(request);
        out.flush();
        String statusLine;
        try {
            statusLine = line();
        } catch (EOFException e) {
            throw new ClosedBeforeAnswer();
        }
        int length = 0;
        for (String header = line(); !header.isEmpty(); header = line()) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring("content-length:".length()).trim());
            }
        }
        if (in.readNBytes(length).length < length) {
            throw new EOFException("the answer ended early");
        }
        return Integer.parseInt(statusLine.substring(9, 12));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** The server closed the connection without answering (an idle keep-alive connection it had let go). */
    static final class ClosedBeforeAnswer extends EOFException {
        ClosedBeforeAnswer() {
            super("the connection closed before the answer began");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
