package be.socialeinnovatiefabriek.radicale.site.output;

import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.plan.Page;
import be.socialeinnovatiefabriek.radicale.site.plan.PageJob;
import be.socialeinnovatiefabriek.radicale.site.plan.PageType;
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
 * <p>Left out: the pages not indexed ({@link Page#indexed()}: the types kept out of search engines, and
 * in preview drafts, scheduled and expired pages), and pages shown in the default language for want
 * of a translation (their canonical address is the original, which is listed).
 */
public final class SitemapWriter {

    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    private final Routes routes;

    public SitemapWriter(Routes routes) {
        this.routes = routes;
    }

    /** The sitemap and robots.txt, by their path in the output. */
    public Map<String, byte[]> files(List<PageJob> jobs) {
        return Map.of(routes.file(routes.sitemap()), sitemap(jobs), routes.file(routes.robots()), robots());
    }

    private byte[] sitemap(List<PageJob> jobs) {
        List<Page> pages = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (PageJob job : jobs) {
            Page page = job.model().page();
            if (page.indexed() && !page.fallback() && listed.add(page.canonical())) {
                pages.add(page);
            }
        }
        return XmlOutput.document(xml -> {
            xml.start("", "urlset", SITEMAP);
            xml.raw().writeDefaultNamespace(SITEMAP);
            xml.raw().writeNamespace("xhtml", XHTML);
            for (Page page : pages) {
                xml.start("", "url", SITEMAP);
                xml.text("", "loc", SITEMAP, page.canonical());
                // The language choice at / is one address for every language: it has no translations to list.
                if (page.type() != PageType.LANGUAGE_SELECT) {
                    for (Page.Alternate other : page.alternates()) {
                        // A translation not published at this moment (preview) has no page to point to.
                        if (listed.contains(other.url())) {
                            xml.empty("xhtml", "link", XHTML, "rel", "alternate", "hreflang", other.lang(), "href", other.url());
                        }
                    }
                    if (listed.contains(page.xDefault())) {
                        xml.empty("xhtml", "link", XHTML, "rel", "alternate", "hreflang", "x-default", "href", page.xDefault());
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
                + "Sitemap: " + routes.absolute(routes.sitemap()) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
