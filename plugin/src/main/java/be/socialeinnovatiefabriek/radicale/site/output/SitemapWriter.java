package be.socialeinnovatiefabriek.radicale.site.output;

import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.plan.PageJob;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code sitemap.xml} and {@code robots.txt} for search engines. The sitemap lists each page
 * search engines should index, at its canonical address, with the addresses of its translations
 * ({@code xhtml:link rel="alternate" hreflang}) and x-default, as in the page's own head.
 *
 * <p>Left out: the 404 pages and the vote status pages (noindex), pages not published at the
 * build's moment (in preview: drafts, scheduled and expired), and pages shown in the default
 * language for want of a translation (their canonical address is the original, which is listed).
 */
public final class SitemapWriter {

    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final Set<String> NOT_INDEXED = Set.of("404", "vote-status", "posters");

    private final SiteConfig config;

    public SitemapWriter(SiteConfig config) {
        this.config = config;
    }

    /** The sitemap and robots.txt, by their path in the output. */
    public Map<String, byte[]> files(List<PageJob> jobs) {
        return Map.of("sitemap.xml", sitemap(jobs), "robots.txt", robots());
    }

    private byte[] sitemap(List<PageJob> jobs) {
        List<Map<?, ?>> pages = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (PageJob job : jobs) {
            Map<?, ?> page = (Map<?, ?>) job.model().get("page");
            if (!NOT_INDEXED.contains(page.get("type")) && "published".equals(page.get("status")) && !Boolean.TRUE.equals(page.get("fallback"))
                    && listed.add((String) page.get("canonical"))) {
                pages.add(page);
            }
        }
        return XmlOutput.document(xml -> {
            xml.start("", "urlset", SITEMAP);
            xml.raw().writeDefaultNamespace(SITEMAP);
            xml.raw().writeNamespace("xhtml", XHTML);
            for (Map<?, ?> page : pages) {
                xml.start("", "url", SITEMAP);
                xml.text("", "loc", SITEMAP, (String) page.get("canonical"));
                // The language choice at / is one address for every language: it has no translations to list.
                if (!"language-select".equals(page.get("type"))) {
                    for (Object alternate : (List<?>) page.get("alternates")) {
                        Map<?, ?> other = (Map<?, ?>) alternate;
                        // A translation not published at this moment (preview) has no page to point to.
                        if (listed.contains((String) other.get("url"))) {
                            xml.empty("xhtml", "link", XHTML, "rel", "alternate", "hreflang", (String) other.get("lang"), "href", (String) other.get("url"));
                        }
                    }
                    if (listed.contains((String) page.get("xDefault"))) {
                        xml.empty("xhtml", "link", XHTML, "rel", "alternate", "hreflang", "x-default", "href", (String) page.get("xDefault"));
                    }
                }
                xml.end();
            }
            xml.end();
        });
    }

    /** Every crawler may read everything; robots.txt counts only at the root of the host, so the sitemap is named in full. */
    private byte[] robots() {
        return ("User-agent: *\n"
                + "Allow: /\n"
                + "\n"
                + "Sitemap: " + config.baseUrl() + "/sitemap.xml\n").getBytes(StandardCharsets.UTF_8);
    }
}
