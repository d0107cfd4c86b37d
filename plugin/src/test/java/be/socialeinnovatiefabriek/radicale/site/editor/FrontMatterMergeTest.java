package be.socialeinnovatiefabriek.radicale.site.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import be.socialeinnovatiefabriek.radicale.site.content.ContentFields;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Node;

/**
 * What a save from the CMS does to a file on disk: the CMS sends the whole file re-serialised (its own key
 * order and quotes, no comments); the file keeps every byte but those of the values staff changed.
 */
class FrontMatterMergeTest {

    private static final String PROFILE = """
            ---
            # Kept in sync with the press kit.
            name: Papillon
            tagline: "Zuinige toestellen huren in plaats van kopen"   # the short version
            organisation: SAAMO en BOSCH
            themes: [energy, poverty, climate]
            photo: photo.jpg
            photoAlt: 'Een wasmachine in een keuken'
            ---
            Papillon verhuurt zuinige toestellen.

            Tweede alinea.
            """;

    private final FrontMatterMerge innovators = new FrontMatterMerge(ContentFields.INNOVATORS);

    /** The CMS's text of a file: keys in its own order, every string in double quotes, no comments. */
    private static FrontMatterMerge.Incoming cms(String yaml, String body) throws EditorException {
        return FrontMatterMerge.Incoming.of("---\n" + yaml + "---\n" + body);
    }

    private static final String SAME = """
            photoAlt: "Een wasmachine in een keuken"
            name: "Papillon"
            tagline: "Zuinige toestellen huren in plaats van kopen"
            organisation: "SAAMO en BOSCH"
            photo: "photo.jpg"
            themes:
              - "energy"
              - "poverty"
              - "climate"
            """;

    @Test
    void savingAnUnchangedEntryChangesNoByte() throws Exception {
        String merged = innovators.merge(PROFILE, cms(SAME, "Papillon verhuurt zuinige toestellen.\n\nTweede alinea.\n"), null);

        assertEquals(PROFILE, merged);
    }

    @Test
    void aBodyThatDiffersOnlyByBlankLinesAtItsEndsIsKept() throws Exception {
        String merged = innovators.merge(PROFILE, cms(SAME, "\nPapillon verhuurt zuinige toestellen.\n\nTweede alinea."), null);

        assertEquals(PROFILE, merged);
    }

    @Test
    void changingOneFieldChangesOnlyItsValueKeepingQuotesAndComment() throws Exception {
        String merged = innovators.merge(PROFILE, cms(SAME.replace("huren in plaats van kopen", "huren, niet kopen"),
                "Papillon verhuurt zuinige toestellen.\n\nTweede alinea.\n"), null);

        assertEquals(PROFILE.replace("tagline: \"Zuinige toestellen huren in plaats van kopen\"   # the short version",
                "tagline: \"Zuinige toestellen huren, niet kopen\"   # the short version"), merged);
    }

    @Test
    void aPlainValueStaysPlainAndIsQuotedOnlyWhenYamlWouldReadItOtherwise() throws Exception {
        assertEquals(PROFILE.replace("organisation: SAAMO en BOSCH", "organisation: SAAMO vzw"),
                innovators.merge(PROFILE, cms(SAME.replace("SAAMO en BOSCH", "SAAMO vzw"), "Papillon verhuurt zuinige toestellen.\n\nTweede alinea.\n"), null));
        assertEquals(PROFILE.replace("organisation: SAAMO en BOSCH", "organisation: \"SAAMO: vzw # 1\""),
                innovators.merge(PROFILE, cms(SAME.replace("SAAMO en BOSCH", "SAAMO: vzw # 1"), "Papillon verhuurt zuinige toestellen.\n\nTweede alinea.\n"), null));
        assertEquals(PROFILE.replace("organisation: SAAMO en BOSCH", "organisation: \"true\""),
                innovators.merge(PROFILE, cms(SAME.replace("\"SAAMO en BOSCH\"", "\"true\""), "Papillon verhuurt zuinige toestellen.\n\nTweede alinea.\n"), null));
    }

    @Test
    void aSingleQuotedValueStaysSingleQuoted() throws Exception {
        String merged = innovators.merge(PROFILE, cms(SAME.replace("Een wasmachine in een keuken", "Een wasmachine in Tom's keuken"),
                "Papillon verhuurt zuinige toestellen.\n\nTweede alinea.\n"), null);

        assertEquals(PROFILE.replace("photoAlt: 'Een wasmachine in een keuken'", "photoAlt: 'Een wasmachine in Tom''s keuken'"), merged);
    }

    @Test
    void aFlowListIsRewrittenAsAFlowList() throws Exception {
        String merged = innovators.merge(PROFILE, cms(SAME.replace("  - \"climate\"\n", "  - \"climate\"\n  - \"care\"\n"),
                "Papillon verhuurt zuinige toestellen.\n\nTweede alinea.\n"), null);

        assertEquals(PROFILE.replace("themes: [energy, poverty, climate]", "themes: [energy, poverty, climate, care]"), merged);
    }

    @Test
    void aBlockListIsRewrittenAsABlockListWithItsIndentation() throws Exception {
        String block = PROFILE.replace("themes: [energy, poverty, climate]\n", "themes:\n  - energy\n  - poverty # first\n  - climate\nregion: Gent\n");

        String merged = innovators.merge(block, cms(SAME.replace("  - \"poverty\"\n", "") + "region: Gent\n",
                "Papillon verhuurt zuinige toestellen.\n\nTweede alinea.\n"), null);

        assertEquals(block.replace("themes:\n  - energy\n  - poverty # first\n  - climate\n", "themes:\n  - energy\n  - climate\n"), merged);
    }

