package be.socialeinnovatiefabriek.radicale.vote.address;

import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Mail domains whose addresses anyone can read (throwaway inboxes), refused for votes: the community list
 * bundled in {@code disposable/domains.txt} (see {@code disposable/SOURCE.txt} and
 * {@code scripts/update-disposable-domains.sh}), a site's own additions (VOTE_DISPOSABLE_DOMAINS_FILE), less
 * the domains a site allows (VOTE_DISPOSABLE_DOMAINS_ALLOW). A domain under a listed one is listed too.
 */
public final class DisposableDomains {

    /** The bundled list, one domain a line. */
    static final String BUNDLED = "/disposable/domains.txt";
    private static final int PROBLEMS_SHOWN = 5;
    private static final String LINE_FIX = "write one domain a line, such as throwaway.example, and # before a comment";
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private final Set<String> refused;
    private final Set<String> allowed;

    private DisposableDomains(Set<String> refused, Set<String> allowed) {
        this.refused = Set.copyOf(refused);
        this.allowed = Set.copyOf(allowed);
    }

    /** The bundled list alone. */
    public static DisposableDomains bundled() {
        return new DisposableDomains(Bundled.DOMAINS, Set.of());
    }

    /** The bundled list, plus {@code extra}, less {@code allowed} (and what lies under them). */
    public static DisposableDomains of(Collection<String> extra, Collection<String> allowed) {
        Set<String> refused = new HashSet<>(Bundled.DOMAINS);
        extra.forEach(domain -> refused.add(normalised(domain)));
        return new DisposableDomains(refused, allowed.stream().map(DisposableDomains::normalised)
                .collect(Collectors.toSet()));
    }

    /** VOTE_DISPOSABLE_DOMAINS_FILE and VOTE_DISPOSABLE_DOMAINS_ALLOW; what cannot be read goes to {@code problems}. */
    public static DisposableDomains fromEnvironment(Map<String, String> env, List<Problem> problems) {
        List<String> extra = new ArrayList<>();
        String file = env.getOrDefault("VOTE_DISPOSABLE_DOMAINS_FILE", "").strip();
        if (!file.isEmpty()) {
            extra.addAll(readFile(Path.of(file), problems));
        }
        List<String> allowed = new ArrayList<>();
        for (String part : env.getOrDefault("VOTE_DISPOSABLE_DOMAINS_ALLOW", "").split(",")) {
            String domain = normalised(part);
            if (domain.isEmpty()) {
                continue;
            }
            if (DOMAIN.matcher(domain).matches()) {
                allowed.add(domain);
            } else {
                problems.add(new Problem("VOTE_DISPOSABLE_DOMAINS_ALLOW", "'" + part.strip() + "' is not a mail domain",
                        "list the domains to accept although the bundled list names them, comma-separated (for example "
                        + "mail.example.org,example.net)"));
            }
        }
        return of(extra, allowed);
    }

    /**
     * The listed domain that the domain of {@code address} (or {@code address} itself, a domain) is or lies
     * under; empty when the domain is not listed or is allowed.
     */
    public Optional<String> listedFor(String address) {
        String domain = normalised(address.substring(address.lastIndexOf('@') + 1));
        for (String candidate = domain; candidate != null; candidate = parent(candidate)) {
            if (allowed.contains(candidate)) {
                return Optional.empty();
            }
        }
        for (String candidate = domain; candidate != null; candidate = parent(candidate)) {
            if (refused.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** How many domains are refused. */
    public int size() {
        return refused.size();
    }

    private static String parent(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 ? null : domain.substring(dot + 1);
    }

    private static String normalised(String domain) {
        String lower = domain.strip().toLowerCase(Locale.ROOT);
        while (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        try {
            return IDN.toASCII(lower, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return lower; // not a valid internationalised name: matches no listed domain
        }
    }

    private static List<String> readFile(Path file, List<Problem> problems) {
        List<String> domains = new ArrayList<>();
        int wrong = 0;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            problems.add(new Problem("VOTE_DISPOSABLE_DOMAINS_FILE", file + " cannot be read (" + e.getMessage() + ")",
                    "name a readable UTF-8 text file with one domain a line, or unset the variable"));
            return domains;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String domain = normalised(line);
            if (DOMAIN.matcher(domain).matches()) {
                domains.add(domain);
            } else if (++wrong <= PROBLEMS_SHOWN) {
                problems.add(new Problem(file + ":" + (i + 1), "'" + line + "' is not a mail domain with at least two labels",
                        LINE_FIX));
            }
        }
        if (wrong > PROBLEMS_SHOWN) {
            // A file in another format would give a problem a line: name a few, count the rest.
            problems.add(new Problem(file.toString(), (wrong - PROBLEMS_SHOWN) + " more lines are not mail domains",
                    LINE_FIX));
        }
        return domains;
    }

    @Override
    public String toString() {
        return refused.size() + " disposable domains" + (allowed.isEmpty() ? "" : ", allowed " + allowed);
    }

    /** The bundled list, read once: it is part of the code, the same for every counter. */
    private static final class Bundled {
        static final Set<String> DOMAINS = read();

        private static Set<String> read() {
            Set<String> domains = new HashSet<>();
            try (InputStream in = DisposableDomains.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED + " is missing from the vote counter's jar; rebuild it");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String domain = line.strip();
                    if (!domain.isEmpty() && !domain.startsWith("#")) {
                        domains.add(domain);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + BUNDLED + " from the vote counter's jar", e);
            }
            return Set.copyOf(domains);
        }
    }
}
