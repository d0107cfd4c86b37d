package be.socialeinnovatiefabriek.radicale.vote.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Client addresses are read from literals only, and limited per IPv4 address or per IPv6 /64. */
class ClientAddressTest {

    private static String key(String text) {
        return ClientAddress.parse(text).orElseThrow(() -> new AssertionError("not read: " + text)).limitKey();
    }

    @Test
    void anIpv4AddressIsItsOwnKey() {
        assertEquals("203.0.113.7", key("203.0.113.7"));
        assertEquals("203.0.113.7", key(" 203.0.113.7 "));
    }

    @Test
    void everyAddressOfAnIpv6Slash64SharesOneKey() {
        assertEquals("2001:db8:1:2::/64", key("2001:db8:1:2::1"));
        assertEquals("2001:db8:1:2::/64", key("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"));
        assertEquals("2001:db8:1:2::/64", key("2001:DB8:1:2:dead:beef:0:1"));
        assertEquals("2001:db8:1:3::/64", key("2001:db8:1:3::1"));
        assertEquals("fe80::/64", key("fe80::1%eth0"));
    }

    @Test
    void anIpv4MappedIpv6AddressIsTheIpv4Address() {
        assertEquals("192.0.2.1", key("::ffff:192.0.2.1"));
        assertEquals("192.0.2.1", key("::ffff:c000:201"));
    }

    @Test
    void namesAndMalformedLiteralsAreNotAddressesAndAreNeverLookedUp() {
        // "localhost" and "127.1" would both be 127.0.0.1 to InetAddress.getByName (a lookup, a short form).
        for (String text : List.of("localhost", "example.org", "abc", "beef", "127.1", "0127.0.0.1", "1.2.3.4.5",
                "256.1.1.1", "1.2.3", "::g", "1:2:3:4:5:6:7:8:9", ".::1", "[::1]", "unknown", "", " ", "1.2.3.4, 5.6.7.8",
                "203.0.113.7:80", "x".repeat(5000))) {
            assertEquals(Optional.empty(), ClientAddress.parse(text), text);
        }
        assertEquals(Optional.empty(), ClientAddress.parse(null));
    }

    @Test
    void theLoopbackAddressesAreAddresses() {
        assertEquals("127.0.0.1", key("127.0.0.1"));
        assertTrue(key("::1").endsWith("/64"));
    }
}
