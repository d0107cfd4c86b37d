package be.socialeinnovatiefabriek.radicale.site.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.TestSite;
import be.socialeinnovatiefabriek.radicale.site.i18n.Typography;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * French pages get the spaces French typography requires, whatever staff typed: a narrow no-break space
 * (U+202F) before ; ! ? and between groups of digits, a no-break space (U+00A0) before : and inside « ».
 * One test per rule on the rules themselves, then the built site of scenario {@code french-typography}:
 * text from Markdown, front matter and UI strings, never code, addresses or Markdown's attributes, and
 * never another language.
 */
class FrenchTypographyTest {

    private static final String NB = "\u00A0";
    private static final String NNB = "\u202F";
    private static final Typography FRENCH = Typography.of("fr");

    @TempDir
    Path folder;

    @Test
    void aNarrowNoBreakSpaceGoesBeforeASemicolonAnExclamationMarkAndAQuestionMark() {
        assertEquals("Pourquoi" + NNB + "? Oui" + NNB + "! Non" + NNB + "; peut-être", FRENCH.apply("Pourquoi ? Oui ! Non ; peut-être"));
        assertEquals("Vraiment" + NNB + "?!", FRENCH.apply("Vraiment  ?!"), "two typed spaces become one");
    }

    @Test
    void aNoBreakSpaceGoesBeforeAColon() {
        assertEquals("Illustration" + NB + ": les initiales", FRENCH.apply("Illustration : les initiales"));
    }

    @Test
    void aNoBreakSpaceGoesInsideGuillemets() {
        assertEquals("la campagne «" + NB + "Innovateurs radicaux" + NB + "»", FRENCH.apply("la campagne « Innovateurs radicaux »"));
    }

    @Test
    void groupsOfThreeDigitsAreJoinedByANarrowNoBreakSpace() {
        assertEquals("12" + NNB + "000 votes sur 1" + NNB + "234" + NNB + "567", FRENCH.apply("12 000 votes sur 1 234 567"));
        assertEquals("En 2026 250 personnes, le 16 novembre 2026 à 9 heures",
                FRENCH.apply("En 2026 250 personnes, le 16 novembre 2026 à 9 heures"), "a year, a date or an hour is not a number in groups");
    }

    @Test
    void aNoBreakSpaceTheAuthorTypedIsKeptAndNotDoubled() {
        String typed = "Déjà" + NB + ": «" + NB + "oui" + NB + "» ou non" + NNB + "? 12" + NNB + "000";
        assertEquals(typed, FRENCH.apply(typed));
    }

    @Test
    void noSpaceIsAddedWhereNoneWasTyped() {
        String typed = "https://example.org/?q=1&r=2 à 20:00, ou ici?";
        assertEquals(typed, FRENCH.apply(typed));
    }

    @Test
    void otherLanguagesKeepTheirOrdinarySpaces() {
        assertEquals("Wat ? Zo : « dit » 12 000", Typography.of("nl").apply("Wat ? Zo : « dit » 12 000"));
        assertEquals("What ? 12 000", Typography.of("en").apply("What ? 12 000"));
    }

