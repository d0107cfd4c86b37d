package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.ballot.BallotSource;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiRequest;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.http.Reply;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.MinuteTally;
import be.socialeinnovatiefabriek.radicale.vote.text.HtmlText;
import be.socialeinnovatiefabriek.radicale.vote.text.LocalisedTexts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The studio view for a broadcast, behind the admin token: a page that shows, every few seconds, the votes per
 * nominee and per minute, embargoed until voting closes, in large type for a studio screen.
 *
 * <ul>
 * <li>{@code GET /api/admin/campaigns/{id}/studio[?lang=nl|fr|en]}: the page, with no number in it; its script
 *     asks for the token once and keeps it in the browser tab (sessionStorage), never in an address.</li>
 * <li>{@code GET /api/admin/campaigns/{id}/studio.json} with {@code Authorization: Bearer <VOTE_ADMIN_TOKEN>}:
 *     the numbers, whatever the results policy (401 without the header, 403 with a wrong token).</li>
 * <li>{@code GET /api/admin/studio/studio.js} and {@code studio.css}: the page's script and style, so that its
 *     Content-Security-Policy allows no inline script or style.</li>
 * </ul>
 *
 * Every answer is {@code Cache-Control: no-store} (the counter adds it to all).
 */
public final class StudioView {

    /** The minutes {@code studio.json} covers, the current one last. */
    static final int MINUTES = 60;
    /** The complete and current minutes added up in {@code last10Minutes}. */
    static final int RECENT = 10;
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final String TEXTS = "studio/page";
    private static final Map<String, String> LANGUAGE_NAMES = Map.of("nl", "Nederlands", "fr", "Français", "en", "English");
    /** Texts the script shows, handed to it as data attributes (no inline script). */
    private static final List<String> SCRIPT_TEXTS = List.of("embargo", "public", "updated", "wrongToken", "offline",
            "loading", "noVotes");

    private final AdminAuthorization authorization;
    private final BallotSource ballots;
    private final VoteStore store;
    private final Clock clock;
    private final Map<String, Properties> texts = LocalisedTexts.load(TEXTS);
    private final byte[] script = resource("studio/studio.js");
    private final byte[] style = resource("studio/studio.css");

    public StudioView(CounterSettings settings, BallotSource ballots, VoteStore store, Clock clock) {
        this.authorization = new AdminAuthorization(settings.adminToken());
        this.ballots = ballots;
        this.store = store;
        this.clock = clock;
    }

