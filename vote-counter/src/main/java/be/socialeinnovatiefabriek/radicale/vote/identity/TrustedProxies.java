package be.socialeinnovatiefabriek.radicale.vote.identity;

import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Where a request comes from when the counter sits behind reverse proxies: the connection's address, unless
 * that connection comes from a trusted proxy (VOTE_TRUSTED_PROXIES), and then the address the proxy names in
 * its header (VOTE_CLIENT_ADDRESS_HEADER) and nowhere else. A header sent by anyone else is ignored; a
 * header that cannot be read leaves the connection's address.
 */
public final class TrustedProxies {

    /** The header read from a trusted proxy when VOTE_CLIENT_ADDRESS_HEADER is not set. */
    public static final String DEFAULT_HEADER = "X-Forwarded-For";

    private static final String CLOUDFRONT = "cloudfront-viewer-address";
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private final List<Block> proxies;
    private final String header;

    private TrustedProxies(List<Block> proxies, String header) {
        this.proxies = List.copyOf(proxies);
        this.header = header.toLowerCase(Locale.ROOT);
    }

    /** No proxy is trusted: the connection's address is the client's. */
    public static TrustedProxies none() {
        return new TrustedProxies(List.of(), DEFAULT_HEADER);
    }

    /**
     * Proxies in {@code blocks} (addresses or CIDR blocks, such as {@code 127.0.0.1}, {@code 10.0.0.0/8} or
     * {@code 2001:db8::/32}) whose {@code header} names the client.
     *
     * @throws IllegalArgumentException naming the first block or header that cannot be read
     */
    public static TrustedProxies of(List<String> blocks, String header) {
        List<Problem> problems = new ArrayList<>();
        TrustedProxies proxies = parse(String.join(",", blocks), header, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).toString());
        }
        return proxies;
    }

    /** VOTE_TRUSTED_PROXIES and VOTE_CLIENT_ADDRESS_HEADER; what cannot be read is added to {@code problems}. */
    public static TrustedProxies fromEnvironment(Map<String, String> env, List<Problem> problems) {
        String header = env.get("VOTE_CLIENT_ADDRESS_HEADER");
        return parse(env.getOrDefault("VOTE_TRUSTED_PROXIES", ""),
                header == null || header.isBlank() ? DEFAULT_HEADER : header.strip(), problems);
    }

    private static TrustedProxies parse(String blocks, String header, List<Problem> problems) {
        List<Block> proxies = new ArrayList<>();
        for (String part : blocks.split(",")) {
            if (!part.isBlank()) {
                Block.parse(part.strip(), problems).ifPresent(proxies::add);
            }
        }
        if (!HEADER_NAME.matcher(header).matches()) {
            problems.add(new Problem("VOTE_CLIENT_ADDRESS_HEADER", "'" + header + "' is not a header name", "write "
                    + "X-Forwarded-For (the default, for a reverse proxy such as nginx) or CloudFront-Viewer-Address "
                    + "(behind CloudFront)"));
        }
        return new TrustedProxies(proxies, header);
    }

    /** Whether any proxy is trusted at all. */
    public boolean any() {
        return !proxies.isEmpty();
    }

    /**
     * The key the client of a request is rate-limited under (see {@link ClientAddress#limitKey()}).
     *
     * @param connectionIp the address the connection came from, as the platform reports it
     * @param headers      the request's header of a (lower-case) name, or null
     */
    public String limitKeyOf(String connectionIp, UnaryOperator<String> headers) {
        Optional<ClientAddress> connection = ClientAddress.parse(connectionIp);
        if (connection.isEmpty()) {
            // Both platforms report a literal; should one ever not, it still gets a budget of its own.
            return "unreadable:" + connectionIp;
        }
        return clientOf(connection.get(), headers.apply(header)).limitKey();
    }

    private ClientAddress clientOf(ClientAddress connection, String value) {
        if (value == null || !trusts(connection)) {
            return connection;
        }
        if (header.equals(CLOUDFRONT)) {
            return withPort(value.strip()).orElse(connection);
        }
        // Each proxy appends the address it saw: read from the right, past our own proxies, to the first
        // address that no trusted proxy wrote; what lies further left is whatever the client claimed.
        String[] hops = value.split(",", -1);
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<ClientAddress> hop = hop(hops[i].strip());
            if (hop.isEmpty()) {
                return connection;
            }
            if (!trusts(hop.get())) {
                return hop.get();
            }
        }
        return connection;
    }

    private boolean trusts(ClientAddress address) {
        for (Block block : proxies) {
            if (block.contains(address.address())) {
                return true;
            }
        }
        return false;
    }

    // One X-Forwarded-For entry: 192.0.2.1, 2001:db8::1, and the forms some proxies add a port to:
    // 192.0.2.1:4711, [2001:db8::1] and [2001:db8::1]:4711.
    private static Optional<ClientAddress> hop(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            String rest = close < 0 ? "" : hop.substring(close + 1);
            boolean portOk = rest.isEmpty() || (rest.startsWith(":") && PORT.matcher(rest.substring(1)).matches());
            return close > 1 && portOk ? ClientAddress.parse(hop.substring(1, close)) : Optional.empty();
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':')) {
            return PORT.matcher(hop.substring(colon + 1)).matches()
                    ? ClientAddress.parse(hop.substring(0, colon)).filter(a -> a.address() instanceof Inet4Address)
                    : Optional.empty();
        }
        return ClientAddress.parse(hop);
    }

    // CloudFront-Viewer-Address: the address and the port, 192.0.2.1:4711 or 2001:db8::1:4711 (no brackets).
    private static Optional<ClientAddress> withPort(String value) {
        return ClientAddress.parseWithPort(value);
    }

    @Override
    public String toString() {
        return proxies.isEmpty() ? "none" : proxies + " via " + header;
    }

    /** A CIDR block: the first {@code bits} bits of {@code network}. */
    private record Block(byte[] network, int bits, String text) {

        static Optional<Block> parse(String text, List<Problem> problems) {
            int slash = text.indexOf('/');
            Optional<ClientAddress> address = ClientAddress.parse(slash < 0 ? text : text.substring(0, slash));
            if (address.isEmpty()) {
                problems.add(new Problem("VOTE_TRUSTED_PROXIES", "'" + text + "' is not an IP address or CIDR block",
                        "list the addresses of your reverse proxies, comma-separated (for example "
                        + "127.0.0.1,10.0.0.0/8,2001:db8::/32)"));
                return Optional.empty();
            }
            byte[] network = address.get().address().getAddress();
            int bits = network.length * 8;
            if (slash >= 0) {
                String prefix = text.substring(slash + 1);
                bits = prefix.matches("[0-9]{1,3}") ? Integer.parseInt(prefix) : -1;
                if (bits < 1 || bits > network.length * 8) {
                    problems.add(new Problem("VOTE_TRUSTED_PROXIES", "'" + text + "' needs a prefix length from 1 to "
                            + network.length * 8 + " after the slash", "name your proxies' own block: a block of every "
                            + "address would let any client choose the address it is counted under"));
                    return Optional.empty();
                }
                if (!Arrays.equals(masked(network, bits), network)) {
                    problems.add(new Problem("VOTE_TRUSTED_PROXIES", "'" + text + "' has bits set after its /" + bits,
                            "write the block's first address (" + hostAddress(masked(network, bits)) + "/" + bits
                            + ") or a single address without a slash"));
                    return Optional.empty();
                }
            }
            return Optional.of(new Block(network, bits, text));
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            return bytes.length == network.length && Arrays.equals(masked(bytes, bits), masked(network, bits));
        }

        private static byte[] masked(byte[] bytes, int bits) {
            byte[] masked = bytes.clone();
            for (int i = 0; i < masked.length; i++) {
                int keep = Math.max(0, Math.min(8, bits - i * 8));
                masked[i] &= (byte) (0xff << (8 - keep));
            }
            return masked;
        }

        private static String hostAddress(byte[] bytes) {
            try {
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException("4 or 16 bytes are always an address", e);
            }
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
