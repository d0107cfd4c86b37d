package be.socialeinnovatiefabriek.radicale.vote.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client's address behind reverse proxies: read from a trusted proxy's header and nowhere else; a
 * header from anyone else, or one that cannot be read, leaves the connection's address.
 */
class TrustedProxiesTest {

    private static final TrustedProxies NGINX = TrustedProxies.of(List.of("127.0.0.1", "10.0.0.0/8", "2001:db8:ff::/48"),
            "X-Forwarded-For");
    private static final TrustedProxies CLOUDFRONT = TrustedProxies.of(List.of("130.176.0.0/17", "2600:9000:eeee::/48"),
            "CloudFront-Viewer-Address");

    private static String key(TrustedProxies proxies, String connection, String header, String value) {
        Map<String, String> headers = new HashMap<>();
        if (value != null) {
            headers.put(header, value);
        }
        return proxies.limitKeyOf(connection, headers::get);
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("198.51.100.7", key(TrustedProxies.none(), "198.51.100.7", "x-forwarded-for", "203.0.113.1"));
        assertEquals("198.51.100.7", key(TrustedProxies.none(), "198.51.100.7", "cloudfront-viewer-address", "203.0.113.1:443"));
    }

    @Test
    void aHeaderFromAClientThatIsNotATrustedProxyIsIgnored() {
        assertEquals("198.51.100.7", key(NGINX, "198.51.100.7", "x-forwarded-for", "203.0.113.1"));
        assertEquals("2001:db8:1:2::/64", key(NGINX, "2001:db8:1:2::7", "x-forwarded-for", "203.0.113.1"));
        assertEquals("198.51.100.7", key(CLOUDFRONT, "198.51.100.7", "cloudfront-viewer-address", "203.0.113.1:443"));
    }

    @Test
    void behindATrustedProxyTheRightMostAddressItDidNotWriteIsTheClient() {
        assertEquals("203.0.113.9", key(NGINX, "127.0.0.1", "x-forwarded-for", "203.0.113.9"));
        assertEquals("203.0.113.9", key(NGINX, "127.0.0.1", "x-forwarded-for", "1.1.1.1, 203.0.113.9"),
                "what the client wrote to the left of it is ignored");
        assertEquals("203.0.113.9", key(NGINX, "127.0.0.1", "x-forwarded-for", "1.1.1.1,203.0.113.9, 10.1.2.3 ,127.0.0.1"),
                "past every trusted proxy");
        assertEquals("2001:db8:1:2::/64", key(NGINX, "::ffff:127.0.0.1", "x-forwarded-for", "2001:db8:1:2::9"));
        assertEquals("203.0.113.9", key(NGINX, "10.0.0.2", "x-forwarded-for", "::ffff:203.0.113.9, 2001:db8:ff:1::1"));
    }

    @Test
    void proxiesThatAddAPortAreReadToo() {
        assertEquals("203.0.113.9", key(NGINX, "127.0.0.1", "x-forwarded-for", "203.0.113.9:51234"));
        assertEquals("2001:db8:1:2::/64", key(NGINX, "127.0.0.1", "x-forwarded-for", "[2001:db8:1:2::9]:51234"));
        assertEquals("2001:db8:1:2::/64", key(NGINX, "127.0.0.1", "x-forwarded-for", "[2001:db8:1:2::9]"));
    }

    @Test
    void aHeaderThatCannotBeReadLeavesTheConnectionsAddress() {
        for (String value : List.of("", " ", "unknown", "evil.example", "localhost", "203.0.113.9, garbage", "1.2.3.4;5.6.7.8",
                "[2001:db8::1", "[2001:db8::1]:port", "[]", "203.0.113.9:", "203.0.113.9:99999999", "1.2.3.4,,",
                "x".repeat(10_000), ",".repeat(10_000))) {
            assertEquals("127.0.0.1", key(NGINX, "127.0.0.1", "x-forwarded-for", value), value);
        }
        assertEquals("127.0.0.1", key(NGINX, "127.0.0.1", "x-forwarded-for", "127.0.0.1, 10.0.0.1"),
                "only trusted proxies: the connection");
        assertEquals("127.0.0.1", key(NGINX, "127.0.0.1", "x-forwarded-for", null), "no header");
    }

