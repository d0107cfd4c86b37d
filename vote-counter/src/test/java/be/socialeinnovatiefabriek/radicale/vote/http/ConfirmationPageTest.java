package be.socialeinnovatiefabriek.radicale.vote.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page behind the mailed link: one button that posts the token, in the voter's language; or why the link cannot be used. */
class ConfirmationPageTest {

    private static final String CSS = "https://radicalevernieuwers.be/assets/site.css";
    private static final String ACTION = "https://stem.radicalevernieuwers.be/api/votes/confirm";

    private static String page(String lang, String nominee) {
        return ConfirmationPage.html(lang, "AbC-123_xyz", "Radicale Vernieuwers 2026", nominee, CSS, ACTION);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nl | nl | Bevestig je stem | Je stemt op <strong>Zoë Lefèvre</strong> bij Radicale Vernieuwers 2026. | Ja, bevestig mijn stem | Er telt niets tot je op de knop drukt.",
            "fr | fr | Confirmez votre vote | Vous votez pour <strong>Zoë Lefèvre</strong> dans le cadre de Radicale Vernieuwers 2026. | Oui, confirmer mon vote | Rien n&#39;est compté tant que vous n&#39;avez pas appuyé sur le bouton.",
            "en | en | Confirm your vote | You are voting for <strong>Zoë Lefèvre</strong> in Radicale Vernieuwers 2026. | Yes, confirm my vote | Nothing is counted until you press the button.",
            "FR-be | fr | Confirmez votre vote | Vous votez pour | Oui, confirmer mon vote | Rien n&#39;est compté",
            "de | nl | Bevestig je stem | Je stemt op | Ja, bevestig mijn stem | Er telt niets",
            "'' | nl | Bevestig je stem | Je stemt op | Ja, bevestig mijn stem | Er telt niets"})
    void speaksTheVotersLanguage(String lang, String pageLang, String heading, String intro, String button, String note) {
        String html = page(lang, "Zoë Lefèvre");

        assertAll(
                () -> assertTrue(html.startsWith("<!doctype html>\n<html lang=\"" + pageLang + "\">"), html),
                () -> assertTrue(html.contains("<title>" + heading + " – Radicale Vernieuwers 2026</title>"), html),
                () -> assertTrue(html.contains("<h1>" + heading + "</h1>"), html),
                () -> assertTrue(html.contains(intro), html),
                () -> assertTrue(html.contains(note), html),
                () -> assertTrue(html.contains("<button class=\"button\" type=\"submit\">" + button + "</button>"), html));
    }

    @Test
    void defaultsToDutchWithoutALanguage() {
        assertTrue(page(null, "Zoë").contains("<html lang=\"nl\">"));
    }

    @Test
    void hasOneFormThatPostsTheToken() {
        String html = page("en", "Zoë");

        assertAll(
                () -> assertEquals(1, count(html, "<form"), html),
                () -> assertTrue(html.contains("<form class=\"vote-slot\" method=\"post\" action=\"" + ACTION + "\">"), html),
                () -> assertTrue(html.contains("<input type=\"hidden\" name=\"token\" value=\"AbC-123_xyz\">"), html),
                () -> assertEquals(1, count(html, "<input"), html),
                () -> assertEquals(1, count(html, "<button"), html));
    }

    @Test
    void looksLikeTheSiteWithoutScript() {
        String html = page("nl", "Zoë");

        assertAll(
                () -> assertTrue(html.contains("<link rel=\"stylesheet\" href=\"" + CSS + "\">"), html),
                () -> assertTrue(html.contains("<main id=\"main\" class=\"wrap\">"), html),
                () -> assertTrue(html.contains("<meta name=\"referrer\" content=\"no-referrer\">"), html),
                () -> assertTrue(html.contains("<meta name=\"robots\" content=\"noindex\">"), html),
                () -> assertTrue(html.contains("Een campagne van de Sociale InnovatieFabriek"), html),
                () -> assertFalse(html.contains("<script"), html),
                () -> assertFalse(html.contains("style="), html),
                () -> assertTrue(html.endsWith("</html>\n"), html));
    }

    @Test
    void escapesAHostileNominee() {
        String hostile = "\"><script>alert('x')</script><img src=x onerror=alert(1)>{campaign}";

        String html = ConfirmationPage.html("en", "t\"><script>", "RV <2026> & co", hostile,
                "/assets/site.css\"><script>", "/api/votes/confirm?a=1&b=2");

        assertAll(
                () -> assertFalse(html.contains("<script"), html),
                () -> assertFalse(html.contains("<img"), html),
                () -> assertTrue(html.contains("<strong>&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
                        + "&lt;img src=x onerror=alert(1)&gt;{campaign}</strong> in RV &lt;2026&gt; &amp; co."), html),
                () -> assertTrue(html.contains("<title>Confirm your vote – RV &lt;2026&gt; &amp; co</title>"), html),
                () -> assertTrue(html.contains("value=\"t&quot;&gt;&lt;script&gt;\""), html),
                () -> assertTrue(html.contains("href=\"/assets/site.css&quot;&gt;&lt;script&gt;\""), html),
                () -> assertTrue(html.contains("action=\"/api/votes/confirm?a=1&amp;b=2\""), html));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nl | false | Deze link werkt niet | Deze bevestigingslink is niet geldig",
            "fr | false | Ce lien ne fonctionne pas | Ce lien de confirmation n&#39;est pas valable",
            "en | false | This link does not work | This confirmation link is not valid",
            "nl | true | Deze link is verlopen | Deze bevestigingslink is verlopen, dus er is niets geteld.",
            "fr | true | Ce lien a expiré | Ce lien de confirmation a expiré, rien n&#39;a donc été compté.",
            "en | true | This link has expired | This confirmation link has expired, so nothing was counted."})
    void saysALinkCannotBeUsedWithoutNamingAVote(String lang, boolean expired, String heading, String text) {
        String html = ConfirmationPage.unusable(lang, expired, null, null);

        assertAll(
                () -> assertTrue(html.startsWith("<!doctype html>\n<html lang=\"" + lang + "\">"), html),
                () -> assertTrue(html.contains("<title>" + heading + "</title>"), html),
                () -> assertTrue(html.contains("<h1>" + heading + "</h1>"), html),
                () -> assertTrue(html.contains("<p class=\"lead\">" + text), html),
                () -> assertEquals(0, count(html, "<form"), html),
                () -> assertEquals(0, count(html, "<a "), "no edition known, no link: " + html),
                () -> assertEquals(0, count(html, "<link"), "no edition known, no stylesheet: " + html));
    }

    @Test
    void anExpiredLinksPageLooksLikeTheSiteAndLeadsBackToTheVote() {
        String html = ConfirmationPage.unusable("en", true, CSS, "https://radicalevernieuwers.be/en/vote/?a=1&b=\"2\"");

        assertAll(
                () -> assertTrue(html.contains("<link rel=\"stylesheet\" href=\"" + CSS + "\">"), html),
                () -> assertTrue(html.contains("<p><a href=\"https://radicalevernieuwers.be/en/vote/?a=1&amp;b=&quot;2&quot;\">"
                        + "Vote again</a></p>"), html),
                () -> assertFalse(html.contains("<script"), html));
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
