package be.socialeinnovatiefabriek.radicale.vote.http;

import java.util.Map;

/**
 * An HTTP request as the core sees it, whatever carried it (API Gateway, the local server).
 *
 * @param headers  lower-case header names
 * @param clientIp the caller's address as the platform reports it; hashed before any use
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body,
                         String clientIp) {

    /** Absent parts (an adapter's null) become empty, so the core never meets a null string, map or body. */
    public ApiRequest {
        method = method == null ? "" : method;
        path = path == null ? "" : path;
        query = query == null ? Map.of() : query;
        headers = headers == null ? Map.of() : headers;
        body = body == null ? new byte[0] : body;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
