package be.socialeinnovatiefabriek.radicale.vote.address;

import java.lang.Character.UnicodeScript;
import java.net.IDN;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One mail address as the counter accepts it: a bare RFC 5322 addr-spec, {@code local@domain}, and nothing
 * else. The same value is hashed (through {@link MailboxRules}) and mailed, so the mailbox that is counted is
 * the mailbox that gets the link. Every instance is checked, however it was made.
 *
 * @param local  the part before the @ as it was typed (case kept): a dot-atom of plain ASCII signs
 * @param domain the domain in lower case, international labels as A-labels ({@code xn--}), no trailing dot
 */
public record MailAddress(String local, String domain) {

    /** The longest address SMTP carries (RFC 5321: a 256-octet path, less its angle brackets). */
    public static final int MAX_LENGTH = 254;
    public static final int MAX_LOCAL_LENGTH = 64;
    static final int MAX_DOMAIN_LENGTH = 253;
    static final int MAX_LABEL_LENGTH = 63;

    // RFC 5322 atext without '%' and '!', which old relays still read as routes to another host.
    static final String LOCAL_SIGNS = "#$&'*+-/=?^_`{|}~";
    private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9" + Pattern.quote(LOCAL_SIGNS) + "]+");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
    private static final Pattern TOP_LABEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]+");
    // UTS #39 "highly restrictive": one script per label, or one of the mixes a Japanese, Chinese or
    // Korean name is written in. Latin mixed with Cyrillic or Greek is how lookalike domains are made.
    private static final List<Set<UnicodeScript>> SCRIPT_MIXES = List.of(
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));
    private static final String LIKE = "like ann@example.be";

    /** Refuses any value {@link #parse} would not give. */
    public MailAddress {
        if (local == null || domain == null || localProblem(local) != null || domainProblem(domain) != null
                || local.length() + 1 + domain.length() > MAX_LENGTH) {
            // The address stays out of the message: messages end up in logs.
            throw new IllegalArgumentException("not a bare mail address in canonical form");
        }
    }

    /**
     * The address typed in a form: surrounding spaces are ignored; anything but one bare address is refused,
     * with a message that says what is wrong and what to type instead.
     */
    public static MailAddress parse(String typed) throws InvalidAddress {
        if (typed == null) {
            throw new InvalidAddress("is missing", "type your address, " + LIKE);
        }
        String text = stripSpaces(typed);
        if (text.isEmpty()) {
            throw new InvalidAddress("is missing", "type your address, " + LIKE);
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidAddress("is longer than " + MAX_LENGTH + " characters, more than mail can carry",
                    "check that you typed one address");
        }
        refuseMailSyntax(text);
        int at = text.indexOf('@');
        if (at < 0) {
            throw new InvalidAddress("has no @", "type the whole address, " + LIKE);
        }
        if (text.indexOf('@', at + 1) >= 0) {
            throw new InvalidAddress("has more than one @", "type one address, " + LIKE);
        }
        String local = text.substring(0, at);
        String problem = localProblem(local);
        if (problem != null) {
            throw new InvalidAddress(problem, "type the address exactly as your mail provider gives it, " + LIKE);
        }
        String domain = asciiDomain(text.substring(at + 1));
        if (local.length() + 1 + domain.length() > MAX_LENGTH) {
            throw new InvalidAddress("is longer than " + MAX_LENGTH + " characters once its domain is spelt out in "
                    + "plain letters (" + domain.length() + " for the domain)", "check that you typed one address");
        }
        return new MailAddress(local, domain);
    }

    /**
     * A domain as typed, in the form this record keeps: lower case, A-labels. Also how the mailbox rules
     * name their domains, so both agree on every spelling.
     */
    static String asciiDomain(String typed) throws InvalidAddress {
        String fix = "type the domain after the @ as your mail provider gives it, " + LIKE;
        if (typed.isEmpty()) {
            throw new InvalidAddress("has nothing after the @", fix);
        }
        if (typed.endsWith(".")) {
            throw new InvalidAddress("ends with a dot", "leave out the dot at the end");
        }
        StringBuilder ascii = new StringBuilder(typed.length() + 16);
        for (String label : typed.split("\\.", -1)) {
            if (label.isEmpty()) {
                throw new InvalidAddress("has two dots in a row, or a dot right after the @, in its domain", fix);
            }
            ascii.append(ascii.length() == 0 ? "" : ".").append(asciiLabel(label));
        }
        String domain = ascii.toString();
        String problem = domainProblem(domain);
        if (problem != null) {
            throw new InvalidAddress(problem, fix);
        }
        return domain;
    }

    /** What gets the mail and what the rules work on: {@code local@domain}. */
    public String value() {
        return local + "@" + domain;
    }

    /** The address itself, so that nothing prints it any other way. */
    @Override
    public String toString() {
        return value();
    }

    private static String stripSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(start, end);
    }

    // The mail syntax around and inside an address: each of these makes a mailer read the text as
    // something other than one bare address (a name, a comment, a group, a list, an IP), so it is refused
    // outright rather than read one way here and another way by the mailer.
    private static void refuseMailSyntax(String text) throws InvalidAddress {
        String only = "type only the address itself, " + LIKE;
        if (text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            throw new InvalidAddress("contains a line break, tab or other control character",
                    "type the address again on one line");
        }
        if (text.codePoints().anyMatch(MailAddress::invisible)) {
            throw new InvalidAddress("contains an invisible formatting character (a direction mark, a zero-width "
                    + "space or a soft hyphen)", "type the address again instead of pasting it");
        }
        if (text.contains("=?")) {
            throw new InvalidAddress("contains an encoded word (=?...?=)", only);
        }
        if (text.indexOf('<') >= 0 || text.indexOf('>') >= 0) {
            throw new InvalidAddress("has a name or angle brackets (< >) around the address", only);
        }
        if (text.indexOf('(') >= 0 || text.indexOf(')') >= 0) {
            throw new InvalidAddress("contains a comment in brackets ( )", only);
        }
        if (text.indexOf('"') >= 0 || text.indexOf('\\') >= 0) {
            throw new InvalidAddress("contains quotes or a backslash", only);
        }
        if (text.indexOf('[') >= 0 || text.indexOf(']') >= 0) {
            throw new InvalidAddress("names a server by its IP address in [ ]",
                    "use an address at a domain name, " + LIKE);
        }
        if (text.indexOf(':') >= 0) {
            throw new InvalidAddress("is written as a group of addresses (a colon)", only);
        }
        if (text.indexOf(',') >= 0 || text.indexOf(';') >= 0) {
            throw new InvalidAddress("holds more than one address (a comma or semicolon)", "type one address, " + LIKE);
        }
        if (text.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new InvalidAddress("contains a space", only);
        }
    }

    private static boolean invisible(int c) {
        return Character.getType(c) == Character.FORMAT;
    }

    private static String localProblem(String local) {
        if (local.isEmpty()) {
            return "has nothing before the @";
        }
        if (local.length() > MAX_LOCAL_LENGTH) {
            return "has more than " + MAX_LOCAL_LENGTH + " characters before the @";
        }
        if (local.startsWith(".") || local.endsWith(".")) {
            return "starts or ends with a dot before the @";
        }
        if (local.contains("..")) {
            return "has two dots in a row";
        }
        if (local.indexOf('%') >= 0 || local.indexOf('!') >= 0) {
            return "contains % or !, which some mail servers read as a route to another server";
        }
        if (local.contains("=?")) {
            return "contains an encoded word (=?...?=)";
        }
        for (String atom : local.split("\\.")) {
            if (!ATOM.matcher(atom).matches()) {
                return "has a character before the @ other than the letters a to z, digits, dots and "
                        + String.join(" ", LOCAL_SIGNS.split("")) + " (accented letters and other alphabets "
                        + "cannot be mailed from here)";
            }
        }
        return null;
    }

    /** Null when {@code domain} is a lower-case ASCII domain as this record keeps it, else what is wrong. */
    private static String domainProblem(String domain) {
        if (domain.length() > MAX_DOMAIN_LENGTH) {
            return "has a domain longer than " + MAX_DOMAIN_LENGTH + " characters";
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return "has a domain without a dot";
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                return "has two dots in a row, or a dot at the start or end of its domain";
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                return "has a part of its domain longer than " + MAX_LABEL_LENGTH + " characters";
            }
            if (!LABEL.matcher(label).matches()) {
                return "has a domain with a character other than letters, digits and hyphens, or a hyphen at the "
                        + "start or end of a part";
            }
            if (label.length() >= 4 && label.startsWith("--", 2)) {
                if (!label.startsWith("xn--")) {
                    return "has a domain part with -- in third and fourth place, which only international names "
                            + "(xn--) may have";
                }
                String unicode = IDN.toUnicode(label, IDN.USE_STD3_ASCII_RULES);
                if (!unicode.equals(label) && !oneScript(unicode)) {
                    return mixedScripts();
                }
            }
        }
        if (!TOP_LABEL.matcher(labels[labels.length - 1]).matches()) {
            return "has a domain that does not end in a top-level domain of letters (like .be or .com)";
        }
        return null;
    }

    // java.net.IDN implements IDNA2003, which quietly maps or drops some characters (full-width letters,
    // soft hyphens, ß to ss). A label is taken only when it converts back to exactly what was typed, so no
    // two spellings that look different reach one domain, and none reaches a domain other than the one shown.
    private static String asciiLabel(String label) throws InvalidAddress {
        if (label.chars().allMatch(c -> c < 0x80)) {
            return label.toLowerCase(Locale.ROOT);
        }
        String unicode = Normalizer.normalize(label.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        String fix = "type the domain as your mail provider gives it, or in its xn-- form";
        if (!oneScript(unicode)) {
            throw new InvalidAddress(mixedScripts(), fix);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(unicode, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new InvalidAddress("has a domain with a character that no domain name can have", fix);
        }
        if (ascii.indexOf('.') >= 0 || !IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES).equals(unicode)) {
            throw new InvalidAddress("has a domain with characters that stand in for others (full-width letters, "
                    + "a dot that is not a dot, or a letter such as ß that domain names spell differently)", fix);
        }
        return ascii;
    }

    private static boolean oneScript(String label) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        label.codePoints().mapToObj(UnicodeScript::of)
                .filter(s -> s != UnicodeScript.COMMON && s != UnicodeScript.INHERITED)
                .forEach(scripts::add);
        return scripts.size() <= 1 || SCRIPT_MIXES.stream().anyMatch(mix -> mix.containsAll(scripts));
    }

    private static String mixedScripts() {
        return "has a domain that mixes alphabets in one name (such as Latin and Cyrillic letters that look alike)";
    }
}
