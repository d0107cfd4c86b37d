package be.socialeinnovatiefabriek.radicale.vote.http;

import java.util.Map;

/** An HTTP response from the core, for an adapter to send as it is. */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {
}
