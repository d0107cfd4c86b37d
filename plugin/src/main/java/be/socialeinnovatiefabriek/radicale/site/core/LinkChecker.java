package be.socialeinnovatiefabriek.radicale.site.core;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads every HTML page of a built site as a browser would and reports internal links, images,
 * assets and language alternates that point nowhere, and images without alt text.
 */
public final class LinkChecker {

    private final Path root;
    private final String baseUrl;

    public LinkChecker(Path root, String baseUrl) {
        this.root = root.toAbsolutePath().normalize();
        this.baseUrl = baseUrl;
    }

    /** One line per broken reference: {@code page: what; fix}. */
    public List<String> check() throws IOException {
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(root)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().collect(Collectors.toList());
        }
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            Document document = Jsoup.parse(page.toFile(), "UTF-8");
            String shown = root.relativize(page).toString().replace('\\', '/');
            // Forms post to the vote counter, which is not part of the static site.
            for (Element element : document.select("a[href], link[href], img[src], script[src], source[src]")) {
                String attribute = element.hasAttr("href") ? "href" : "src";
                String target = element.attr(attribute);
                String resolved = resolve(page, target);
                if (resolved != null && !exists(resolved)) {
                    String kind = "alternate".equals(element.attr("rel")) ? "language alternate (" + element.attr("hreflang") + ")"
                            : element.tagName().equals("img") ? "image" : element.tagName().equals("a") ? "link" : "reference";
                    problems.add(shown + ": " + kind + " " + target + " points to no page or file; fix the link or add the page it names");
                }
            }
            for (Element image : document.select("img:not([alt])")) {
                problems.add(shown + ": image " + image.attr("src") + " has no alt text; describe the image in the content or template");
            }
        }
        return problems;
    }

    /** The site path a reference leads to, or null when it leaves the site. */
    private String resolve(Path page, String target) {
        if (target.isEmpty() || target.startsWith("#") || target.startsWith("mailto:") || target.startsWith("tel:") || target.startsWith("data:")) {
            return null;
        }
        try {
            URI uri = new URI(target.replace(" ", "%20"));
            if (uri.isAbsolute()) {
                if (!target.startsWith(baseUrl + "/") && !target.equals(baseUrl)) {
                    return null;
                }
                return URI.create(target.substring(baseUrl.length()).isEmpty() ? "/" : target.substring(baseUrl.length())).getPath();
            }
            if (uri.getPath() == null || uri.getPath().isEmpty()) {
                return null;
            }
            String pagePath = "/" + root.relativize(page).toString().replace('\\', '/');
            return URI.create(pagePath).resolve(uri).getPath();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "/" + target;
        }
    }

    private boolean exists(String sitePath) {
        String basePath = URI.create(baseUrl).getPath();
        String path = basePath != null && !basePath.isEmpty() && sitePath.startsWith(basePath) ? sitePath.substring(basePath.length()) : sitePath;
        Path file = root.resolve(path.replaceFirst("^/", "")).normalize();
        if (!file.startsWith(root)) {
            return false;
        }
        return Files.isRegularFile(file) || Files.isRegularFile(file.resolve("index.html"));
    }
}
