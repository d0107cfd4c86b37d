package be.socialeinnovatiefabriek.radicale.vote.http;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.text.LocalisedTexts;
import be.socialeinnovatiefabriek.radicale.vote.text.Templates;
import be.socialeinnovatiefabriek.radicale.vote.voting.LiveCount;
import be.socialeinnovatiefabriek.radicale.vote.voting.LiveCount.Count;
import be.socialeinnovatiefabriek.radicale.vote.voting.LiveCount.MinuteCount;
import be.socialeinnovatiefabriek.radicale.vote.voting.LiveCount.NomineeCount;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
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
 *     the numbers of {@link LiveCount}, whatever the results policy (401 without the header, 403 with a wrong
 *     token).</li>
 * <li>{@code GET /api/admin/studio/studio.js} and {@code studio.css}: the page's script and style, so that its
 *     Content-Security-Policy allows no inline script or style.</li>
 * </ul>
 *
 * Every answer is {@code Cache-Control: no-store} (the counter adds it to all).
 */
final class StudioView {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /**
     * The page: {@code studio/studio.mustache} with the texts of {@code studio/page_<lang>.properties}; the texts
     * its script shows are handed to it in {@code data-text-*} attributes (no inline script).
     */
    private static final Templates PAGE = Templates.load("studio", "page", List.of("studio"), List.of());
    private static final Map<String, String> LANGUAGE_NAMES = Map.of("nl", "Nederlands", "fr", "Français", "en", "English");

    private final LiveCount liveCount;
    private final byte[] script = resource("studio/studio.js");
    private final byte[] style = resource("studio/studio.css");

    StudioView(LiveCount liveCount) {
        this.liveCount = liveCount;
    }

    /** The page in the language of {@code ?lang=}, else of the browser's {@code Accept-Language}. */
    ApiResponse page(ApiRequest request, String campaign) {
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

    /** The numbers, for the admin token only (the caller checks it). */
    ApiResponse data(Ballot ballot, Reply reply) {
        Count count = liveCount.of(ballot);
        List<Map<String, Object>> nominees = new ArrayList<>();
        for (NomineeCount nominee : count.nominees()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", nominee.id());
            row.put("name", nominee.names());
            row.put("votes", nominee.votes());
            row.put("thisMinute", nominee.thisMinute());
            row.put("last10Minutes", nominee.lastMinutes());
            nominees.add(row);
        }
        List<Map<String, Object>> minutes = new ArrayList<>();
        for (MinuteCount minute : count.minutes()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("minute", minute.minute().toString());
            row.put("votes", minute.votes());
            row.put("total", minute.total());
            minutes.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", ballot.id());
        body.put("title", ballot.titles());
        body.put("phase", ballot.phase(count.serverTime()));
        body.put("opens", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ballot.opens()));
        body.put("closes", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ballot.closes()));
        body.put("serverTime", count.serverTime().toString());
        body.put("total", count.total());
        body.put("nominees", nominees);
        body.put("minutes", minutes);
        return reply.json(200, body);
    }

    /** The page's script or style sheet. */
    ApiResponse asset(String name) {
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
