package be.socialeinnovatiefabriek.radicale.site.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Forwards /api/ and /_outbox/ to the local vote counter, so the preview has one origin as a deployment behind one proxy would. */
final class CounterProxy {

    private static final int MAX_BODY = 64 * 1024;
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "keep-alive", "transfer-encoding",
            "upgrade", "expect", "te", "trailer", "proxy-connection", "http2-settings");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    private final URI counter;

    CounterProxy(int port) {
        this.counter = URI.create("http://127.0.0.1:" + port);
    }

    void forward(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            // The counter itself refuses large bodies; a little more than its limit reaches it so it can say so.
            body = in.readNBytes(MAX_BODY);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(counter.resolve(exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())))
                .timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            byte[] message = "{\"error\":\"counter_unavailable\",\"message\":\"The local vote counter does not answer; see the console.\"}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(502, message.length);
            exchange.getResponseBody().write(message);
            return;
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] answer = response.body();
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.statusCode(), head || answer.length == 0 ? -1 : answer.length);
        if (!head && answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
    }
}
