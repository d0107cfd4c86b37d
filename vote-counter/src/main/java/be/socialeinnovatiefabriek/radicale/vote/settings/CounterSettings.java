package be.socialeinnovatiefabriek.radicale.vote.settings;

import be.socialeinnovatiefabriek.radicale.vote.address.DisposableDomains;
import be.socialeinnovatiefabriek.radicale.vote.address.MailboxRules;
import be.socialeinnovatiefabriek.radicale.vote.identity.TrustedProxies;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The counter's settings, read once from the environment and validated as a whole.
 *
 * @param hmacKey           VOTE_HMAC_KEY: keys the hashes of addresses, browser tokens and client IPs
 * @param adminToken        VOTE_ADMIN_TOKEN: the bearer token of the admin export
 * @param allowedOrigins    VOTE_ALLOWED_ORIGINS: the site origins that may post votes and read answers
 * @param publicUrl         VOTE_PUBLIC_URL: the counter's public base URL, without a trailing slash
 * @param submissionsPerIpPerMinute VOTE_RATE_IP_PER_MINUTE (default 10): sustained vote submissions per client
 * @param submissionBurstPerIp      VOTE_RATE_IP_BURST (default 20): submissions a client may make at once
 * @param submissionsPerAddressPerHour VOTE_RATE_ADDRESS_PER_HOUR (default 3): mails to one address per hour
 * @param mailboxRules      what counts as one mailbox: the built-in table, plus the file VOTE_MAILBOX_RULES names
 * @param trustedProxies    VOTE_TRUSTED_PROXIES and VOTE_CLIENT_ADDRESS_HEADER: whose header names the client
 * @param disposableDomains the bundled list, VOTE_DISPOSABLE_DOMAINS_FILE and VOTE_DISPOSABLE_DOMAINS_ALLOW
 * @param challengeMaxNumber VOTE_CHALLENGE_MAX_NUMBER (default {@value #DEFAULT_CHALLENGE_MAX_NUMBER}): the proof of
 *                           work asked before a vote without e-mail counts; a browser tries half as many hashes on average
 */
public record CounterSettings(String hmacKey, String adminToken, List<String> allowedOrigins, URI publicUrl,
                              int submissionsPerIpPerMinute, int submissionBurstPerIp,
                              int submissionsPerAddressPerHour, MailboxRules mailboxRules,
                              TrustedProxies trustedProxies, DisposableDomains disposableDomains,
                              int challengeMaxNumber) {

    public static final int MIN_HMAC_KEY_LENGTH = 32;
    public static final int MIN_ADMIN_TOKEN_LENGTH = 16;
    /** About a second of SHA-256 for a mid-range phone on average (see the README, "Integrity"). */
    public static final int DEFAULT_CHALLENGE_MAX_NUMBER = 200_000;
    /** Beyond this a phone would take minutes (about 100 times the default). */
    public static final int MAX_CHALLENGE_MAX_NUMBER = 20_000_000;

    public CounterSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** Settings with the built-in mailbox rules, no trusted proxy, the bundled list of disposable domains and the default proof of work. */
    public CounterSettings(String hmacKey, String adminToken, List<String> allowedOrigins, URI publicUrl,
                           int submissionsPerIpPerMinute, int submissionBurstPerIp, int submissionsPerAddressPerHour) {
        this(hmacKey, adminToken, allowedOrigins, publicUrl, submissionsPerIpPerMinute, submissionBurstPerIp,
                submissionsPerAddressPerHour, MailboxRules.builtIn(), TrustedProxies.none(), DisposableDomains.bundled());
    }

    /** Settings with the default proof of work. */
    public CounterSettings(String hmacKey, String adminToken, List<String> allowedOrigins, URI publicUrl,
                           int submissionsPerIpPerMinute, int submissionBurstPerIp, int submissionsPerAddressPerHour,
                           MailboxRules mailboxRules, TrustedProxies trustedProxies, DisposableDomains disposableDomains) {
        this(hmacKey, adminToken, allowedOrigins, publicUrl, submissionsPerIpPerMinute, submissionBurstPerIp,
                submissionsPerAddressPerHour, mailboxRules, trustedProxies, disposableDomains, DEFAULT_CHALLENGE_MAX_NUMBER);
    }

    /** Reads the settings from {@code env}, or throws {@link InvalidSettings} naming every problem. */
    public static CounterSettings fromEnvironment(Map<String, String> env) {
        List<Problem> problems = new ArrayList<>();
        String hmacKey = env.getOrDefault("VOTE_HMAC_KEY", "");
        if (hmacKey.length() < MIN_HMAC_KEY_LENGTH) {
            problems.add(new Problem("VOTE_HMAC_KEY", "must be a secret of at least " + MIN_HMAC_KEY_LENGTH
                    + " characters (got " + hmacKey.length() + ")", "generate one with `openssl rand -base64 48`"));
        }
        String adminToken = env.getOrDefault("VOTE_ADMIN_TOKEN", "");
        if (adminToken.length() < MIN_ADMIN_TOKEN_LENGTH) {
            problems.add(new Problem("VOTE_ADMIN_TOKEN", "must be a secret of at least " + MIN_ADMIN_TOKEN_LENGTH
                    + " characters (got " + adminToken.length() + ")", "generate one with `openssl rand -base64 24`"));
        }
        List<String> origins = origins(env.get("VOTE_ALLOWED_ORIGINS"), problems);
        URI publicUrl = publicUrl(env.get("VOTE_PUBLIC_URL"), problems);
        int perIp = positive(env, "VOTE_RATE_IP_PER_MINUTE", 10, problems);
        int burst = positive(env, "VOTE_RATE_IP_BURST", 20, problems);
        int perAddress = positive(env, "VOTE_RATE_ADDRESS_PER_HOUR", 3, problems);
        MailboxRules mailboxRules = mailboxRules(env.get("VOTE_MAILBOX_RULES"), problems);
        TrustedProxies proxies = TrustedProxies.fromEnvironment(env, problems);
        DisposableDomains disposable = DisposableDomains.fromEnvironment(env, problems);
        int challenge = positive(env, "VOTE_CHALLENGE_MAX_NUMBER", DEFAULT_CHALLENGE_MAX_NUMBER, problems);
        if (challenge > MAX_CHALLENGE_MAX_NUMBER) {
            problems.add(new Problem("VOTE_CHALLENGE_MAX_NUMBER", "must be at most " + MAX_CHALLENGE_MAX_NUMBER
                    + " (got " + challenge + "): a phone would take minutes to vote", "leave it out for the default, "
                    + DEFAULT_CHALLENGE_MAX_NUMBER));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettings(problems);
        }
        return new CounterSettings(hmacKey, adminToken, origins, publicUrl, perIp, burst, perAddress, mailboxRules,
                proxies, disposable, challenge);
    }

    private static MailboxRules mailboxRules(String file, List<Problem> problems) {
        if (file == null || file.isBlank()) {
            return MailboxRules.builtIn();
        }
        try {
            return MailboxRules.builtInWith(Path.of(file.strip()));
        } catch (InvalidSettings e) {
            problems.addAll(e.problems());
            return MailboxRules.builtIn();
        } catch (InvalidPathException e) {
            problems.add(new Problem("VOTE_MAILBOX_RULES", "is not a file name (got '" + file + "')",
                    "name the file of the site's mailbox rules, or leave it out for the built-in rules"));
            return MailboxRules.builtIn();
        }
    }

    /** The origin of {@code url} ({@code scheme://host[:port]}), as browsers send it in {@code Origin}. */
    public static String originOf(URI url) {
        String origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT);
        return url.getPort() == -1 ? origin : origin + ":" + url.getPort();
    }

    private static List<String> origins(String value, List<Problem> problems) {
        List<String> origins = new ArrayList<>();
        if (value == null || value.isBlank()) {
            problems.add(new Problem("VOTE_ALLOWED_ORIGINS", "is missing", "list the site's origins, comma-separated "
                    + "(for example https://radicalevernieuwers.be,http://localhost:8080)"));
            return origins;
        }
        for (String part : value.split(",")) {
            String origin = part.trim();
            URI uri = absoluteHttpUrl(origin);
            if (uri == null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || uri.getRawUserInfo() != null || !originOf(uri).equals(origin)) {
                problems.add(new Problem("VOTE_ALLOWED_ORIGINS", "'" + origin + "' is not an origin", "write it as "
                        + "scheme://host[:port] in lower case, without a path or trailing slash (for example "
                        + "https://radicalevernieuwers.be)"));
            } else {
                origins.add(origin);
            }
        }
        return origins;
    }

    private static URI publicUrl(String value, List<Problem> problems) {
        String trimmed = value == null ? "" : value.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri = absoluteHttpUrl(trimmed);
        if (uri == null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            problems.add(new Problem("VOTE_PUBLIC_URL", "is not an http(s) address without query (got '"
                    + (value == null ? "" : value) + "')", "set it to the counter's public base URL, for example "
                    + "https://stem.radicalevernieuwers.be"));
            return null;
        }
        return uri;
    }

    private static URI absoluteHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static int positive(Map<String, String> env, String name, int fallback, List<Problem> problems) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(name, "must be a whole number above 0 (got '" + value + "')", "leave it out for the "
                + "default, " + fallback));
        return fallback;
    }

    /** The origins whose requests are accepted: the configured site origins and the counter's own (its confirm page). */
    public Set<String> acceptedOrigins() {
        Set<String> accepted = new HashSet<>(allowedOrigins);
        accepted.add(originOf(publicUrl));
        return Set.copyOf(accepted);
    }

    @Override
    public String toString() {
        return "CounterSettings[allowedOrigins=" + allowedOrigins + ", publicUrl=" + publicUrl
                + ", submissionsPerIpPerMinute=" + submissionsPerIpPerMinute + ", submissionBurstPerIp="
                + submissionBurstPerIp + ", submissionsPerAddressPerHour=" + submissionsPerAddressPerHour
                + ", mailboxRules=" + mailboxRules + ", trustedProxies=" + trustedProxies
                + ", disposableDomains=" + disposableDomains + ", challengeMaxNumber=" + challengeMaxNumber
                + ", hmacKey and adminToken hidden]";
    }
}
