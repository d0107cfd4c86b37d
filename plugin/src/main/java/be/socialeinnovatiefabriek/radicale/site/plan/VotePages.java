package be.socialeinnovatiefabriek.radicale.site.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pages of an edition's vote, by the key the vote counter knows them by (see the counter's
 * ballot), with their path below {@code /<lang>/campaigns/<year>/}.
 */
public final class VotePages {

    /** Status pages the counter redirects a form post to; each is rendered by vote-status.ftl. */
    public static final Map<String, String> STATUS = statusPages();

    public static final String VOTE = "vote/";
    public static final String RESULTS = "results/";

    private VotePages() {
    }

    private static Map<String, String> statusPages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("checkMail", "vote/check-your-mail/");
        pages.put("thanks", "vote/thank-you/");
        pages.put("alreadyVoted", "vote/already-voted/");
        pages.put("closed", "vote/closed/");
        pages.put("problem", "vote/problem/");
        return pages;
    }

    /** Every page key with its path below the edition, as written into the ballot. */
    public static Map<String, String> all() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("vote", VOTE);
        pages.putAll(STATUS);
        pages.put("results", RESULTS);
        return pages;
    }
}
