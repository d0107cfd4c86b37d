package be.socialeinnovatiefabriek.radicale.vote.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The language the page and the mail are written in, and where their texts come from. */
class LocalisedTextsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"nl, nl", "fr, fr", "en, en", "fr-BE, fr", "FR, fr", "en_GB, en",
            "' de ', nl", "NULL, nl"})
    void writesInTheRequestedLanguageOrInDutch(String requested, String written) {
        assertEquals(written, LocalisedTexts.language(requested));
    }

    @Test
    void readsTheTextsOfEveryLanguageInOrder() {
        assertEquals(List.of("nl", "fr", "en"), List.copyOf(LocalisedTexts.load("confirm/page").keySet()));
        assertEquals("Bevestig je stem", LocalisedTexts.load("confirm/page").get("nl").getProperty("heading"));
    }

    @Test
    void aMissingFileSaysTheJarIsIncomplete() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LocalisedTexts.load("confirm/nothing"));

        assertTrue(e.getMessage().contains("confirm/nothing_nl.properties is not on the class path"), e.getMessage());
    }
}
