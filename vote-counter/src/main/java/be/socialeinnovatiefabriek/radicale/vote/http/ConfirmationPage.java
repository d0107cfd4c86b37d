package be.socialeinnovatiefabriek.radicale.vote.http;

import be.socialeinnovatiefabriek.radicale.vote.text.Templates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The page behind the mailed link. Opening it counts nothing (mail scanners follow links): it asks the
 * voter to press one button, a form that posts the token. Styled by the site's stylesheet, no script.
 * A link the counter cannot use gets a short page that says so. The templates {@code confirm/confirm.mustache}
 * and {@code confirm/link-unusable.mustache}, with the texts of {@code confirm/page_<lang>.properties}.
 */
public final class ConfirmationPage {

    private static final Templates PAGES = Templates.load("confirm", "page", List.of("confirm", "link-unusable"), List.of());

    private ConfirmationPage() {
    }

    /**
     * The whole page in {@code lang} (nl, fr or en; anything else gets nl). Every value is escaped.
     *
     * @param token            the token from the link, posted back as the form's {@code token} field
     * @param siteCssUrl       the site's stylesheet
     * @param confirmActionUrl where the form posts ({@code POST /api/votes/confirm})
     */
    public static String html(String lang, String token, String campaignTitle, String nomineeName, String siteCssUrl,
                              String confirmActionUrl) {
        Map<String, Object> values = new HashMap<>();
        values.put("titleKey", "title");
        values.put("token", token == null ? "" : token);
        values.put("campaign", campaignTitle == null ? "" : campaignTitle);
        values.put("nominee", nomineeName == null ? "" : nomineeName);
        values.put("css", siteCssUrl);
        values.put("action", confirmActionUrl == null ? "" : confirmActionUrl);
        return PAGES.html("confirm", lang, values);
    }

    /**
     * The page for a link that cannot be used, in {@code lang}: {@code expired} or not (unknown). It names no
     * edition and no nominee, so it tells a guesser nothing.
     *
     * @param siteCssUrl  the site's stylesheet, or null when no edition is known
     * @param votePageUrl the edition's voting page, or null
     */
    public static String unusable(String lang, boolean expired, String siteCssUrl, String votePageUrl) {
        Map<String, Object> values = new HashMap<>();
        values.put("titleKey", expired ? "expiredTitle" : "unknownTitle");
        values.put("textKey", expired ? "expiredText" : "unknownText");
        values.put("css", siteCssUrl);
        values.put("vote", votePageUrl);
        return PAGES.html("link-unusable", lang, values);
    }
}
