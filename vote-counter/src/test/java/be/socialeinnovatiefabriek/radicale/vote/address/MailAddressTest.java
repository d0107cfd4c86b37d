package be.socialeinnovatiefabriek.radicale.vote.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** One bare address is accepted, as the one value that is both hashed and mailed; every other spelling is refused. */
class MailAddressTest {

    @ParameterizedTest
    @CsvSource({
        "ann@example.be, ann, example.be",
        "'  Ann.Peeters+stem@Example.BE  ', Ann.Peeters+stem, example.be",
        "o'neil@example.co.uk, o'neil, example.co.uk",
        "a#b$c&d'e*f+g-h/i=j?k^l_m`n{o|p}q~r@example.be, a#b$c&d'e*f+g-h/i=j?k^l_m`n{o|p}q~r, example.be",
        "bob@b\u00fccher.example, bob, xn--bcher-kva.example",
        "bob@B\u00dcCHER.example, bob, xn--bcher-kva.example",
        "bob@xn--bcher-kva.example, bob, xn--bcher-kva.example",
        "bob@XN--BCHER-KVA.example, bob, xn--bcher-kva.example",
        "bob@\u4f8b\u3048.\u30c6\u30b9\u30c8, bob, xn--r8jz45g.xn--zckzah",
        "ivan@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444, ivan, xn--e1afmkfd.xn--p1ai",
        "ann@mail.example.museum, ann, mail.example.museum",
        "ann@1and1.example, ann, 1and1.example",
    })
    void aBareAddressIsKeptAsTypedWithItsDomainInLowerCaseAscii(String typed, String local, String domain)
            throws InvalidAddress {
        MailAddress address = MailAddress.parse(typed);

        assertEquals(new MailAddress(local, domain), address);
        assertEquals(local + "@" + domain, address.value());
        assertEquals(address.value(), address.toString());
    }

    static Stream<HostileAddresses.Spelling> hostile() {
        return HostileAddresses.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void aHostileSpellingIsRefusedWithAMessageThatSaysWhy(HostileAddresses.Spelling spelling) {
        InvalidAddress refused = assertThrows(InvalidAddress.class, () -> MailAddress.parse(spelling.typed()));

        String message = refused.getMessage();
        assertTrue(message.startsWith("The e-mail address "), message);
        assertTrue(message.contains(spelling.phrase()), message);
        assertTrue(message.contains("; ") && message.endsWith("."), "says what to do: " + message);
        assertFalse(message.contains("mallory"), "never repeats the address: " + message);
    }

    @Test
    void theLongestAddressMailCarriesIsAcceptedAndOneMoreCharacterIsNot() throws InvalidAddress {
        String longest = HostileAddresses.longest();

        assertEquals(254, longest.length());
        assertEquals(longest, MailAddress.parse(longest).value());
        assertThrows(InvalidAddress.class, () -> MailAddress.parse("x" + longest));
    }

    @Test
    void anInternationalDomainThatGrowsPast254CharactersInItsAsciiFormIsRefused() {
        // 40 + 1 + 5 x 33 + 2 = 208 characters typed; each 32-letter label is 45 as an A-label: 273 in all.
        String label = "\u0430\u0431\u0432\u0433\u0434\u0435\u0436\u0437\u0438\u0439\u043a\u043b\u043c\u043d"
                + "\u043e\u043f\u0440\u0441\u0442\u0443\u0444\u0445\u0446\u0447\u0448\u0449\u044a\u044b\u044c"
                + "\u044d\u044e\u044f";
        String typed = "a".repeat(40) + "@" + String.join(".", label, label, label, label, label) + ".be";

        InvalidAddress refused = assertThrows(InvalidAddress.class, () -> MailAddress.parse(typed));

        assertEquals(208, typed.length());
        assertTrue(refused.getMessage().contains("longer than 254 characters once its domain is spelt out"),
                refused.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "victim+x <mallory@evil.example> | example.net",
        "ann | example.be.",
        "ann | Example.be",
        "ann | [192.0.2.1]",
        "\"ann\" | example.be",
        "ann | b\u00fccher.example",
        "'' | example.be",
    })
    void noAddressCanBeMadeThatParsingWouldRefuseOrSpellDifferently(String local, String domain) {
        assertThrows(IllegalArgumentException.class, () -> new MailAddress(local, domain));
    }
}
