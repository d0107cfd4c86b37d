package be.socialeinnovatiefabriek.radicale.vote.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.address.InvalidAddress;
import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import be.socialeinnovatiefabriek.radicale.vote.address.MailboxRules;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One mailbox, however its address is written, is one voter; only a keyed hash of it is kept. */
class VoterIdentityTest {

    private static final String KEY = "k".repeat(32);
    private final VoterIdentity identity = new VoterIdentity(KEY, MailboxRules.builtIn());

    private static MailAddress address(String typed) {
        try {
            return MailAddress.parse(typed);
        } catch (InvalidAddress e) {
            throw new AssertionError(typed, e);
        }
    }

    private static String hmac(String key, String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource({"bob@gmail.com", "b.o.b@gmail.com", "bob@googlemail.com", "bo.b+x@gmail.com", "BOB@Gmail.com"})
    void everySpellingOfOneMailboxIsOneVoter(String typed) {
        assertEquals(identity.ofAddress(address("bob@gmail.com")), identity.ofAddress(address(typed)));
    }

    @ParameterizedTest
    @CsvSource({
        "ann@example.be, ann@example.be",
        "'  Ann.Peeters@Example.BE ', ann.peeters@example.be",
        "ann+stem@example.be, ann@example.be",
        "b.o.b+x@gmail.com, bob@gmail.com",
        "bob@b\u00fccher.example, bob@xn--bcher-kva.example",
    })
    void theKeyIsTheHmacOfAddressAndTheMailbox(String typed, String mailbox) throws Exception {
        // The same input as before mailbox rules for every address they do not change: stored votes still match.
        assertEquals(hmac(KEY, "address:" + mailbox), identity.ofAddress(address(typed)));
    }

    @Test
    void differentMailboxesAreDifferentVoters() {
        assertNotEquals(identity.ofAddress(address("ann@example.be")), identity.ofAddress(address("ann@example.org")));
        assertNotEquals(identity.ofAddress(address("ann.p@example.be")), identity.ofAddress(address("annp@example.be")));
    }

    @Test
    void theHashIsKeyedAndEachKindHasItsOwn() {
        VoterIdentity other = new VoterIdentity("l".repeat(32), MailboxRules.builtIn());
        MailAddress ann = address("ann@example.be");

        assertTrue(identity.ofAddress(ann).matches("[0-9a-f]{64}"));
        assertNotEquals(identity.ofAddress(ann), other.ofAddress(ann));
        assertNotEquals(identity.ofAddress(ann), identity.ofBrowser("ann@example.be"));
        assertNotEquals(identity.ofBrowser("x"), identity.ofClient("x"));
    }
}