    /** The page in the language of {@code ?lang=}, else of the browser's {@code Accept-Language}. */
    public ApiResponse page(ApiRequest request, String campaign) {
        String requested = request.query().get("lang");
        if (requested == null) {
            String accept = request.header("accept-language");
            requested = accept == null ? null : accept.split("[,;]", 2)[0];
        }
        String lang = LocalisedTexts.language(requested);
        Properties text = texts.get(lang);
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>").append(e(text, "title")).append(' ').append(campaign).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/api/admin/studio/studio.css\">\n")
                .append("<script src=\"/api/admin/studio/studio.js\" defer></script>\n</head>\n<body>\n<header>\n")
                .append("<h1>").append(e(text, "heading")).append(' ').append(campaign).append("</h1>\n")
                .append("<nav aria-label=\"").append(e(text, "languages")).append("\"><ul>");
        for (String other : LocalisedTexts.LANGUAGES) {
            html.append("<li><a href=\"?lang=").append(other).append("\" lang=\"").append(other).append("\" hreflang=\"")
                    .append(other).append('"').append(other.equals(lang) ? " aria-current=\"page\"" : "").append('>')
                    .append(LANGUAGE_NAMES.get(other)).append("</a></li>");
        }
        html.append("</ul></nav>\n</header>\n<main id=\"studio\" data-campaign=\"").append(campaign)
                .append("\" data-lang=\"").append(lang).append('"');
        for (String key : SCRIPT_TEXTS) {
            html.append(" data-text-").append(key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT)).append("=\"")
                    .append(e(text, key)).append('"');
        }
        html.append(">\n<noscript><p class=\"notice\">").append(e(text, "needsScript")).append("</p></noscript>\n")
                .append("<form id=\"token-form\" class=\"token\">\n")
                .append("<label for=\"token\">").append(e(text, "tokenLabel")).append("</label>\n")
                .append("<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\" spellcheck=\"false\" ")
                .append("required aria-describedby=\"token-help\">\n")
                .append("<button type=\"submit\">").append(e(text, "show")).append("</button>\n")
                .append("<p id=\"token-help\">").append(e(text, "tokenHelp")).append("</p>\n</form>\n")
                .append("<p id=\"status\" role=\"status\"></p>\n")
                .append("<section id=\"board\" hidden>\n<p id=\"embargo\" class=\"embargo\"></p>\n")
                .append("<p id=\"updated\" class=\"updated\"></p>\n")
                .append("<table id=\"nominees\">\n<caption>").append(e(text, "perNominee")).append("</caption>\n<thead><tr>")
                .append(th(text, "rank")).append(th(text, "nominee")).append(th(text, "total"))
                .append(th(text, "thisMinute")).append(th(text, "last10")).append("</tr></thead>\n<tbody></tbody>\n")
                .append("<tfoot><tr><td></td><th scope=\"row\">").append(e(text, "allNominees"))
                .append("</th><td id=\"total\"></td><td id=\"total-this-minute\"></td><td id=\"total-last10\"></td>")
                .append("</tr></tfoot>\n</table>\n")
                .append("<table id=\"minutes\">\n<caption>").append(e(text, "perMinute")).append("</caption>\n<thead><tr>")
                .append(th(text, "minute")).append(th(text, "votes")).append("</tr></thead>\n<tbody></tbody>\n</table>\n")
                .append("<button type=\"button\" id=\"forget\">").append(e(text, "forget")).append("</button>\n")
                .append("</section>\n</main>\n</body>\n</html>\n");
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "text/html; charset=utf-8");
        headers.put("Content-Security-Policy", CSP);
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-Robots-Tag", "noindex, nofollow");
        return new ApiResponse(200, headers, html.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The numbers, for the admin token only. */
    public ApiResponse data(ApiRequest request, String campaign, Reply reply) throws Refusal {
        authorization.require(request, reply);
        Ballot ballot = Ballot.required(ballots, campaign);
        Instant now = clock.instant();
        Instant current = now.truncatedTo(ChronoUnit.MINUTES);
        Instant first = current.minus(Duration.ofMinutes(MINUTES - 1));
        Map<String, Long> tallies = store.tallies(ballot.id());
        Map<Instant, Map<String, Long>> perMinute = new LinkedHashMap<>();
        for (int i = 0; i < MINUTES; i++) {
            perMinute.put(first.plus(Duration.ofMinutes(i)), new LinkedHashMap<>());
        }
        for (MinuteTally tally : store.minuteTallies(ballot.id(), first)) {
            Map<String, Long> minute = perMinute.get(tally.minute());
            if (minute != null && ballot.nominees().contains(tally.nominee())) {
                minute.merge(tally.nominee(), tally.votes(), Long::sum);
            }
        }
        Instant recent = current.minus(Duration.ofMinutes(RECENT - 1));
        List<Map<String, Object>> nominees = new ArrayList<>();
        long total = 0;
        for (String nominee : ballot.nominees()) {
            long votes = tallies.getOrDefault(nominee, 0L);
            total += votes;
            long thisMinute = perMinute.get(current).getOrDefault(nominee, 0L);
            long last10 = perMinute.entrySet().stream().filter(entry -> !entry.getKey().isBefore(recent))
                    .mapToLong(entry -> entry.getValue().getOrDefault(nominee, 0L)).sum();
            Map<String, String> names = new LinkedHashMap<>();
            for (String lang : ballot.languages()) {
                names.put(lang, ballot.nomineeName(nominee, lang));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", nominee);
            row.put("name", names);
            row.put("votes", votes);
            row.put("thisMinute", thisMinute);
            row.put("last10Minutes", last10);
            nominees.add(row);
        }
        List<Map<String, Object>> minutes = new ArrayList<>();
        perMinute.forEach((minute, counted) -> {
            Map<String, Long> votes = new LinkedHashMap<>(); // in the ballot's order, nominees with votes only
            ballot.nominees().stream().filter(counted::containsKey).forEach(nominee -> votes.put(nominee, counted.get(nominee)));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("minute", minute.toString());
            row.put("votes", votes);
            row.put("total", votes.values().stream().mapToLong(Long::longValue).sum());
            minutes.add(row);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", ballot.id());
        body.put("title", ballot.titles());
        body.put("phase", ballot.phase(now));
        body.put("opens", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ballot.opens()));
        body.put("closes", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ballot.closes()));
        body.put("serverTime", now.toString());
        body.put("total", total);
        body.put("nominees", nominees);
        body.put("minutes", minutes);
        return reply.json(200, body);
    }

    /** The page's script or style sheet. */
    public ApiResponse asset(String name) {
        boolean js = name.endsWith(".js");
        return new ApiResponse(200, Map.of("Content-Type", js ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8"),
                (js ? script : style).clone());
    }

    private static String th(Properties text, String key) {
        return "<th scope=\"col\">" + e(text, key) + "</th>";
    }

    private static String e(Properties text, String key) {
        String value = text.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(TEXTS + " lacks '" + key + "'; the vote counter's jar is incomplete");
        }
        return HtmlText.escape(value);
    }

    private static byte[] resource(String name) {
        try (InputStream in = StudioView.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path; the vote counter's jar is incomplete");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + name, e);
        }
    }
}
