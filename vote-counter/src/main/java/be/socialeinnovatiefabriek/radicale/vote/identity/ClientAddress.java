package be.socialeinnovatiefabriek.radicale.vote.identity;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A client's IP address, read from a literal and never from DNS, and the key its rate limits are counted
 * under: an IPv4 address on its own, an IPv6 address by its /64 (the block one subscriber gets, where an
 * attacker can pick any of 2^64 addresses). An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is IPv4.
 */
public record ClientAddress(InetAddress address) {

    /** Bytes of an IPv6 address that name its /64. */
    private static final int PREFIX_BYTES = 8;
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

    /**
     * The address written in {@code text} (an IPv4 dotted quad or an IPv6 literal, an IPv6 zone such as
     * {@code %eth0} ignored), or empty when {@code text} is anything else: a host name is never looked up.
     */
    public static Optional<ClientAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        // InetAddress.getByName resolves names through DNS; it only meets strings that can be nothing but a
        // literal: a strict dotted quad (no octal or short forms), or hex digits, dots and colons with a colon and
        // starting with a hex digit or a colon, which it parses as IPv6 or refuses without a lookup.
        boolean ipv4 = DOTTED_QUAD.matcher(literal).matches();
        boolean ipv6 = !ipv4 && literal.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(literal).matches();
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            // An IPv4-mapped IPv6 literal comes back as an Inet4Address.
            return Optional.of(new ClientAddress(InetAddress.getByName(literal)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * The address in CloudFront's {@code CloudFront-Viewer-Address} header: the address and the port,
     * {@code 192.0.2.1:4711} or {@code 2001:db8::1:4711} (no brackets); empty when it is not that.
     */
    public static Optional<ClientAddress> parseWithPort(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || !PORT.matcher(text.substring(colon + 1)).matches()) {
            return Optional.empty();
        }
        String address = text.substring(0, colon);
        return address.startsWith("[") && address.endsWith("]")
                ? parse(address.substring(1, address.length() - 1)) : parse(address);
    }

    /** The key its rate limits are counted under: {@code 192.0.2.1}, or {@code 2001:db8:1:2::/64}. */
    public String limitKey() {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(prefix, PREFIX_BYTES, prefix.length, (byte) 0);
        try {
            return compressed(InetAddress.getByAddress(prefix).getHostAddress()) + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an IPv6 address", e);
        }
    }

    // The JDK writes 2001:db8:1:2:0:0:0:0; the limit key reads the same whatever form the client's address came in.
    private static String compressed(String full) {
        return full.replaceFirst("(?::0)+$", "::");
    }

    @Override
    public String toString() {
        return address.getHostAddress();
    }
}
