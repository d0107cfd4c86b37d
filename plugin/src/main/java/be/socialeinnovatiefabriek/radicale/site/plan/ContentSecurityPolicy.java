package be.socialeinnovatiefabriek.radicale.site.plan;

/**
 * The Content Security Policy of the site, in one place: every page carries it in a meta element, and
 * the preview server sends it as a header. Scripts, styles and images come from the site itself only;
 * forms and fetches may also reach the vote counter's origin when it has its own.
 */
public final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {
    }

    /** The policy of the pages, for their meta element; {@code voteOrigin} is "" when the counter is on the site's own origin. */
    public static String forPages(String voteOrigin) {
        String counter = voteOrigin.isEmpty() ? "" : " " + voteOrigin;
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'" + counter
                + "; form-action 'self'" + counter + "; base-uri 'self'; object-src 'none'";
    }

    /** The same policy as a response header, which can also forbid framing (a meta element cannot). */
    public static String forHeader(String voteOrigin) {
        return forPages(voteOrigin) + "; frame-ancestors 'none'";
    }
}
