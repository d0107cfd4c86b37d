package be.socialeinnovatiefabriek.radicale.vote.address;

import java.util.List;

/**
 * Addresses an attacker types, one or more per class of trick, with the words the refusal must use. Each of
 * them would make some mailer or server read a mailbox other than the one counted, or is not one address.
 */
public final class HostileAddresses {

    /** A hostile spelling, the class of trick it belongs to, and a phrase of the message it must get. */
    public record Spelling(String kind, String typed, String phrase) {
        @Override
        public String toString() {
            return kind + ": " + typed.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0").replace("\t", "\\t");
        }
    }

    private static final String LONG_LOCAL = "a".repeat(65);
    private static final String LONGEST = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "."
            + "d".repeat(58) + ".be";

    /** Every class from the integrity issue, and a few more. */
    public static final List<Spelling> ALL = List.of(
            new Spelling("display name hiding another address", "victim+x <mallory@evil.example>@example.net", "angle brackets"),
            new Spelling("display name", "Mallory <mallory@evil.example>", "angle brackets"),
            new Spelling("display name, quoted", "\"ann@example.be\" <mallory@evil.example>", "angle brackets"),
            new Spelling("angle brackets", "<ann@example.be>", "angle brackets"),
            new Spelling("obsolete route", "<@relay.example:ann@example.be>", "angle brackets"),
            new Spelling("comment", "ann(mallory@evil.example)@example.be", "comment"),
            new Spelling("comment after", "ann@example.be(x)", "comment"),
            new Spelling("group", "friends:ann@example.be;", "group"),
            new Spelling("empty group", "undisclosed-recipients:;", "group"),
            new Spelling("quoted local part", "\"mallory@evil.example\"@example.be", "quotes"),
            new Spelling("quoted local part with a space", "\"ann peeters\"@example.be", "quotes"),
            new Spelling("quoted pair", "ann\\@evil.example@example.be", "backslash"),
            new Spelling("encoded word", "=?utf-8?q?mallory=40evil.example?=@example.be", "encoded word"),
            new Spelling("encoded word as a name", "=?utf-8?b?QW5u?= ann@example.be", "encoded word"),
            new Spelling("two addresses, comma", "ann@example.be,mallory@evil.example", "more than one address"),
            new Spelling("two addresses, comma and space", "ann@example.be, mallory@evil.example", "more than one address"),
            new Spelling("two addresses, semicolon", "ann@example.be;mallory@evil.example", "more than one address"),
            new Spelling("two addresses, space", "ann@example.be mallory@evil.example", "a space"),
            new Spelling("two @", "ann@evil.example@example.be", "more than one @"),
            new Spelling("CR LF header injection", "ann@example.be\r\nBcc: mallory@evil.example", "control character"),
            new Spelling("LF at the end", "ann@example.be\n", "control character"),
            new Spelling("NUL", "ann\0@example.be", "control character"),
            new Spelling("tab", "ann\t@example.be", "control character"),
            new Spelling("C1 next line", "ann@example.be\u0085", "control character"),
            new Spelling("space inside", "ann peeters@example.be", "a space"),
            new Spelling("no-break space", "ann\u00a0@example.be", "a space"),
            new Spelling("obsolete spaced local part", "ann . peeters@example.be", "a space"),
            new Spelling("Cyrillic letter in the local part", "\u0430nn@example.be", "other alphabets"),
            new Spelling("Cyrillic letter in the domain", "ann@ex\u0430mple.be", "mixes alphabets"),
            new Spelling("Cyrillic letter in an A-label", "ann@xn--pypal-4ve.com", "mixes alphabets"),
            new Spelling("full-width at sign", "ann\uff20example.be", "no @"),
            new Spelling("full-width letters", "ann@\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45.be", "stand in for others"),
            new Spelling("ideographic full stop", "ann@example\u3002be", "stand in for others"),
            new Spelling("sharp s that IDNA2003 reads as ss", "ann@stra\u00dfe.de", "stand in for others"),
            new Spelling("right-to-left override", "ann@example.be\u202e", "invisible"),
            new Spelling("right-to-left mark in the domain", "ann@exa\u200fmple.be", "invisible"),
            new Spelling("zero-width space", "ann\u200b@example.be", "invisible"),
            new Spelling("soft hyphen", "ann@exa\u00admple.be", "invisible"),
            new Spelling("overlong address", "x" + LONGEST, "longer than 254"),
            new Spelling("overlong local part", LONG_LOCAL + "@example.be", "more than 64"),
            new Spelling("overlong domain label", "ann@" + "b".repeat(64) + ".be", "longer than 63"),
            new Spelling("trailing dot on the domain", "ann@example.be.", "ends with a dot"),
            new Spelling("trailing dot before the @", "ann.@example.be", "dot"),
            new Spelling("leading dot", ".ann@example.be", "dot"),
            new Spelling("consecutive dots before the @", "ann..peeters@example.be", "two dots in a row"),
            new Spelling("consecutive dots in the domain", "ann@example..be", "two dots in a row"),
            new Spelling("IPv4 literal", "ann@[192.0.2.1]", "IP address"),
            new Spelling("IPv6 literal", "ann@[IPv6:2001:db8::1]", "IP address"),
            new Spelling("bare IP as domain", "ann@192.0.2.1", "top-level domain"),
            new Spelling("percent route", "mallory%evil.example@example.be", "route"),
            new Spelling("bang path", "evil.example!mallory@example.be", "route"),
            new Spelling("no @", "ann.example.be", "no @"),
            new Spelling("nothing before the @", "@example.be", "nothing before the @"),
            new Spelling("nothing after the @", "ann@", "nothing after the @"),
            new Spelling("domain without a dot", "ann@localhost", "without a dot"),
            new Spelling("hyphen at the end of a label", "ann@example-.be", "hyphen"),
            new Spelling("underscore in the domain", "ann@exa_mple.be", "letters, digits and hyphens"),
            new Spelling("reserved double hyphen", "ann@ab--cd.be", "xn--"));

    private HostileAddresses() {
    }

    /** The longest address that is accepted: 254 characters. */
    public static String longest() {
        return LONGEST;
    }
}