    @Test
    void theMarkdownTextOfAFrenchPageGetsTheSpacesButNotItsCodeAddressesOrAttributes() throws Exception {
        Document page = built("fr/about/index.html");
        Element first = page.selectFirst(".prose p");
        assertEquals("Pourquoi voter" + NNB + "? Parce que" + NB + ": «" + NB + "chaque vote compte" + NB + "»" + NNB + "; et 12" + NNB
                + "000 votes, c’est beaucoup" + NNB + "! En 2026 250 personnes ont voté.", first.wholeText());

        Element second = page.select(".prose p").get(1);
        assertEquals("a ; b ? c : d", second.selectFirst("code").wholeText(), "inline code is left as typed");
        Element link = second.selectFirst("a[title]");
        assertEquals("ce lien" + NNB + "?", link.wholeText(), "a link's text is text");
        assertEquals("https://example.org/?q=1&r=2", link.attr("href"));
        assertEquals("Un titre ?", link.attr("title"), "a link's title is an attribute of the Markdown, left as typed");
        assertEquals("https://example.org/a?b=1", second.selectFirst("a[href^=https://example.org/a]").wholeText(), "an address is left as typed");
        assertEquals("Schéma : le vote", second.selectFirst("img").attr("alt"), "an image's alt text is an attribute, left as typed");
        assertTrue(second.wholeText().contains("b=1" + NNB + ";"), second.wholeText());

        assertEquals("Déjà" + NB + ": rien ne change, ni à 20:00, ni ici?", page.select(".prose p").get(2).wholeText(),
                "a typed no-break space is kept, and none is added where no space was typed");
        assertEquals("Bonjour ; au revoir ?\n", page.selectFirst(".prose pre code").wholeText(), "a code block is left as typed");
    }

    @Test
    void theFrontMatterOfAFrenchPageGetsTheSpaces() throws Exception {
        Document page = built("fr/about/index.html");
        assertEquals("Qu’est-ce que c’est" + NNB + "?", page.selectFirst("h1").wholeText());
        assertTrue(page.title().startsWith("Qu’est-ce que c’est" + NNB + "? – "), page.title());
        assertEquals("Une page" + NB + ": en français", page.selectFirst("meta[name=description]").attr("content"));
    }

    @Test
    void theUiStringsOfFrenchPagesGetTheSpacesInTextAndAttributes() throws Exception {
        Document vote = built("fr/campaigns/2026/vote/index.html");
        assertEquals("Pour qui votez-vous" + NNB + "?", vote.selectFirst("legend").wholeText());
        String pending = vote.selectFirst("form[data-msg-pending]").attr("data-msg-pending");
        assertTrue(pending.contains("confirmez votre vote" + NB + ": il ne compte") && pending.contains("déjà voté" + NNB + "?"),
                "a message the script shows keeps its no-break spaces as characters: " + pending);
        Document english = Jsoup.parse(site.page("en/campaigns/2026/vote/index.html"));
        assertEquals("Who are you voting for?", english.selectFirst("legend").wholeText());
    }

    @Test
    void aFrenchNewsItemWithoutSummaryKeepsTheSpacesInItsDescription() throws Exception {
        Document item = built("fr/news/2026-11-16-vote/index.html");
        assertEquals("Le vote est ouvert" + NNB + "!", item.selectFirst("h1").wholeText());
        assertEquals("Vous votez" + NNB + "? Oui" + NB + ": dès aujourd’hui.", item.selectFirst("meta[name=description]").attr("content"));
    }

    @Test
    void textInOtherLanguagesIsPublishedAsTyped() throws Exception {
        built("nl/about/index.html");
        assertEquals("Wat ? Zo : « dit » ; 12 000 keer !", Jsoup.parse(site.page("nl/about/index.html")).selectFirst(".prose p").wholeText());
        assertEquals("What ? This : 12 000 times !", Jsoup.parse(site.page("en/about/index.html")).selectFirst(".prose p").wholeText());
        Document fallback = Jsoup.parse(site.page("fr/innovators/beta/index.html"));
        assertEquals("Alleen in het Nederlands : echt ?", fallback.selectFirst("[lang=nl] .prose p").wholeText(),
                "Dutch text shown on a French page keeps its Dutch spacing");
        assertEquals("Beta helpt buren ?", fallback.selectFirst(".lead").wholeText());
    }

    private TestSite site;

    private Document built(String path) throws Exception {
        site = TestSite.create(folder, "french-typography");
        TestSite.writePhoto(site.root().resolve("content/pages/about/schema.jpg"), 600, 400);
        new SiteBuilder(site.config()).build();
        return Jsoup.parse(site.page(path));
    }
}
