package be.socialeinnovatiefabriek.radicale.vote.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.DrbgParameters;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * Tokens stay unique under Lambda SnapStart: the generator reseeds from the operating system for every token
 * (prediction resistance), so instances restored from one snapshot do not repeat each other's tokens.
 */
class TokenRandomTest {

    @Test
    void theGeneratorReseedsForEveryToken() {
        SecureRandom random = TokenRandom.create();

        assertTrue(random.getParameters() instanceof DrbgParameters.Instantiation, String.valueOf(random.getParameters()));
        DrbgParameters.Instantiation parameters = (DrbgParameters.Instantiation) random.getParameters();
        assertEquals(DrbgParameters.Capability.PR_AND_RESEED, parameters.getCapability());
        assertEquals(TokenRandom.STRENGTH, parameters.getStrength());
    }

    @Test
    void twoGeneratorsBuiltAlikeGiveDifferentTokens() {
        String first = RandomToken.next(TokenRandom.create());
        String second = RandomToken.next(TokenRandom.create());

        assertTrue(RandomToken.wellFormed(first));
        assertNotEquals(first, second);
    }
}