    @Test
    void aNewOptionalFieldGoesWhereTheSchemaListsIt() throws Exception {
        String merged = innovators.merge(PROFILE, cms(SAME + "region: \"Vlaanderen\"\nwebsite: \"https://papillon.example\"\n",
                "Papillon verhuurt zuinige toestellen.\n\nTweede alinea.\n"), null);

        assertEquals(PROFILE.replace("photo: photo.jpg\n", "region: Vlaanderen\nwebsite: https://papillon.example\nphoto: photo.jpg\n"), merged);
    }

    @Test
    void anOptionalFieldLeftEmptyIsRemovedAndARequiredOneIsLeftEmptyForTheCheckToName() throws Exception {
        String merged = innovators.merge(PROFILE, cms(SAME.replace("\"SAAMO en BOSCH\"", "\"\"").replace("\"Papillon\"", "null"),
                "Papillon verhuurt zuinige toestellen.\n\nTweede alinea.\n"), null);

        assertEquals(PROFILE.replace("organisation: SAAMO en BOSCH\n", "").replace("name: Papillon", "name: \"\""), merged);
    }

    @Test
    void anEmptyOptionalValueOrFalseIsNotWrittenIntoAFileThatLacksIt() throws Exception {
        String merged = innovators.merge(PROFILE, cms(SAME + "region: \"\"\nwebsite: null\ndraft: false\n",
                "Papillon verhuurt zuinige toestellen.\n\nTweede alinea.\n"), null);

        assertEquals(PROFILE, merged);
    }

    @Test
    void changingTheBodyKeepsTheFrontMatterAsItWas() throws Exception {
        String merged = innovators.merge(PROFILE, cms(SAME, "Papillon verhuurt zuinige toestellen.\n\nEen nieuwe alinea.\n"), null);

        assertEquals(PROFILE.replace("Tweede alinea.", "Een nieuwe alinea."), merged);
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkStay() throws Exception {
        String windows = "\uFEFF" + PROFILE.replace("\n", "\r\n");

        String merged = innovators.merge(windows, cms(SAME.replace("SAAMO en BOSCH", "SAAMO"), "Papillon verhuurt zuinige toestellen.\n\nTweede alinea.\n"), null);

        assertEquals(windows.replace("SAAMO en BOSCH", "SAAMO"), merged);
    }

    @Test
    void textBeforeTheValueOutsideTheBasicPlaneDoesNotShiftTheEdit() throws Exception {
        String emoji = PROFILE.replace("# Kept in sync with the press kit.", "# Kept in sync \uD83D\uDE00\uD83D\uDE00 with the press kit.");

        String merged = innovators.merge(emoji, cms(SAME.replace("SAAMO en BOSCH", "SAAMO"), "Papillon verhuurt zuinige toestellen.\n\nTweede alinea.\n"), null);

        assertEquals(emoji.replace("SAAMO en BOSCH", "SAAMO"), merged);
    }

    @Test
    void aNewTranslationLeavesOutWhatItWouldInheritUnchanged() throws Exception {
        Map<String, Node> dutch = FrontMatterMerge.Incoming.of(PROFILE).values();

        String french = innovators.merge(null, cms(SAME.replace("huren in plaats van kopen", "louer plutôt qu'acheter")
                        .replace("Een wasmachine in een keuken", "Une machine à laver dans une cuisine"), "Papillon loue des appareils.\n"), dutch);

        assertEquals("""
                ---
                tagline: Zuinige toestellen louer plutôt qu'acheter
                photoAlt: Une machine à laver dans une cuisine
                ---
                Papillon loue des appareils.
                """, french);
    }

    @Test
    void aTranslationWithNothingOfItsOwnIsNotStarted() throws Exception {
        Map<String, Node> dutch = FrontMatterMerge.Incoming.of(PROFILE).values();

        assertNull(innovators.merge(null, cms("themes: [energy]\nphoto: photo.jpg\n", ""), dutch));
    }

    @Test
    void anEditionsWinnersMapIsAddedAsABlockAndChangedInPlace() throws Exception {
        FrontMatterMerge editions = new FrontMatterMerge(ContentFields.EDITIONS);
        String edition = "---\ntitle: Editie 2026\nnominees: [papillon, armentekort]\njury: De jury\n---\nTekst\n";

        String withWinners = editions.merge(edition, cms("title: Editie 2026\nnominees: [papillon, armentekort]\njury: De jury\n"
                + "winners:\n  jury: papillon\n  audience: \"\"\n", "Tekst\n"), null);
        String changed = editions.merge(withWinners, cms("title: Editie 2026\nnominees: [papillon, armentekort]\njury: De jury\n"
                + "winners: {jury: armentekort, audience: papillon}\n", "Tekst\n"), null);

        assertEquals("---\ntitle: Editie 2026\nnominees: [papillon, armentekort]\njury: De jury\nwinners:\n  jury: papillon\n---\nTekst\n", withWinners);
        assertEquals("---\ntitle: Editie 2026\nnominees: [papillon, armentekort]\njury: De jury\nwinners:\n  jury: armentekort\n  audience: papillon\n---\nTekst\n",
                changed);
    }

    @Test
    void aNumberStaysANumber() throws Exception {
        FrontMatterMerge editions = new FrontMatterMerge(ContentFields.EDITIONS);
        String edition = "---\ntitle: Editie 2026\nvotesPerVoter: 1\n---\n";

        assertEquals("---\ntitle: Editie 2026\nvotesPerVoter: 3\n---\n", editions.merge(edition, cms("title: Editie 2026\nvotesPerVoter: 3\n", ""), null));
    }
}
