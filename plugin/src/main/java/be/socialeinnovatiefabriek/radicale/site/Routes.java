package be.socialeinnovatiefabriek.radicale.site;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every address of the site, made here and nowhere else: the path of each page and file (with the
 * base path of site.baseUrl in front, ready for an {@code href}), its full address, and the file in the
 * output folder it is written to. The templates receive these paths in their model and never make one.
 */
public final class Routes {

    /** The pages the vote counter sends a form post to, by the key its ballot knows them by, below the vote page. */
    private static final Map<String, String> VOTE_STATUS = voteStatusPages();

    private final String base;
    private final String origin;
    private final String voteApi;

    private final String voteOrigin;

    public Routes(SiteConfig config) {
        String path = URI.create(config.baseUrl()).getPath();
        this.base = path == null ? "" : path;
        this.origin = config.baseUrl().substring(0, config.baseUrl().length() - base.length());
        this.voteApi = config.voteEndpoint() + "/api";
        this.voteOrigin = origin(config.voteEndpoint());
    }

    /** The path part of the base address ("" or "/sub"), in front of every path below. */
    public String base() {
        return base;
    }

    /** The root page, which sends a visitor to their language. */
    public String languageSelect() {
        return base + "/";
    }

    /** The page served for an unknown address outside a language folder. */
    public String notFound() {
        return base + "/404.html";
    }

    public String home(String lang) {
        return base + "/" + lang + "/";
    }

    /** The page served for an unknown address below {@code /<lang>/}. */
    public String notFound(String lang) {
        return home(lang) + "404.html";
    }

    public String innovators(String lang) {
        return home(lang) + "innovators/";
    }

    public String innovator(String lang, String slug) {
        return innovators(lang) + slug + "/";
    }

    /** The archive of editions. */
    public String campaigns(String lang) {
        return home(lang) + "campaigns/";
    }

    public String edition(String lang, String year) {
        return campaigns(lang) + year + "/";
    }

    public String vote(String lang, String year) {
        return edition(lang, year) + "vote/";
    }

    public String results(String lang, String year) {
        return edition(lang, year) + "results/";
    }

    /** The page the counter sends a voter to after a form post, by its key in the ballot ({@link #voteStatusKeys}). */
    public String voteStatus(String lang, String year, String key) {
        return vote(lang, year) + VOTE_STATUS.get(key);
    }

    /** The keys of the vote status pages, in the order the site and the ballot list them. */
    public static Iterable<String> voteStatusKeys() {
        return VOTE_STATUS.keySet();
    }

    /** For staff: every nominee's poster and share card of an edition. */
    public String posters(String lang, String year) {
        return edition(lang, year) + "posters/";
    }

    public String news(String lang) {
        return home(lang) + "news/";
    }

    public String newsItem(String lang, String slug) {
        return news(lang) + slug + "/";
    }

    /** The Atom feed of the news in {@code lang}. */
    public String feed(String lang) {
        return news(lang) + "feed.xml";
    }

    /** A plain page of content/pages/. */
    public String page(String lang, String slug) {
        return home(lang) + slug + "/";
    }

    /** The accessibility statement (content/accessibility/). */
    public String accessibility(String lang) {
        return home(lang) + "accessibility/";
    }

    public String themes(String lang) {
        return home(lang) + "themes/";
    }

    public String theme(String lang, String id) {
        return themes(lang) + id + "/";
    }

    /** The id of the vote for an edition on a nominee's profile. */
    public String voteAnchor(String year) {
        return "vote-" + year;
    }

    /** The full address of the vote for a nominee on its profile: where a poster's QR code leads. */
    public String voteOnProfile(String lang, String slug, String year) {
        return absolute(innovator(lang, slug)) + "#" + voteAnchor(year);
    }

    /** Where pages send votes: the counter's /api, absolute, or on the site's own origin when site.voteEndpoint is empty. */
    public String voteApi() {
        return voteApi;
    }

    /** The counter's origin, for the Content Security Policy; "" when it is the site's own. */
    public String voteOrigin() {
        return voteOrigin;
    }

    /** Where an edition's vote form posts: the counter's API, absolute or on the site's own origin. */
    public String voteAction(String year) {
        return voteApi + "/campaigns/" + year + "/votes";
    }

    /** Where a page asks the counter for the proof of work a vote without e-mail needs. */
    public String voteChallenge(String year) {
        return voteApi + "/campaigns/" + year + "/challenge";
    }

    /** The full addresses the vote counter sends voters to, by the ballot's keys: vote, each status page, results. */
    public Map<String, String> votePages(String lang, String year) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("vote", absolute(vote(lang, year)));
        VOTE_STATUS.keySet().forEach(key -> pages.put(key, absolute(voteStatus(lang, year, key))));
        pages.put("results", absolute(results(lang, year)));
        return pages;
    }

    /** The folder of the template's assets (no trailing slash: templates add the file's name). */
    public String assets() {
        return base + "/assets";
    }

    public String asset(String name) {
        return assets() + "/" + name;
    }

    /** A file published from a content folder ({@code section} such as innovators, then the folder's name). */
    public String bundleFile(String section, String slug, String name) {
        return base + "/media/" + section + "/" + slug + "/" + name;
    }

    /** A nominee's share image for an edition, in a language. */
    public String shareCard(String year, String slug, String lang) {
        return base + "/media/share/" + year + "/" + slug + "." + lang + ".png";
    }

    /** A nominee's printable poster for an edition, in a language. */
    public String poster(String year, String slug, String lang) {
        return base + "/media/posters/" + year + "/" + slug + "." + lang + ".pdf";
    }

    /** What the vote counter reads of an edition. */
    public String ballot(String year) {
        return base + "/ballots/" + year + ".json";
    }

    public String sitemap() {
        return base + "/sitemap.xml";
    }

    public String robots() {
        return base + "/robots.txt";
    }

    /** The full address of a path made here. */
    public String absolute(String sitePath) {
        return origin + sitePath;
    }

    /** A path made here without the base path: what stays the same when the site moves to another path. */
    public String withinSite(String sitePath) {
        return sitePath.substring(base.length());
    }

    /** The file in the output folder a path made here is written to: a folder's page is its index.html. */
    public String file(String sitePath) {
        String file = withinSite(sitePath).substring(1);
        return file.isEmpty() || file.endsWith("/") ? file + "index.html" : file;
    }

    /** The host of the site, as named in feed ids. */
    public String host() {
        return URI.create(origin).getHost();
    }

    /** Scheme, host and port only: never a user name or password written into the address. */
    private static String origin(String endpoint) {
        if (endpoint.isEmpty()) {
            return "";
        }
        URI uri = URI.create(endpoint);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static Map<String, String> voteStatusPages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("checkMail", "check-your-mail/");
        pages.put("thanks", "thank-you/");
        pages.put("alreadyVoted", "already-voted/");
        pages.put("closed", "closed/");
        pages.put("problem", "problem/");
        return pages;
    }
}
