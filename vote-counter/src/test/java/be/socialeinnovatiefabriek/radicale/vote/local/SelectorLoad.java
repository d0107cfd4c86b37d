package be.socialeinnovatiefabriek.radicale.vote.local;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lean load generator: many keep-alive HTTP/1.1 connections, one request in flight on each, all driven by one
 * thread over a selector. Requests are bytes made before the clock starts (or by a cheap function), answers are
 * read as bytes for their status and length only: what the counter's two cores lose to the load generator stays
 * small (a thread a connection costs a wake-up per answer, which on two cores is CPU the counter does not get).
 */
final class SelectorLoad {

    /** The requests to send, by number; null once there are no more. */
    interface Requests {
        byte[] request(int i);
    }

    /** What became of each request sent: its status, or that its connection failed before the whole answer came. */
    interface Answers {
        /** Returns false to stop sending (the load generator then waits only for what is in flight). */
        boolean answered(int i, int status);

        void unanswered(int i, IOException failure);
    }

    private static final int BUFFER = 16 * 1024;

    private SelectorLoad() {
    }

    /** A POST of {@code json} to {@code path}, as a browser's script sends it (less its many headers). */
    static byte[] post(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /**
     * Sends requests 0, 1, 2, ... over {@code connections} connections until {@code requests} has none left, the
     * {@code deadline} ({@link System#nanoTime()}) has passed or {@code answers} says stop; returns once every
     * connection is idle or failed. Without {@code tolerateFailures} a failed connection fails the run.
     */
    static void run(int port, int connections, Requests requests, Answers answers, long deadline, boolean tolerateFailures)
            throws IOException {
        try (Selector selector = Selector.open()) {
            List<Connection> open = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                Connection connection = new Connection(channel);
                connection.key = channel.register(selector, 0, connection);
                open.add(connection);
            }
            int[] next = {0};
            boolean[] sending = {true};
            int busy = 0;
            for (Connection connection : open) {
                if (connection.send(requests, next, sending, deadline)) {
                    busy++;
                }
            }
            while (busy > 0) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    try {
                        if (key.isWritable()) {
                            connection.flush();
                        }
                        if (key.isValid() && key.isReadable()) {
                            int status = connection.read();
                            if (status > 0) {
                                if (!answers.answered(connection.request, status)) {
                                    sending[0] = false;
                                }
                                if (!connection.send(requests, next, sending, deadline)) {
                                    busy--;
                                }
                            }
                        }
                    } catch (IOException e) {
                        busy--;
                        key.cancel();
                        connection.channel.close();
                        answers.unanswered(connection.request, e);
                        if (!tolerateFailures) {
                            throw e;
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
            for (Connection connection : open) {
                connection.channel.close();
            }
        }
    }

    /** One connection: the request in flight and what has arrived of its answer. */
    private static final class Connection {
        private final SocketChannel channel;
        private final ByteBuffer in = ByteBuffer.allocate(BUFFER);
        private SelectionKey key;
        private ByteBuffer out;
        private int request = -1;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        /** Sends the next request, if there is one and time is left; false when this connection is done. */
        boolean send(Requests requests, int[] next, boolean[] sending, long deadline) throws IOException {
            byte[] bytes = sending[0] && System.nanoTime() < deadline ? requests.request(next[0]) : null;
            if (bytes == null) {
                sending[0] = false;
                key.interestOps(0);
                return false;
            }
            request = next[0]++;
            out = ByteBuffer.wrap(bytes);
            flush();
            return true;
        }

        void flush() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE | SelectionKey.OP_READ : SelectionKey.OP_READ);
        }

        /** Reads what has arrived; the status once the whole answer is in, else 0. */
        int read() throws IOException {
            if (channel.read(in) < 0) {
                throw new EOFException("the connection closed before the whole answer came");
            }
            byte[] bytes = in.array();
            int end = headEnd(bytes, in.position());
            if (end < 0) {
                if (!in.hasRemaining()) {
                    throw new IOException("an answer's head is larger than " + BUFFER + " bytes");
                }
                return 0;
            }
            int length = contentLength(bytes, end);
            if (end + length > BUFFER) {
                throw new IOException("an answer is larger than " + BUFFER + " bytes");
            }
            if (in.position() < end + length) {
                return 0;
            }
            if (in.position() > end + length) {
                throw new IOException("the counter answered more than was asked");
            }
            int status = (bytes[9] - '0') * 100 + (bytes[10] - '0') * 10 + (bytes[11] - '0');
            in.clear();
            return status;
        }

        /** Where the body begins (after the blank line), or -1 while the head is incomplete. */
        private static int headEnd(byte[] bytes, int length) {
            for (int i = 3; i < length; i++) {
                if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                    return i + 1;
                }
            }
            return -1;
        }

        private static int contentLength(byte[] bytes, int end) {
            String head = new String(bytes, 0, end, StandardCharsets.US_ASCII);
            int at = indexOfIgnoreCase(head, "\r\ncontent-length:");
            if (at < 0) {
                return 0;
            }
            int from = at + "\r\ncontent-length:".length();
            return Integer.parseInt(head.substring(from, head.indexOf('\r', from)).trim());
        }

        private static int indexOfIgnoreCase(String text, String lower) {
            for (int i = 0; i + lower.length() <= text.length(); i++) {
                if (text.regionMatches(true, i, lower, 0, lower.length())) {
                    return i;
                }
            }
            return -1;
        }
    }
}
