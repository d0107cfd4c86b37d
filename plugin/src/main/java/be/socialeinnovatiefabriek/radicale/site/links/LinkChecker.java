package be.socialeinnovatiefabriek.radicale.site.links;

import be.socialeinnovatiefabriek.radicale.site.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads a built site as a browser would and reports every internal address that points nowhere:
 * links, images and srcset candidates, scripts, stylesheets and the fonts and images they load,
 * language alternates, share images and feed and sitemap entries; also links to an id the page
 * lacks, and images without alt text. Each problem names the file and the line.
 */
public final class LinkChecker {

    private static final Pattern CHECKED_FILE = Pattern.compile(".*\\.(html|css|xml)$");
    private static final Pattern NOT_A_PAGE = Pattern.compile("(?i)^(mailto|tel|data|javascript|blob):.*");
    private static final Pattern LEADING_SLASHES = Pattern.compile("^/+");

    private final Path root;
    private final String baseUrl;
    private final String basePath;

    public LinkChecker(Path root, String baseUrl) {
        this.root = root.toAbsolutePath().normalize();
        this.baseUrl = baseUrl.replaceFirst("/+$", "");
        String path = URI.create(this.baseUrl).getPath();
        this.basePath = path == null ? "" : path;
    }

    /** Checks every page, stylesheet, feed and sitemap under the site's root. */
    public LinkReport check() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> CHECKED_FILE.matcher(p.toString()).matches())
                    .sorted().collect(Collectors.toList());
        }
        List<Problem> problems = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        Map<Path, Set<String>> ids = new HashMap<>();
        for (Path file : files) {
            String shown = root.relativize(file).toString().replace('\\', '/');
            String name = file.getFileName().toString();
            if (name.endsWith(".css")) {
                references.addAll(StylesheetReferences.in(Files.readString(file, StandardCharsets.UTF_8), shown, 1));
                continue;
            }
            boolean html = name.endsWith(".html");
            Parser parser = (html ? Parser.htmlParser() : Parser.xmlParser()).setTrackPosition(true);
            Document document = Jsoup.parse(file.toFile(), "UTF-8", "", parser);
            if (!html) {
                references.addAll(PageReferences.inXml(document, shown));
                continue;
            }
            references.addAll(PageReferences.in(document, shown));
            ids.put(file, document.select("[id], a[name]").stream()
                    .map(e -> e.hasAttr("id") ? e.id() : e.attr("name")).collect(Collectors.toSet()));
            for (Element image : document.select("img:not([alt])")) {
                Reference unlabelled = new Reference(shown, PageReferences.line(image), "image", image.attr("src"));
                problems.add(unlabelled.problem(root, "has no alt text", "describe the image in the content or template"));
            }
        }
        for (Reference reference : references) {
            verify(reference, ids).ifPresent(problems::add);
        }
        // By file and line, not by the problem's text: a file name may hold a colon.
        problems.sort(Comparator.comparing((Problem problem) -> problem.file().toString()).thenComparingInt(Problem::line));
        return new LinkReport(problems, root, files.size(), references.size());
    }

    /** The problem with one reference, if any. */
    private Optional<Problem> verify(Reference reference, Map<Path, Set<String>> ids) {
        URI target;
        try {
            target = resolve(reference);
        } catch (URISyntaxException e) {
            return Optional.of(reference.problem(root, "is not a valid address (" + e.getReason() + ")", "fix the link"));
        }
        if (target == null) {
            return Optional.empty();
        }
        Path file = fileOf(target.getPath());
        if (file == null) {
            return Optional.of(reference.problem(root, "points to no page or file", "fix the link or add the page it names"));
        }
        String fragment = target.getFragment();
        Set<String> known = ids.get(file);
        if (fragment == null || fragment.isEmpty() || "top".equalsIgnoreCase(fragment) || known == null || known.contains(fragment)) {
            return Optional.empty();
        }
        return Optional.of(reference.problem(root, "points to no element with id \"" + fragment + "\" in "
                + root.relativize(file).toString().replace('\\', '/'), "fix the link or give an element of that page this id"));
    }

    /** The site address (path and fragment) a reference leads to, or null when it leaves the site. */
    private URI resolve(Reference reference) throws URISyntaxException {
        String target = reference.target();
        if (target.isEmpty() || NOT_A_PAGE.matcher(target).matches()) {
            return null;
        }
        String written = target.replace(" ", "%20");
        if (target.startsWith("//")) {
            written = URI.create(baseUrl).getScheme() + ":" + written;
        }
        URI uri = new URI(written);
        if (uri.isAbsolute()) {
            if (!written.equals(baseUrl) && !written.startsWith(baseUrl + "/") && !written.startsWith(baseUrl + "#")) {
                return null;
            }
            String rest = written.substring(baseUrl.length());
            return new URI(basePath + (rest.startsWith("/") ? "" : "/") + rest).normalize();
        }
        return new URI(basePath + "/" + reference.file().replace(" ", "%20")).resolve(uri);
    }

    /** The built file a site path names (a folder stands for its index.html), or null when there is none. */
    private Path fileOf(String sitePath) {
        if (sitePath == null || !(sitePath + "/").startsWith(basePath + "/")) {
            return null;
        }
        Path file = root.resolve(LEADING_SLASHES.matcher(sitePath.substring(basePath.length())).replaceFirst("")).normalize();
        if (!file.startsWith(root)) {
            return null;
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        return Files.isRegularFile(file) ? file : null;
    }
}
