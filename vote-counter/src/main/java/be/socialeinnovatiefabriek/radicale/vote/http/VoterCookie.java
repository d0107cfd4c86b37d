package be.socialeinnovatiefabriek.radicale.vote.http;

import be.socialeinnovatiefabriek.radicale.vote.identity.RandomToken;
import java.net.URI;

/** The {@code voter} cookie: a random browser token, the voter key when an edition asks no e-mail (verification none). */
final class VoterCookie {

    static final String NAME = "voter";
    private static final long ONE_YEAR_SECONDS = 365L * 24 * 3600;

    private VoterCookie() {
    }

    /** The browser token the request carries, or null when it has none (or one we did not make). */
    static String read(ApiRequest request) {
        String cookies = request.header("cookie");
        if (cookies == null) {
            return null;
        }
        for (String cookie : cookies.split(";")) {
            String pair = cookie.trim();
            if (pair.startsWith(NAME + "=")) {
                String token = pair.substring(NAME.length() + 1);
                if (RandomToken.wellFormed(token)) {
                    return token;
                }
            }
        }
        return null;
    }

    /** The Set-Cookie value: HttpOnly, SameSite=Lax, for the API's paths, Secure when the counter is on https. */
    static String set(String token, URI publicUrl) {
        return NAME + "=" + token + "; Path=/api/; Max-Age=" + ONE_YEAR_SECONDS + "; HttpOnly; SameSite=Lax"
                + ("https".equalsIgnoreCase(publicUrl.getScheme()) ? "; Secure" : "");
    }
}
