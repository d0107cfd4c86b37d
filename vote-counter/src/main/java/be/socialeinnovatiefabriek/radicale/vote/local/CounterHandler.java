package be.socialeinnovatiefabriek.radicale.vote.local;

import be.socialeinnovatiefabriek.radicale.vote.core.ApiRequest;
import be.socialeinnovatiefabriek.radicale.vote.core.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.core.CounterApi;
import be.socialeinnovatiefabriek.radicale.vote.mail.OutboxMailer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Carries an HttpExchange to the core and its answer back; also shows the outbox when there is one. */
final class CounterHandler implements HttpHandler {

    /** The core refuses bodies over 4 KiB; one byte more is enough to know a body is too large. */
    private static final int BODY_LIMIT = 4096 + 1;

    private final CounterApi api;
    private final OutboxMailer outbox;

    CounterHandler(CounterApi api, OutboxMailer outbox) {
        this.api = api;
        this.outbox = outbox;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (outbox != null && exchange.getRequestMethod().equals("GET") && path.startsWith("/_outbox/")) {
                showOutbox(exchange, path);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(BODY_LIMIT);
            }
            ApiRequest request = new ApiRequest(exchange.getRequestMethod(), path, query(exchange.getRequestURI().getRawQuery()),
                    headers(exchange), body, exchange.getRemoteAddress().getAddress().getHostAddress());
            send(exchange, api.handle(request));
        } finally {
            exchange.close();
        }
    }

    private void showOutbox(HttpExchange exchange, String path) throws IOException {
        Map<String, String> headers = Map.of("Cache-Control", "no-store", "X-Content-Type-Options", "nosniff");
        if (path.equals("/_outbox/")) {
            send(exchange, new ApiResponse(200, with(headers, "text/html; charset=utf-8"),
                    outbox.html().getBytes(StandardCharsets.UTF_8)));
        } else if (path.equals("/_outbox/messages.json")) {
            send(exchange, new ApiResponse(200, with(headers, "application/json; charset=utf-8"),
                    outbox.json().getBytes(StandardCharsets.UTF_8)));
        } else {
            send(exchange, new ApiResponse(404, with(headers, "text/plain; charset=utf-8"),
                    "The outbox is at /_outbox/ and /_outbox/messages.json.\n".getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static Map<String, String> with(Map<String, String> headers, String contentType) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", contentType);
        return all;
    }

    private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        response.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = response.body() == null ? new byte[0] : response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                String.join(name.equalsIgnoreCase("cookie") ? "; " : ", ", values)));
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
