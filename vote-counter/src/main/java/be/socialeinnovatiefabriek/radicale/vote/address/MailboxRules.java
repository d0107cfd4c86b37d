package be.socialeinnovatiefabriek.radicale.vote.address;

import be.socialeinnovatiefabriek.radicale.vote.settings.InvalidSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What counts as one mailbox: the per-domain table (the {@value #RESOURCE} resource, plus a site's own file)
 * that turns an address into the mailbox it reaches, so that one person's mailbox is one voter however its
 * address is spelt. The file format is described at the top of the resource itself and in the README.
 */
public final class MailboxRules {

    /** The built-in table, on the class path. */
    public static final String RESOURCE = "/address/mailbox-rules";
    /** The rule of every domain that has no line of its own. */
    static final String ANY_DOMAIN = "*";

    private static final MailboxRules BUILT_IN = loadBuiltIn();

    private final Map<String, Rule> rules;
    private final String source;

    private MailboxRules(Map<String, Rule> rules, String source) {
        this.rules = Map.copyOf(rules);
        this.source = source;
    }

    /** The table that ships with the counter. */
    public static MailboxRules builtIn() {
        return BUILT_IN;
    }

    /**
     * The built-in table with the lines of {@code file} added; a domain listed in {@code file} takes its rule
     * from there.
     *
     * @throws InvalidSettings naming every line that cannot be used, as {@code file:line: what; fix}
     */
    public static MailboxRules builtInWith(Path file) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidSettings(new Problem(file.toString(), "is not UTF-8 text", "save it as UTF-8"));
        } catch (IOException e) {
            throw new InvalidSettings(new Problem(file.toString(), "cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", "check the path, or leave the setting out to use the built-in rules only"));
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Rule> merged = new HashMap<>(BUILT_IN.rules);
        merged.putAll(parse(text, file.toString(), problems));
        check(merged, file.toString(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidSettings(problems);
        }
        return new MailboxRules(merged, "built-in + " + file);
    }

    /**
     * The mailbox {@code address} reaches, in the form that is hashed: lower case, and the domain's rules
     * applied (another name of the same domain, sub-addressing, dots, subdomain addressing).
     */
    public String mailbox(MailAddress address) {
        String local = address.local().toLowerCase(Locale.ROOT);
        String domain = address.domain();
        Rule rule = rules.get(domain);
        if (rule == null) {
            // anything@ann.fastmail.com is ann@fastmail.com: the label right before the provider's domain.
            for (int dot = domain.indexOf('.'); dot >= 0 && rule == null; dot = domain.indexOf('.', dot + 1)) {
                Rule parent = rules.get(domain.substring(dot + 1));
                if (parent != null && parent.subdomainAddressing()) {
                    rule = parent;
                    String owner = domain.substring(0, dot);
                    local = owner.substring(owner.lastIndexOf('.') + 1);
                    domain = domain.substring(dot + 1);
                }
            }
        }
        if (rule == null) {
            rule = rules.get(ANY_DOMAIN);
        }
        if (rule.aliasOf() != null) {
            domain = rule.aliasOf();
            rule = rules.get(domain);
        }
        if (!rule.tagSigns().isEmpty()) {
            // A tag follows the mailbox's name: a sign in first place starts the name, not a tag.
            for (int i = 1; i < local.length(); i++) {
                if (rule.tagSigns().indexOf(local.charAt(i)) >= 0) {
                    local = local.substring(0, i);
                    break;
                }
            }
        }
        if (rule.ignoreDots()) {
            local = local.replace(".", "");
        }
        return local + "@" + domain;
    }

    /** Where the table came from, and its size. */
    @Override
    public String toString() {
        return "MailboxRules[" + source + ", " + rules.size() + " lines]";
    }

    private static MailboxRules loadBuiltIn() {
        try (InputStream in = MailboxRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            List<Problem> problems = new ArrayList<>();
            Map<String, Rule> rules = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE, problems);
            check(rules, RESOURCE, problems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The built-in mailbox rules are broken: " + problems);
            }
            return new MailboxRules(rules, "built-in");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE + " from the class path", e);
        }
    }

    static Map<String, Rule> parse(String text, String source, List<Problem> problems) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1];
            int hash = line.indexOf('#');
            String[] words = (hash < 0 ? line : line.substring(0, hash)).trim().split("\\s+");
            if (words.length == 1 && words[0].isEmpty()) {
                continue;
            }
            String where = source + ":" + n;
            String domain = ruleDomain(words[0], where, problems);
            if (domain == null) {
                continue;
            }
            if (words.length == 1) {
                problems.add(new Problem(where, domain + " has no rule", "add one, such as tag=+ or tag=none"));
                continue;
            }
            Rule rule = rule(domain, words, where, problems);
            if (rule == null) {
                continue;
            }
            Integer earlier = lineOf.putIfAbsent(domain, n);
            if (earlier != null) {
                problems.add(new Problem(where, domain + " already has a line (line " + earlier + ")",
                        "keep one line per domain"));
            } else {
                rules.put(domain, rule);
            }
        }
        return rules;
    }

    private static String ruleDomain(String word, String where, List<Problem> problems) {
        if (word.equals(ANY_DOMAIN)) {
            return word;
        }
        try {
            return MailAddress.asciiDomain(word);
        } catch (InvalidAddress e) {
            problems.add(new Problem(where, "'" + word + "' is not a domain name",
                    "write it as gmail.com, or * for every other domain"));
            return null;
        }
    }

    private static Rule rule(String domain, String[] words, String where, List<Problem> problems) {
        String aliasOf = null;
        String tagSigns = "";
        boolean ignoreDots = false;
        boolean subdomains = false;
        int found = problems.size();
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            if (word.startsWith("alias-of=")) {
                aliasOf = ruleDomain(word.substring("alias-of=".length()), where, problems);
            } else if (word.equals("tag=none")) {
                tagSigns = "";
            } else if (word.startsWith("tag=") && word.length() > "tag=".length()) {
                tagSigns = word.substring("tag=".length());
                if (!tagSigns.chars().allMatch(c -> MailAddress.LOCAL_SIGNS.indexOf(c) >= 0)) {
                    problems.add(new Problem(where, "'" + word + "' names a sign an address cannot hold",
                            "use signs among " + MailAddress.LOCAL_SIGNS + ", such as tag=+"));
                }
            } else if (word.equals("ignore-dots")) {
                ignoreDots = true;
            } else if (word.equals("subdomain-addressing")) {
                subdomains = true;
            } else {
                problems.add(new Problem(where, "'" + word + "' is not a rule", "write alias-of=<domain>, tag=<signs>, "
                        + "tag=none, ignore-dots or subdomain-addressing"));
            }
        }
        if (aliasOf != null && words.length > 2) {
            problems.add(new Problem(where, domain + " is an alias and takes the rules of " + aliasOf,
                    "leave only alias-of= on its line"));
        }
        if (domain.equals(ANY_DOMAIN) && (aliasOf != null || subdomains)) {
            problems.add(new Problem(where, "* is every other domain: it cannot be an alias or use subdomain-addressing",
                    "give it tag= and ignore-dots only"));
        }
        return problems.size() > found ? null : new Rule(aliasOf, tagSigns, ignoreDots, subdomains);
    }

    // After the site's lines replace the built-in ones: aliases must point at a domain with its own rules.
    private static void check(Map<String, Rule> rules, String source, List<Problem> problems) {
        if (!rules.containsKey(ANY_DOMAIN)) {
            problems.add(new Problem(source, "there is no line for * (every other domain)", "add one, such as: * tag=+"));
        }
        new TreeMap<>(rules).forEach((domain, rule) -> {
            String target = rule.aliasOf();
            if (target == null) {
                return;
            }
            Rule targetRule = rules.get(target);
            if (target.equals(ANY_DOMAIN) || target.equals(domain)) {
                problems.add(new Problem(source, domain + " is an alias of " + target, "name another domain"));
            } else if (targetRule == null) {
                problems.add(new Problem(source, domain + " is an alias of " + target + ", which has no line",
                        "add a line for " + target));
            } else if (targetRule.aliasOf() != null) {
                problems.add(new Problem(source, domain + " is an alias of " + target + ", itself an alias of "
                        + targetRule.aliasOf(), "write alias-of=" + targetRule.aliasOf()));
            }
        });
    }

    /**
     * One domain's line.
     *
     * @param aliasOf             the domain whose mailboxes these are, or null
     * @param tagSigns            the signs that start a sub-address tag, or empty for none
     * @param ignoreDots          whether dots in the local part are ignored
     * @param subdomainAddressing whether {@code x@name.domain} reaches {@code name@domain}
     */
    record Rule(String aliasOf, String tagSigns, boolean ignoreDots, boolean subdomainAddressing) {
    }
}
