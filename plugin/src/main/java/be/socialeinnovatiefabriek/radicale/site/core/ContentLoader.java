package be.socialeinnovatiefabriek.radicale.site.core;

import be.socialeinnovatiefabriek.radicale.site.core.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.core.Content.EditionText;
import be.socialeinnovatiefabriek.radicale.site.core.Content.InnovatorText;
import be.socialeinnovatiefabriek.radicale.site.core.Content.NewsText;
import be.socialeinnovatiefabriek.radicale.site.core.Content.PageText;
import be.socialeinnovatiefabriek.radicale.site.core.Fields.Located;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads content/ into {@link Content}, checking every file against its section's schema. Keeps the
 * parsed files of earlier builds, so a rebuild in preview only reads what changed on disk.
 */
final class ContentLoader {

    static final String INNOVATORS = "innovators";
    static final String CAMPAIGNS = "campaigns";
    static final String PAGES = "pages";
    static final String NEWS = "news";

    private static final Pattern INDEX = Pattern.compile("index\\.([A-Za-z_-]+)\\.md");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Set<String> COMMON = Set.of("draft", "publishDate", "expiryDate");
    private static final Set<String> INNOVATOR_KEYS = with(COMMON, "name", "tagline", "organisation", "themes", "region",
            "website", "photo", "photoAlt");
    private static final Set<String> EDITION_KEYS = with(COMMON, "title", "summary", "nominees", "opens", "closes", "results",
            "verification", "votesPerVoter", "jury", "winners");
    private static final Set<String> PAGE_KEYS = with(COMMON, "title", "description", "menu");
    private static final Set<String> NEWS_KEYS = with(COMMON, "title", "summary", "edition");
    private static final Set<String> PHOTO_TYPES = Set.of("jpg", "jpeg", "png");

    private final SiteConfig config;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();
    private final Map<Path, Photo> photos = new ConcurrentHashMap<>();
    private final Map<Path, RenderedBody> bodies = new ConcurrentHashMap<>();
    /** Files read from disk in the last {@link #load} because they were new or changed. */
    private final Set<Path> changed = ConcurrentHashMap.newKeySet();

    ContentLoader(SiteConfig config) {
        this.config = config;
    }

    /** The files the last load read from disk because they were new or had changed. */
    Set<Path> lastChanged() {
        return Set.copyOf(changed);
    }

    /** The parsed file as last read without problems, or null. */
    SourceFile cached(Path file) {
        Cached cached = cache.get(file);
        return cached == null ? null : cached.source();
    }

    /** Every file read without problems, by path. */
    Map<Path, SourceFile> cachedFiles() {
        Map<Path, SourceFile> files = new java.util.HashMap<>();
        cache.forEach((path, cached) -> files.put(path, cached.source()));
        return files;
    }

