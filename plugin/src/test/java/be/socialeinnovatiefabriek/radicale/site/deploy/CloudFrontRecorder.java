package be.socialeinnovatiefabriek.radicale.site.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A small HTTP server that speaks CloudFront's CreateInvalidation (REST-XML, API version 2020-05-31) as far as
 * the deploy uses it: it records each request's distribution, caller reference and paths, and answers 201 with
 * an invalidation as CloudFront does. The SDK's real client talks to it over HTTP; no real CloudFront can run here.
 */
public final class CloudFrontRecorder implements AutoCloseable {

    /** One CreateInvalidation request as it arrived. */
    public record Invalidation(String distributionId, String callerReference, List<String> paths, String authorization) {
    }

    private static final String PREFIX = "/2020-05-31/distribution/";
    private static final String SUFFIX = "/invalidation";

    private final HttpServer server;
    private final List<Invalidation> invalidations = new CopyOnWriteArrayList<>();

    public CloudFrontRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Invalidation> invalidations() {
        return List.copyOf(invalidations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!"POST".equals(exchange.getRequestMethod()) || !path.startsWith(PREFIX) || !path.endsWith(SUFFIX)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        String distribution = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        Document request;
        try {
            request = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
            return;
        }
        List<String> paths = new ArrayList<>();
        NodeList items = request.getElementsByTagName("Path");
        for (int i = 0; i < items.getLength(); i++) {
            paths.add(items.item(i).getTextContent());
        }
        String reference = request.getElementsByTagName("CallerReference").item(0).getTextContent();
        invalidations.add(new Invalidation(distribution, reference, paths,
                exchange.getRequestHeaders().getFirst("Authorization")));
        String id = "I" + invalidations.size() + "TESTINVALIDATION";
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Invalidation xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Id>" + id + "</Id>"
                + "<Status>InProgress</Status><CreateTime>2026-12-01T12:00:00Z</CreateTime><InvalidationBatch><Paths>"
                + "<Quantity>" + paths.size() + "</Quantity><Items>");
        paths.forEach(p -> xml.append("<Path>").append(p).append("</Path>"));
        xml.append("</Items></Paths><CallerReference>").append(reference).append("</CallerReference>")
                .append("</InvalidationBatch></Invalidation>");
        byte[] answer = xml.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("Location", endpoint() + PREFIX + distribution + SUFFIX + "/" + id);
        exchange.sendResponseHeaders(201, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
