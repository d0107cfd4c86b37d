package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.ballot.BallotSource;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiRequest;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.http.Reply;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore;
import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.MinuteTally;
import be.socialeinnovatiefabriek.radicale.vote.text.LocalisedTexts;
import be.socialeinnovatiefabriek.radicale.vote.text.Templates;
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
import java.util.Map;

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

    /**
     * The page: {@code studio/studio.mustache} with the texts of {@code studio/page_<lang>.properties}; the texts
     * its script shows are handed to it in {@code data-text-*} attributes (no inline script).
     */
    private static final Templates PAGE = Templates.load("studio", "page", List.of("studio"), List.of());
    private static final Map<String, String> LANGUAGE_NAMES = Map.of("nl", "Nederlands", "fr", "Français", "en", "English");

    private final AdminAuthorization authorization;
    private final BallotSource ballots;
    private final VoteStore store;
    private final Clock clock;
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
        List<Map<String, Object>> languages = new ArrayList<>();
        for (String other : LocalisedTexts.LANGUAGES) {
            languages.add(Map.of("code", other, "name", LANGUAGE_NAMES.get(other), "current", other.equals(lang)));
        }
        String html = PAGE.html("studio", lang, Map.of("campaign", campaign, "languages", languages));
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "text/html; charset=utf-8");
        headers.put("Content-Security-Policy", CSP);
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-Robots-Tag", "noindex, nofollow");
        return new ApiResponse(200, headers, html.getBytes(StandardCharsets.UTF_8));
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
