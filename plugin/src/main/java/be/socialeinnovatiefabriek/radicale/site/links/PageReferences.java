package be.socialeinnovatiefabriek.radicale.site.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Every address in a page that a browser loads or a visitor, a search engine or a share preview
 * follows. Forms are left out: they post to the vote counter, which is not part of the static site.
 */
final class PageReferences {

    /** Attributes that hold a single address, by the elements that carry them. */
    private static final String[][] SINGLE = {
        {"a[href], area[href]", "href", "link"},
        {"link[href]", "href", null},
        {"img[src]", "src", "image"},
        {"video[poster]", "poster", "image"},
        {"script[src]", "src", "script"},
        {"source[src], audio[src], video[src], track[src], embed[src], iframe[src]", "src", "media"},
        {"object[data]", "data", "object"},
        {"use[href], image[href]", "href", "graphic"},
        {"use[xlink:href], image[xlink:href]", "xlink:href", "graphic"},
        {"blockquote[cite], q[cite], ins[cite], del[cite]", "cite", "quotation source"},
    };
    private static final Pattern REFRESH = Pattern.compile("(?i)^\\s*\\d+\\s*[;,]\\s*url\\s*=\\s*['\"]?([^'\"]+)");
    private static final Pattern JSON_URL = Pattern.compile("\"(https?://[^\"\\s]+)\"");

    private PageReferences() {
    }

    /** The references in {@code document} (parsed with position tracking), shown as in {@code file}. */
    static List<Reference> in(Document document, String file) {
        List<Reference> references = new ArrayList<>();
        for (String[] single : SINGLE) {
            for (Element element : document.select(single[0])) {
                String kind = single[2] != null ? single[2] : linkKind(element);
                references.add(new Reference(file, line(element), kind, element.attr(single[1]).trim()));
            }
        }
        for (Element element : document.select("img[srcset], source[srcset], link[imagesrcset]")) {
            String attribute = element.hasAttr("srcset") ? "srcset" : "imagesrcset";
            for (String candidate : candidates(element.attr(attribute))) {
                references.add(new Reference(file, line(element), "image (" + attribute + ")", candidate));
            }
        }
        // Share previews, canonical addresses and the like name the site by its absolute address.
        for (Element meta : document.select("meta[property^=og:], meta[name^=twitter:]")) {
            String content = meta.attr("content");
            if (content.startsWith("http://") || content.startsWith("https://")) {
                String name = meta.hasAttr("property") ? meta.attr("property") : meta.attr("name");
                references.add(new Reference(file, line(meta), name, content.trim()));
            }
        }
        for (Element meta : document.select("meta[http-equiv=refresh]")) {
            Matcher refresh = REFRESH.matcher(meta.attr("content"));
            if (refresh.find()) {
                references.add(new Reference(file, line(meta), "redirect", refresh.group(1).trim()));
            }
        }
        for (Element script : document.select("script[type=application/ld+json]")) {
            Matcher url = JSON_URL.matcher(script.data());
            while (url.find()) {
                references.add(new Reference(file, line(script), "structured data address", url.group(1)));
            }
        }
        for (Element style : document.select("style")) {
            references.addAll(StylesheetReferences.in(style.data(), file, line(style)));
        }
        for (Element styled : document.select("[style]")) {
            references.addAll(StylesheetReferences.in(styled.attr("style"), file, line(styled)));
        }
        return references;
    }

    /** The addresses a feed or sitemap lists: {@code <loc>}, {@code <uri>} and every {@code href}. */
    static List<Reference> inXml(Document document, String file) {
        List<Reference> references = new ArrayList<>();
        for (Element element : document.select("loc, uri")) {
            references.add(new Reference(file, line(element), element.tagName(), element.text().trim()));
        }
        for (Element element : document.select("[href]")) {
            String kind = element.hasAttr("hreflang") ? "language alternate (" + element.attr("hreflang") + ")" : "link";
            references.add(new Reference(file, line(element), kind, element.attr("href").trim()));
        }
        return references;
    }

    static int line(Element element) {
        return element.sourceRange().start().lineNumber();
    }

    private static String linkKind(Element link) {
        String rel = link.attr("rel").toLowerCase(Locale.ROOT);
        if (rel.contains("alternate") && link.hasAttr("hreflang")) {
            return "language alternate (" + link.attr("hreflang") + ")";
        }
        if (rel.contains("alternate") && link.hasAttr("type")) {
            return "feed";
        }
        return rel.isBlank() ? "reference" : rel.trim().replaceAll("\\s+", " ");
    }

    /** The image addresses of a srcset: each candidate is an address, then optional descriptors, separated by commas. */
    static List<String> candidates(String srcset) {
        List<String> urls = new ArrayList<>();
        int i = 0;
        int length = srcset.length();
        while (i < length) {
            while (i < length && (Character.isWhitespace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < length && !Character.isWhitespace(srcset.charAt(i))) {
                i++;
            }
            String url = srcset.substring(start, i);
            boolean ended = url.endsWith(",");
            url = url.replaceAll(",+$", "");
            if (!url.isEmpty()) {
                urls.add(url);
            }
            if (!ended) {
                while (i < length && srcset.charAt(i) != ',') {
                    i++;
                }
            }
        }
        return urls;
    }
}