    /** Reads and checks all content; problems are collected, never thrown. */
    Content load(Messages messages, Problems problems) throws IOException {
        changed.clear();
        Path root = config.contentDir();
        List<Path> sections;
        try (Stream<Path> list = Files.list(root)) {
            sections = list.sorted().collect(Collectors.toList());
        }
        for (Path entry : sections) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry) && !Set.of(INNOVATORS, CAMPAIGNS, PAGES, NEWS).contains(name) && !name.startsWith(".")) {
                problems.add(entry, 0, "'" + name + "' is not a section of the site",
                        "put content in content/innovators/, content/campaigns/, content/pages/ or content/news/");
            } else if (name.endsWith(".md") && !name.equalsIgnoreCase("README.md")) {
                problems.add(entry, 0, "a page directly in content/ is not published",
                        "move it to content/pages/<name>/index." + config.defaultLanguage() + ".md");
            }
        }
        SortedMap<String, Bundle<InnovatorText>> innovators = new TreeMap<>();
        innovators.putAll(readAll(bundles(root.resolve(INNOVATORS), SLUG, "a folder name such as papillon (lowercase letters, digits, '-')", problems),
                dir -> readBundle(dir, problems, (fields, lang) -> innovator(dir, fields, lang, messages, problems))));
        SortedMap<String, Bundle<EditionText>> editions = new TreeMap<>(Comparator.reverseOrder());
        editions.putAll(readAll(bundles(root.resolve(CAMPAIGNS), YEAR, "the edition's year, such as 2026", problems),
                dir -> readBundle(dir, problems, (fields, lang) -> edition(fields, lang, problems))));
        SortedMap<String, Bundle<PageText>> pages = new TreeMap<>();
        pages.putAll(readAll(bundles(root.resolve(PAGES), SLUG, "a folder name such as privacy (lowercase letters, digits, '-')", problems),
                dir -> readBundle(dir, problems, (fields, lang) -> page(fields, lang))));
        // Newest first: the folder name starts with the date.
        SortedMap<String, Bundle<NewsText>> news = new TreeMap<>(Comparator.reverseOrder());
        for (Path dir : bundles(root.resolve(NEWS), SLUG, "the date and a short name, such as " + NewsFolderName.EXAMPLE
                + " (lowercase letters, digits, '-')", problems)) {
            Optional<LocalDate> date = NewsFolderName.date(dir, problems);
            if (date.isPresent()) {
                readBundle(dir, problems, (fields, lang) -> news(dir, date.get(), fields, lang, root, editions.keySet(), problems))
                        .ifPresent(b -> news.put(b.slug(), b));
            }
        }
        Content content = new Content(innovators, editions, pages, news);
        crossCheck(content, root, problems);
        return content;
    }

    @FunctionalInterface
    private interface BundleReader<T extends Content.Text> {
        Optional<Bundle<T>> read(Path dir) throws IOException;
    }

    /**
     * Reads the bundles of one section in parallel: parsing YAML and rendering Markdown dominate a
     * large build, and every cache and the problem list here are safe to share between threads.
     */
    private static <T extends Content.Text> Map<String, Bundle<T>> readAll(List<Path> dirs, BundleReader<T> reader) throws IOException {
        Map<String, Bundle<T>> read = new ConcurrentHashMap<>();
        try {
            dirs.parallelStream().forEach(dir -> {
                try {
                    reader.read(dir).ifPresent(bundle -> read.put(bundle.slug(), bundle));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return read;
    }

    private List<Path> bundles(Path section, Pattern namePattern, String expected, Problems problems) throws IOException {
        if (!Files.isDirectory(section)) {
            return List.of();
        }
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> list = Files.list(section)) {
            for (Path entry : list.sorted().collect(Collectors.toList())) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (!Files.isDirectory(entry)) {
                    if (name.endsWith(".md")) {
                        problems.add(entry, 0, "each page needs a folder of its own",
                                "move it to " + section.getFileName() + "/" + name.replaceAll("(\\.[a-z]{2})?\\.md$", "") + "/index." + config.defaultLanguage() + ".md");
                    }
                    continue;
                }
                if (!namePattern.matcher(name).matches()) {
                    problems.add(entry, 0, "the folder name '" + name + "' cannot be used in a web address",
                            "rename the folder to " + expected);
                    continue;
                }
                dirs.add(entry);
            }
        }
        return dirs;
    }

    @FunctionalInterface
    private interface TextReader<T> {
        T read(Fields fields, String lang);
    }

    private <T extends Content.Text> Optional<Bundle<T>> readBundle(Path dir, Problems problems, TextReader<T> reader) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        List<Path> resources = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.sorted().collect(Collectors.toList())) {
                String name = file.getFileName().toString();
                Matcher index = INDEX.matcher(name);
                if (name.startsWith(".") || Files.isDirectory(file)) {
                    continue;
                } else if (index.matches()) {
                    String lang = index.group(1);
                    if (!config.languages().contains(lang)) {
                        problems.add(file, 0, "'" + lang + "' is not one of the site's languages (" + String.join(", ", config.languages()) + ")",
                                "name the file index.<language>.md with one of " + String.join(", ", config.languages()));
                    } else {
                        files.put(lang, file);
                    }
                } else if (name.endsWith(".md")) {
                    problems.add(file, 0, "only index.<language>.md files are read in a page folder",
                            "rename it to index." + config.defaultLanguage() + ".md (or another language), or remove it");
                } else {
                    resources.add(file);
                }
            }
        }
        String defaultLanguage = config.defaultLanguage();
        if (!files.containsKey(defaultLanguage)) {
            problems.add(dir.resolve("index." + defaultLanguage + ".md"), 0, "this folder has no " + defaultLanguage + " text, which every translation starts from",
                    "add index." + defaultLanguage + ".md");
            return Optional.empty();
        }
        SourceFile originalSource = parse(files.get(defaultLanguage), problems);
        if (!originalSource.readable()) {
            return Optional.empty(); // its problem is reported; checking its fields would only repeat it
        }
        Fields original = new Fields(originalSource, problems, null);
        Map<String, T> texts = new LinkedHashMap<>();
        for (String lang : config.languages()) {
            Path file = files.get(lang);
            if (file == null) {
                continue;
            }
            SourceFile source = lang.equals(defaultLanguage) ? originalSource : parse(file, problems);
            if (!source.readable()) {
                continue;
            }
            Fields fields = lang.equals(defaultLanguage) ? original : new Fields(source, problems, original);
            T text = reader.read(fields, lang);
            if (text != null && (config.preview() || "published".equals(text.status()))) {
                texts.put(lang, text);
            }
        }
        return Optional.of(new Bundle<>(dir.getFileName().toString(), dir, texts, resources));
    }

    private SourceFile parse(Path file, Problems problems) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Cached cached = cache.get(file);
        if (cached != null && cached.modified() == attributes.lastModifiedTime().toMillis() && cached.size() == attributes.size()) {
            return cached.source();
        }
        Problems own = new Problems();
        SourceFile source = SourceFile.parse(file, Files.readAllBytes(file), own);
        changed.add(file);
        if (own.isEmpty()) {
            cache.put(file, new Cached(attributes.lastModifiedTime().toMillis(), attributes.size(), source));
        } else {
            cache.remove(file);
            problems.addAll(own.list());
        }
        return source;
    }

    private InnovatorText innovator(Path dir, Fields fields, String lang, Messages messages, Problems problems) {
        fields.rejectUnknownKeys(INNOVATOR_KEYS);
        String name = fields.text("name", true, true).orElse(dir.getFileName().toString());
        String tagline = fields.text("tagline", true, false).orElse("");
        String organisation = fields.text("organisation", false, true).orElse(null);
        String region = fields.text("region", false, true).orElse(null);
        String website = fields.text("website", false, true).orElse(null);
        if (website != null && !website.matches("https?://[^\\s\"<>]+")) {
            problems.add(fields.path(), fields.lineOf("website"), "'website' is not a web address (got \"" + website + "\")",
                    "write the full address, starting with https://");
            website = null;
        }
        List<Located<String>> themes = fields.slugList("themes", true, true);
        if (themes != null && themes.isEmpty() && fields.lineOf("themes") > 1) {
            problems.add(fields.path(), fields.lineOf("themes"), "'themes' is empty", "list at least one theme, such as themes: [poverty]");
        }
        for (Located<String> theme : themes == null ? List.<Located<String>>of() : themes) {
            if (!messages.has(lang, "theme." + theme.value())) {
                problems.add(theme.file(), theme.line(), "unknown theme '" + theme.value() + "'",
                        "use one of " + String.join(", ", knownThemes(messages, lang)) + ", or add theme." + theme.value()
                                + " to every messages file in site-template/i18n/");
            }
        }
        String photo = fields.text("photo", true, true).orElse(null);
        String photoAlt = fields.text("photoAlt", true, false).orElse("");
        if (photo != null) {
            checkPhoto(dir, photo, fields, problems); // here, with the line; SiteMedia resizes it later
        }
        String body = body(fields, dir, lang, INNOVATORS, problems);
        return new InnovatorText(source(fields), lang, name, tagline, organisation, region, website,
                themes == null ? List.of() : themes.stream().map(Located::value).collect(Collectors.toList()),
                photo, photoAlt, body, status(fields));
    }

    private EditionText edition(Fields fields, String lang, Problems problems) {
        fields.rejectUnknownKeys(EDITION_KEYS);
        String title = fields.text("title", true, false).orElse("");
        String summary = fields.text("summary", false, false).orElse(null);
        String jury = fields.text("jury", false, false).orElse(null);
        List<Located<String>> nominees = fields.slugList("nominees", true, true);
        Optional<OffsetDateTime> opens = fields.moment("opens", true, false, config.zone(), true);
        Optional<OffsetDateTime> closes = fields.moment("closes", true, false, config.zone(), true);
        if (opens.isPresent() && closes.isPresent() && !closes.get().isAfter(opens.get())) {
            problems.add(fields.path(), fields.lineOf("closes"), "voting closes (" + closes.get() + ") before it opens (" + opens.get() + ")",
                    "set 'closes' to a moment after 'opens'");
        }
        String results = fields.choice("results", List.of("after-close", "live"), true).orElse("after-close");
        String verification = fields.choice("verification", List.of("email", "none"), true).orElse("email");
        int votesPerVoter = fields.integer("votesPerVoter", 1, true).orElse(1);
        Map<String, Located<String>> winners = fields.slugMap("winners", Set.of("jury", "audience"), true);
        Set<String> nomineeSlugs = nominees.stream().map(Located::value).collect(Collectors.toSet());
        for (Map.Entry<String, Located<String>> winner : winners.entrySet()) {
            if (!nomineeSlugs.contains(winner.getValue().value())) {
                problems.add(winner.getValue().file(), winner.getValue().line(),
                        "the " + winner.getKey() + " winner '" + winner.getValue().value() + "' is not among the nominees",
                        "use one of the folder names listed under 'nominees'");
            }
        }
        Path dir = fields.path().getParent();
        String body = body(fields, dir, lang, CAMPAIGNS, problems);
        Map<String, String> winnerSlugs = new LinkedHashMap<>();
        winners.forEach((role, slug) -> winnerSlugs.put(role, slug.value()));
        return new EditionText(source(fields), lang, title, summary, jury,
                nominees.stream().map(Located::value).collect(Collectors.toList()),
                opens.orElse(null), closes.orElse(null), results, verification, votesPerVoter, winnerSlugs, body, status(fields));
    }

    private PageText page(Fields fields, String lang) {
        fields.rejectUnknownKeys(PAGE_KEYS);
        Problems problems = fields.problems();
        String title = fields.text("title", true, false).orElse("");
        String description = fields.text("description", false, false).orElse("");
        Integer menu = fields.integer("menu", 0, true).orElse(null);
        String body = body(fields, fields.path().getParent(), lang, PAGES, problems);
        return new PageText(source(fields), lang, title, description, menu, body, status(fields));
    }

    private NewsText news(Path dir, LocalDate date, Fields fields, String lang, Path root, Set<String> editions, Problems problems) {
        fields.rejectUnknownKeys(NEWS_KEYS);
        String title = fields.text("title", true, false).orElse("");
        String summary = fields.text("summary", false, false).orElse(null);
        // Checked where it is written: a translation that leaves it out inherits the Dutch value, checked there.
        String edition = fields.text("edition", false, true).orElse(null);
        if (edition != null && fields.source().fields().containsKey("edition")) {
            if (!YEAR.matcher(edition).matches()) {
                problems.add(fields.path(), fields.lineOf("edition"), "'edition' must be the year of an edition (got \"" + edition + "\")",
                        "write it as edition: 2026, or remove it");
                edition = null;
            } else if (!editions.contains(edition) && !Files.isDirectory(root.resolve(CAMPAIGNS).resolve(edition))) {
                problems.add(fields.path(), fields.lineOf("edition"), "there is no edition " + edition + " (no folder content/" + CAMPAIGNS + "/" + edition + "/)",
                        editions.isEmpty() ? "remove 'edition', or add the edition first"
                                : "use one of " + String.join(", ", editions) + ", or remove 'edition'");
                edition = null;
            }
        }
        String body = body(fields, dir, lang, NEWS, problems);
        // Without a publishDate, an item goes public on its date: it can be written ahead of time.
        Schedule schedule = schedule(fields, date.atStartOfDay(config.zone()).toOffsetDateTime());
        return new NewsText(source(fields), lang, title, summary, summary != null ? summary : Excerpt.of(body), date,
                schedule.publish(), edition, body, schedule.status());
    }

    private String body(Fields fields, Path dir, String lang, String section, Problems problems) {
        SourceFile source = source(fields);
        RenderedBody known = bodies.get(source.path());
        // The same parsed file (unchanged on disk) renders to the same HTML: skip flexmark on rebuilds.
        if (known != null && known.source() == source) {
            return known.html();
        }
        String mediaPath = config.basePath() + "/media/" + section + "/" + dir.getFileName() + "/";
        Problems own = new Problems();
        String html = markdown.render(source.body(), source.path(), source.bodyLine(), dir, mediaPath, own);
        if (own.isEmpty()) {
            bodies.put(source.path(), new RenderedBody(source, html));
        } else {
            problems.addAll(own.list());
        }
        return html;
    }

    private String status(Fields fields) {
        return schedule(fields, null).status();
    }

    /** The status as of the build's moment; {@code defaultPublish} stands in for an absent publishDate (may be null). */
    private Schedule schedule(Fields fields, OffsetDateTime defaultPublish) {
        Problems problems = fields.problems();
        boolean draft = fields.bool("draft", false).orElse(false);
        Optional<OffsetDateTime> publish = fields.moment("publishDate", false, true, config.zone(), false).or(() -> Optional.ofNullable(defaultPublish));
        Optional<OffsetDateTime> expiry = fields.moment("expiryDate", false, true, config.zone(), false);
        if (publish.isPresent() && expiry.isPresent() && !expiry.get().isAfter(publish.get())) {
            boolean written = fields.source().fields().containsKey("publishDate");
            problems.add(fields.path(), fields.lineOf("expiryDate"), "'expiryDate' is not after " + (written ? "'publishDate'" : "the date in the folder name"),
                    "set expiryDate later than " + (written ? "publishDate" : "that date") + ", or remove it");
        }
        OffsetDateTime published = publish.orElse(null);
        if (draft) {
            return new Schedule("draft", published);
        }
        if (publish.isPresent() && publish.get().isAfter(config.now())) {
            return new Schedule("scheduled", published);
        }
        if (expiry.isPresent() && !expiry.get().isAfter(config.now())) {
            return new Schedule("expired", published);
        }
        return new Schedule("published", published);
    }

    private Photo checkPhoto(Path dir, String name, Fields fields, Problems problems) {
        Path file = dir.resolve(name).normalize();
        int line = fields.lineOf("photo");
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT) : "";
        if (!file.startsWith(dir) || name.contains("/") || !Files.isRegularFile(file)) {
            problems.add(fields.path(), line, "the photo '" + name + "' is not in the folder " + dir.getFileName() + "/",
                    "copy the photo into that folder, or correct the file name after 'photo:'");
            return null;
        }
        if (!PHOTO_TYPES.contains(extension)) {
            problems.add(fields.path(), line, "the photo '" + name + "' is not a JPEG or PNG file",
                    "save it as .jpg or .png");
            return null;
        }
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            Photo known = photos.get(file);
            if (known != null && known.modified() == modified) {
                return known;
            }
            Photo measured = Photo.measure(file, modified);
            if (measured == null) {
                problems.add(file, 0, "this file is not a readable JPEG or PNG image", "export the photo again as JPEG");
                return null;
            }
            photos.put(file, measured);
            return measured;
        } catch (IOException e) {
            problems.add(file, 0, "this photo cannot be read (" + e.getMessage() + ")", "export the photo again as JPEG");
            return null;
        }
    }

    private void crossCheck(Content content, Path root, Problems problems) {
        for (Bundle<EditionText> edition : content.editions().values()) {
            Path original = edition.dir().resolve("index." + config.defaultLanguage() + ".md");
            for (String lang : config.languages()) {
                if (!Files.isRegularFile(edition.dir().resolve("index." + lang + ".md"))) {
                    problems.add(original, 0, "edition " + edition.slug() + " has no '" + lang + "' page; edition pages must exist in every language ("
                                    + String.join(", ", config.languages()) + ")",
                            "add " + root.getFileName() + "/" + CAMPAIGNS + "/" + edition.slug() + "/index." + lang + ".md");
                }
            }
            EditionText text = edition.texts().get(config.defaultLanguage());
            if (text == null) {
                continue;
            }
            for (String nominee : text.nominees()) {
                Bundle<InnovatorText> innovator = content.innovators().get(nominee);
                int line = text.source().keyLines().getOrDefault("nominees", 1);
                if (innovator == null && Files.isDirectory(root.resolve(INNOVATORS).resolve(nominee))) {
                    continue; // the innovator's own problem is reported already
                }
                if (innovator == null) {
                    String closest = Fields.closest(nominee, content.innovators().keySet());
                    problems.add(text.source().path(), line, "unknown nominee '" + nominee + "': there is no folder content/" + INNOVATORS + "/" + nominee + "/",
                            (closest != null ? "did you mean '" + closest + "'? " : "") + "create the innovator's folder, or correct the name");
                } else if (!innovator.texts().containsKey(config.defaultLanguage())) {
                    problems.add(text.source().path(), line, "nominee '" + nominee + "' is not published at this moment (draft or scheduled)",
                            "publish the innovator's profile, or remove it from the nominees");
                }
            }
        }
    }

    private static List<String> knownThemes(Messages messages, String lang) {
        return messages.of(lang).keySet().stream().filter(k -> k.startsWith("theme.")).map(k -> k.substring(6)).sorted().collect(Collectors.toList());
    }

    private static SourceFile source(Fields fields) {
        return fields.source();
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new java.util.HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    private record Cached(long modified, long size, SourceFile source) {
    }

    private record RenderedBody(SourceFile source, String html) {
    }

    /** published, draft, scheduled or expired, and the moment of publication when one is known. */
    private record Schedule(String status, OffsetDateTime publish) {
    }
}
