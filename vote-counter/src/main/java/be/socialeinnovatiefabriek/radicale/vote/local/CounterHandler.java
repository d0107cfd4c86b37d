package be.socialeinnovatiefabriek.radicale.vote.local;

import be.socialeinnovatiefabriek.radicale.vote.http.ApiRequest;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.http.CounterApi;
import be.socialeinnovatiefabriek.radicale.vote.mail.OutboxMailer;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Carries a Jetty request to the core and its answer back; also shows the outbox when there is one. The body
 * is read without holding a thread while it has not arrived, and no further than the core would read it.
 */
final class CounterHandler extends Handler.Abstract {

    /** The core refuses bodies over its limit; one byte more is enough to know a body is too large. */
    private static final int BODY_LIMIT = CounterApi.MAX_BODY_BYTES + 1;

    private final CounterApi api;
    private final OutboxMailer outbox;
    private final Runnable awaitMails;
    private final Executor threads;

    /**
     * @param awaitMails waits (briefly) until the mails queued so far are in the outbox, before it is shown
     * @param threads    runs the requests that wait (for a commit, a read, the outbox)
     */
    CounterHandler(CounterApi api, OutboxMailer outbox, Runnable awaitMails, Executor threads) {
        // Jetty calls it on the thread that read the request, with no hand-over to another: a confirmation is
        // handled there up to its queued write (its answer comes from the store's answering thread), every other
        // request goes to {@code threads}.
        super(InvocationType.NON_BLOCKING);
        this.api = api;
        this.outbox = outbox;
        this.awaitMails = awaitMails;
        this.threads = threads;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        // CONNECT host:port and OPTIONS * name no path: the core answers them as an address it does not know.
        String path = Objects.requireNonNullElse(request.getHttpURI().getDecodedPath(), "");
        if (outbox != null && request.getMethod().equals("GET") && path.startsWith("/_outbox/")) {
            onAThread(() -> {
                awaitMails.run(); // a mail queued by the vote just made is there to see
                send(response, showOutbox(path), true, callback);
            }, callback);
            return true;
        }
        new Exchange(request, response, callback, path).run();
        return true;
    }

    /** One request: its body read chunk by chunk as it arrives, then the core's answer. */
    private final class Exchange implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final String path;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Exchange(Request request, Response response, Callback callback, String path) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.path = path;
        }

        /** Reads what has arrived; when more is due, asks Jetty to call again once it is there (no thread waits). */
        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    failed(chunk.getFailure());
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                int take = Math.min(bytes.remaining(), BODY_LIMIT - body.size());
                byte[] copy = new byte[take];
                bytes.get(copy);
                body.write(copy, 0, take);
                boolean last = chunk.isLast();
                chunk.release();
                if (last || body.size() >= BODY_LIMIT) {
                    answer(last);
                    return;
                }
            }
        }

        private void failed(Throwable failure) {
            if (failure instanceof TimeoutException) {
                // The client stopped sending its body: say so, and close the connection (the rest never comes).
                send(response, CounterApi.error(408, "request_timeout", "The request's body did not arrive in time; "
                        + "send the request again."), false, callback);
            } else {
                callback.failed(failure);
            }
        }

        private void answer(boolean wholeBody) {
            // From here the time is the counter's (a vote waits for its commit), not an idle client's.
            request.addIdleTimeoutListener(timeout -> false);
            ApiRequest apiRequest = new ApiRequest(request.getMethod(), path, query(request.getHttpURI().getQuery()),
                    headers(request.getHeaders()), body.toByteArray(), Request.getRemoteAddr(request));
            if (!CounterApi.answersLater(apiRequest)) {
                onAThread(() -> send(response, api.handle(apiRequest), wholeBody, callback), callback);
                return;
            }
            // A confirmation is answered once its vote is durable, by the store's answering thread: no thread waits
            // for the commit. Until its write is queued it neither reads the file nor waits.
            api.handleLater(apiRequest).whenComplete((answer, failure) -> {
                if (failure != null) {
                    callback.failed(failure);
                } else {
                    send(response, answer, wholeBody, callback);
                }
            });
        }
    }

    /** Runs {@code work} on a request thread; if there is none to be had (the server stops), the request fails. */
    private void onAThread(Runnable work, Callback callback) {
        try {
            threads.execute(work);
        } catch (RejectedExecutionException e) {
            callback.failed(e);
        }
    }

    /**
     * The answer to what Jetty refuses before the counter sees it (a malformed request, headers over the
     * limit, a body that stopped arriving), or to a failure of the counter: JSON as every other answer.
     */
    static boolean refuse(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
        }
        ApiResponse answer = switch (status) {
            case 400 -> CounterApi.error(400, "bad_request", "The request is not valid HTTP/1.1"
                    + reason(request) + "; check the program that sent it.");
            case 408 -> CounterApi.error(408, "request_timeout", "The request did not arrive in time; send it again.");
            case 413 -> CounterApi.error(413, "too_large", "The request is too large; a vote needs far less.");
            case 414 -> CounterApi.error(414, "too_large", "The request's address is too long.");
            case 431 -> CounterApi.error(431, "too_large", "The request's headers are larger than "
                    + LocalServer.MAX_HEADER_BYTES / 1024 + " KiB.");
            default -> status >= 400 && status < 500
                    ? CounterApi.error(status, "bad_request", "The request cannot be answered (" + status + " "
                            + HttpStatus.getMessage(status) + ").")
                    : CounterApi.error(500, "server_error", "The vote counter failed to answer; nothing was counted. "
                            + "Please try again in a minute.");
        };
        send(response, answer, false, callback);
        return true;
    }

    // Jetty's reason names the rule the request broke (never the request's own bytes).
    private static String reason(Request request) {
        Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        return message instanceof String text && !text.isBlank() && text.length() < 100 ? " (" + text + ")" : "";
    }

    private ApiResponse showOutbox(String path) {
        Map<String, String> headers = Map.of("Cache-Control", "no-store", "X-Content-Type-Options", "nosniff");
        if (path.equals("/_outbox/")) {
            return new ApiResponse(200, with(headers, "text/html; charset=utf-8"), outbox.html().getBytes(StandardCharsets.UTF_8));
        }
        if (path.equals("/_outbox/messages.json")) {
            return new ApiResponse(200, with(headers, "application/json; charset=utf-8"),
                    outbox.json().getBytes(StandardCharsets.UTF_8));
        }
        return new ApiResponse(404, with(headers, "text/plain; charset=utf-8"),
                "The outbox is at /_outbox/ and /_outbox/messages.json.\n".getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> with(Map<String, String> headers, String contentType) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", contentType);
        return all;
    }

    /** Sends {@code answer}; with {@code keepAlive} false the connection closes after it (a body was left unread). */
    private static void send(Response response, ApiResponse answer, boolean keepAlive, Callback callback) {
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        answer.headers().forEach(headers::put);
        if (!keepAlive) {
            headers.put(HttpHeader.CONNECTION, "close");
        }
        byte[] body = answer.body() == null ? new byte[0] : answer.body();
        if (!HttpStatus.hasNoBody(answer.status())) {
            headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static Map<String, String> headers(HttpFields fields) {
        Map<String, String> headers = new HashMap<>();
        for (HttpField field : fields) {
            String name = field.getName().toLowerCase(Locale.ROOT);
            headers.merge(name, field.getValue(), (first, next) -> first + (name.equals("cookie") ? "; " : ", ") + next);
        }
        return headers;
    }

    /** Decodes the query; a malformed escape is passed on as it is, and the core refuses the value. */
    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            query.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