    @Test
    void behindCloudFrontTheViewerAddressIsTheClient() {
        assertEquals("203.0.113.9", key(CLOUDFRONT, "130.176.12.34", "cloudfront-viewer-address", "203.0.113.9:46532"));
        assertEquals("2001:db8:1:2::/64",
                key(CLOUDFRONT, "2600:9000:eeee::5", "cloudfront-viewer-address", "2001:db8:1:2:aaaa:bbbb:cccc:dddd:46532"));
        assertEquals("2001:db8:1:2::/64", key(CLOUDFRONT, "130.176.12.34", "cloudfront-viewer-address", "2001:db8:1:2::9:443"));
        assertEquals("203.0.113.9", key(CLOUDFRONT, "130.176.12.34", "cloudfront-viewer-address", "[203.0.113.9]:443"));
        assertEquals("130.176.12.34", key(CLOUDFRONT, "130.176.12.34", "x-forwarded-for", "203.0.113.9"),
                "another header is not read");
        for (String value : List.of("203.0.113.9", "203.0.113.9, 198.51.100.1:443", "evil:443", "::443", ":443")) {
            assertEquals("130.176.12.34", key(CLOUDFRONT, "130.176.12.34", "cloudfront-viewer-address", value), value);
        }
    }

    @Test
    void mistakesInTheSettingsAreExplained() {
        Map<String, String> env = Map.of(
                "VOTE_TRUSTED_PROXIES", "127.0.0.1, proxy.local, 10.0.0.0/33, 0.0.0.0/0, 10.1.2.3/8, ::/0",
                "VOTE_CLIENT_ADDRESS_HEADER", "X Forwarded For");
        List<Problem> problems = new java.util.ArrayList<>();

        TrustedProxies.fromEnvironment(env, problems);

        assertEquals(6, problems.size(), problems.toString());
        assertEquals(List.of("VOTE_TRUSTED_PROXIES", "VOTE_TRUSTED_PROXIES", "VOTE_TRUSTED_PROXIES", "VOTE_TRUSTED_PROXIES",
                "VOTE_TRUSTED_PROXIES", "VOTE_CLIENT_ADDRESS_HEADER"), problems.stream().map(Problem::where).toList());
        assertTrue(problems.get(0).toString().contains("'proxy.local' is not an IP address or CIDR block"), problems.get(0).toString());
        assertTrue(problems.get(1).toString().contains("'10.0.0.0/33' needs a prefix length from 1 to 32"), problems.get(1).toString());
        assertTrue(problems.get(2).toString().contains("'0.0.0.0/0' needs a prefix length"), problems.get(2).toString());
        assertTrue(problems.get(3).fix().contains("write the block's first address (10.0.0.0/8)"), problems.get(3).toString());
        assertTrue(problems.get(4).toString().contains("'::/0' needs a prefix length from 1 to 128"), problems.get(4).toString());
        assertTrue(problems.get(5).toString().startsWith("VOTE_CLIENT_ADDRESS_HEADER: 'X Forwarded For' is not a header name"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("nginx"), "X-Forwarded-For"));
    }

    @Test
    void theSettingsDefaultToNoTrustedProxyAndXForwardedFor() {
        List<Problem> problems = new java.util.ArrayList<>();
        TrustedProxies proxies = TrustedProxies.fromEnvironment(Map.of("VOTE_TRUSTED_PROXIES", "127.0.0.1,::1"), problems);

        assertEquals(List.of(), problems);
        assertEquals("203.0.113.9", key(proxies, "::1", "x-forwarded-for", "203.0.113.9"));
        assertEquals("none", TrustedProxies.fromEnvironment(Map.of(), problems).toString());
    }
}
