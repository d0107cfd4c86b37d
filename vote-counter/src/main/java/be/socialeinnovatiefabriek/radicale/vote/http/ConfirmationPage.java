package be.socialeinnovatiefabriek.radicale.vote.http;

import be.socialeinnovatiefabriek.radicale.vote.text.HtmlText;
import be.socialeinnovatiefabriek.radicale.vote.text.LocalisedTexts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page behind the mailed link. Opening it counts nothing (mail scanners follow links): it asks the
 * voter to press one button, a form that posts the token. Styled by the site's stylesheet, no script.
 * A link the counter cannot use gets a short page that says so. Texts from {@code confirm/page_<lang>.properties}.
 */
public final class ConfirmationPage {

    private static final List<String> KEYS = List.of("siteName", "title", "heading", "intro", "note", "button", "footer",
            "unknownTitle", "unknownText", "expiredTitle", "expiredText", "voteAgain");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(campaign|nominee)}");
    private static final Map<String, Map<String, String>> TEXTS = load();

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
        String language = LocalisedTexts.language(lang);
        Map<String, String> t = TEXTS.get(language);
        String campaign = campaignTitle == null ? "" : campaignTitle;
        String nominee = nomineeName == null ? "" : nomineeName;
        return document(language, fill(t.get("title"), campaign, nominee, false), siteCssUrl,
                "<div class=\"page-head\">\n"
                + "<h1>" + HtmlText.escape(t.get("heading")) + "</h1>\n"
                + "<p class=\"lead\">" + fill(t.get("intro"), campaign, nominee, true) + "</p>\n"
                + "</div>\n"
                + "<form class=\"vote-slot\" method=\"post\" action=\"" + HtmlText.escape(confirmActionUrl) + "\">\n"
                + "<input type=\"hidden\" name=\"token\" value=\"" + HtmlText.escape(token) + "\">\n"
                + "<p>" + HtmlText.escape(t.get("note")) + "</p>\n"
                + "<p><button class=\"button\" type=\"submit\">" + HtmlText.escape(t.get("button")) + "</button></p>\n"
                + "</form>\n");
    }

    /**
     * The page for a link that cannot be used, in {@code lang}: {@code expired} or not (unknown). It names no
     * edition and no nominee, so it tells a guesser nothing.
     *
     * @param siteCssUrl  the site's stylesheet, or null when no edition is known
     * @param votePageUrl the edition's voting page, or null
     */
    public static String unusable(String lang, boolean expired, String siteCssUrl, String votePageUrl) {
        String language = LocalisedTexts.language(lang);
        Map<String, String> t = TEXTS.get(language);
        String title = t.get(expired ? "expiredTitle" : "unknownTitle");
        return document(language, HtmlText.escape(title), siteCssUrl,
                "<div class=\"page-head\">\n"
                + "<h1>" + HtmlText.escape(title) + "</h1>\n"
                + "<p class=\"lead\">" + HtmlText.escape(t.get(expired ? "expiredText" : "unknownText")) + "</p>\n"
                + "</div>\n"
                + (votePageUrl == null ? "" : "<p><a href=\"" + HtmlText.escape(votePageUrl) + "\">"
                        + HtmlText.escape(t.get("voteAgain")) + "</a></p>\n"));
    }

    private static String document(String language, String titleHtml, String siteCssUrl, String mainHtml) {
        Map<String, String> t = TEXTS.get(language);
        return "<!doctype html>\n"
                + "<html lang=\"" + language + "\">\n"
                + "<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                // The address holds the token: the stylesheet's server must not see it in a Referer.
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>" + titleHtml + "</title>\n"
                + (siteCssUrl == null ? "" : "<link rel=\"stylesheet\" href=\"" + HtmlText.escape(siteCssUrl) + "\">\n")
                + "</head>\n"
                + "<body>\n"
                + "<header class=\"site-header\">\n"
                + "<div class=\"wrap site-header__inner\"><span class=\"site-name\">" + HtmlText.escape(t.get("siteName"))
                + "</span></div>\n"
                + "</header>\n"
                + "<main id=\"main\" class=\"wrap\">\n"
                + mainHtml
                + "</main>\n"
                + "<footer class=\"site-footer\">\n"
                + "<div class=\"wrap\"><p>" + HtmlText.escape(t.get("footer")) + "</p></div>\n"
                + "</footer>\n"
                + "</body>\n"
                + "</html>\n";
    }

    // Escapes the text and the values separately, so the nominee can be set in <strong>.
    private static String fill(String template, String campaign, String nominee, boolean strongNominee) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        int last = 0;
        while (m.find()) {
            out.append(HtmlText.escape(template.substring(last, m.start())));
            if (m.group(1).equals("campaign")) {
                out.append(HtmlText.escape(campaign));
            } else {
                out.append(strongNominee ? "<strong>" + HtmlText.escape(nominee) + "</strong>" : HtmlText.escape(nominee));
            }
            last = m.end();
        }
        return out.append(HtmlText.escape(template.substring(last))).toString();
    }

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        LocalisedTexts.load("confirm/page").forEach((lang, properties) -> {
            Map<String, String> texts = new LinkedHashMap<>();
            for (String key : KEYS) {
                String text = properties.getProperty(key);
                if (text == null || text.isBlank()) {
                    throw new IllegalStateException(LocalisedTexts.resource("confirm/page", lang) + ": '" + key
                            + "' is missing; every language needs " + String.join(", ", KEYS));
                }
                texts.put(key, text);
            }
            all.put(lang, Map.copyOf(texts));
        });
        return Map.copyOf(all);
    }
}
