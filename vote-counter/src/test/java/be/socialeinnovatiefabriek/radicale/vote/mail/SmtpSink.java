package be.socialeinnovatiefabriek.radicale.vote.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server on loopback that keeps only who each mail was for and when it came: the load benchmark's mail
 * server, which leaves the two shared cores to the counter (a full mail server parses and stores every message),
 * and a server that refuses chosen recipients as a real one does ({@link #refuse}). It speaks enough SMTP for
 * Jakarta Mail: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
 */
public final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "smtp-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final AtomicInteger mails = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong lastArrival = new AtomicLong();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private volatile java.util.function.Predicate<String> refuse = recipient -> false;
    private volatile String refusal = "550 5.1.1 no such user";

    public SmtpSink() throws IOException {
        server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-sink accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** From now on, RCPT to a recipient that {@code which} accepts is answered {@code reply} (a 4xx or 5xx line). */
    public void refuse(java.util.function.Predicate<String> which, String reply) {
        this.refusal = reply;
        this.refuse = which;
    }

    /** How many times each recipient was refused. */
    public Map<String, AtomicInteger> refused() {
        return refused;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Mails received so far (one per recipient). */
    public int mails() {
        return mails.get();
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.get();
    }

    /** {@link System#nanoTime()} when the last mail arrived. */
    public long lastArrivalNanos() {
        return lastArrival.get();
    }

    /** How many mails each recipient got. */
    public Map<String, AtomicInteger> perRecipient() {
        return received;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                connections.execute(() -> converse(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            reply(out, "220 sink ESMTP");
            java.util.List<String> recipients = new java.util.ArrayList<>();
            for (String line = line(in); line != null; line = line(in)) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SIZE 10485760");
                    case "HELO", "NOOP" -> reply(out, "250 ok");
                    case "MAIL", "RSET" -> {
                        recipients.clear();
                        reply(out, "250 ok");
                    }
                    case "RCPT" -> {
                        String recipient = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                        if (refuse.test(recipient)) {
                            refused.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
                            reply(out, refusal);
                        } else {
                            recipients.add(recipient);
                            reply(out, "250 ok");
                        }
                    }
                    case "DATA" -> {
                        if (recipients.isEmpty()) {
                            reply(out, "554 no valid recipients");
                            continue;
                        }
                        reply(out, "354 go on");
                        skipMessage(in);
                        long now = System.nanoTime();
                        for (String recipient : recipients) {
                            received.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
                            mails.incrementAndGet();
                        }
                        lastArrival.set(now);
                        recipients.clear();
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not here");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void skipMessage(InputStream in) throws IOException {
        for (String line = line(in); line != null && !line.equals("."); line = line(in)) {
            // the message itself is not kept
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return null;
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
