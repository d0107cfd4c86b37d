package be.socialeinnovatiefabriek.radicale.site.plan;

import be.socialeinnovatiefabriek.radicale.site.output.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * schema.org descriptions for search engines, as JSON-LD ready to print inside
 * {@code <script type="application/ld+json">} (page.jsonLd). Built with Jackson, never by hand.
 *
 * <p>schema.org has no type for an award or a competition: {@code award} is only a text property of
 * the one who won it. So an edition is an {@code ItemList} named for the edition, whose items are its
 * nominees as {@code Organization}s (most innovators are organisations or collaborations), and a
 * winner's item carries {@code award} with the prize and the edition, such as "Juryprijs – Radicale
 * Vernieuwers 2026". {@code Event} would claim a place and a time to attend, which an edition has not.
 */
final class StructuredData {

    private static final String CONTEXT = "https://schema.org";

    private StructuredData() {
    }

    /** The organisation behind the campaign, for the home page. */
    static String organisation(String name, String url) {
        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("@context", CONTEXT);
        organisation.putAll(organisationNode(name, url));
        return forScript(organisation);
    }

    /**
     * An edition with its nominees and winners.
     *
     * @param edition    the edition as its page shows it
     * @param url        the edition page's canonical address
     * @param prizes     the label of each prize by role (jury, audience), in the page's language
     * @param absolute   turns a site path into an absolute address
     */
    static String edition(EditionView edition, String url, String inLanguage, Map<String, String> prizes,
                          String organiser, String organiserUrl, Function<String, String> absolute) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("@context", CONTEXT);
        list.put("@type", "ItemList");
        list.put("name", edition.title());
        if (edition.summary() != null) {
            list.put("description", edition.summary());
        }
        list.put("url", url);
        list.put("inLanguage", inLanguage);
        list.put("publisher", organisationNode(organiser, organiserUrl));
        List<Map<String, Object>> items = new ArrayList<>();
        for (InnovatorView nominee : edition.nominees()) {
            Map<String, Object> thing = new LinkedHashMap<>();
            thing.put("@type", "Organization");
            thing.put("name", nominee.name());
            thing.put("description", nominee.tagline());
            thing.put("url", absolute.apply(nominee.path()));
            List<String> awards = new ArrayList<>();
            edition.winners().forEach((role, winner) -> {
                if (nominee.slug().equals(winner.slug())) {
                    awards.add(prizes.get(role) + " – " + edition.title());
                }
            });
            if (!awards.isEmpty()) {
                thing.put("award", awards.size() == 1 ? awards.get(0) : awards);
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("@type", "ListItem");
            item.put("position", items.size() + 1);
            item.put("item", thing);
            items.add(item);
        }
        list.put("numberOfItems", items.size());
        list.put("itemListElement", items);
        return forScript(list);
    }

    private static Map<String, Object> organisationNode(String name, String url) {
        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("@type", "Organization");
        organisation.put("name", name);
        organisation.put("url", url);
        return organisation;
    }

    /**
     * JSON that cannot end its script element: {@code </} becomes {@code <\/} and {@code <!--}
     * becomes {@code \u003c!--}, both the same string to a JSON reader ({@code <} only occurs inside strings).
     */
    static String forScript(Object value) {
        return JsonText.compact(value).replace("</", "<\\/").replace("<!--", "\\u003c!--");
    }
}
