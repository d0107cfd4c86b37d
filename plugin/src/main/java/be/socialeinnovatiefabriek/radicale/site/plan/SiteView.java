package be.socialeinnovatiefabriek.radicale.site.plan;

import java.util.List;

/**
 * What templates know of the site as a whole ({@code site} in site-template/README.md): the same for
 * every page of a build.
 *
 * @param assets                the path of the assets folder, without a trailing slash
 * @param voteApi               where pages send votes: the counter's /api, absolute or on the site's own origin
 * @param voteOrigin            the counter's origin, or "" when it is the site's own
 * @param contentSecurityPolicy the policy of every page, for its meta element
 */
public record SiteView(List<Language> languages, String defaultLanguage, String baseUrl, String basePath, String assets,
                       boolean preview, ShareImage shareImage, String voteApi, String voteOrigin, String contentSecurityPolicy) {

    /** A language of the site, named in itself (Nederlands, Français), with its home page. */
    public record Language(String code, String name, String path) {
    }

    /** The site's default image for shared links (absolute), and its size. */
    public record ShareImage(String url, int width, int height) {
    }
}
