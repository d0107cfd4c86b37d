package be.socialeinnovatiefabriek.radicale.vote.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** One person, however the address is written, is one voter; only a keyed hash of it is kept. */
class VoterIdentityTest {

    @ParameterizedTest
    @CsvSource({
        "ann@example.be, ann@example.be",
        "'  Ann.Peeters@Example.BE ', ann.peeters@example.be",
        "ann+stem@example.be, ann@example.be",
        "ANN+a+b@sub.example.co.uk, ann@sub.example.co.uk",
        "o'neil@xn--bcher-kva.example, o'neil@xn--bcher-kva.example",
    })
    void anAddressIsNormalised(String typed, String normalised) {
        assertEquals(Optional.of(normalised), VoterIdentity.normalise(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ann", "ann@", "@example.be", "+tag@example.be", "ann@example", "a b@example.be",
        "ann..p@example.be", ".ann@example.be", "ann@-example.be", "ann@example..be", "ann@exa_mple.be",
        "<script>@example.be", "ann@exam\nple.be"})
    void anImplausibleAddressIsRefused(String typed) {
        assertEquals(Optional.empty(), VoterIdentity.normalise(typed));
    }

    @Test
    void anAddressLongerThan254CharactersIsRefused() {
        String longest = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".be";
        assertEquals(254, longest.length());
        assertTrue(VoterIdentity.normalise(longest).isPresent());
        assertEquals(Optional.empty(), VoterIdentity.normalise("x" + longest));
    }

    @Test
    void theHashIsKeyedAndEachKindHasItsOwn() {
        VoterIdentity one = new VoterIdentity("k".repeat(32));
        VoterIdentity other = new VoterIdentity("l".repeat(32));

        assertTrue(one.ofAddress("ann@example.be").matches("[0-9a-f]{64}"));
        assertEquals(one.ofAddress("ann@example.be"), one.ofAddress("ann@example.be"));
        assertNotEquals(one.ofAddress("ann@example.be"), other.ofAddress("ann@example.be"));
        assertNotEquals(one.ofAddress("x"), one.ofBrowser("x"));
        assertNotEquals(one.ofBrowser("x"), one.ofClient("x"));
    }
}
