package be.socialeinnovatiefabriek.radicale.site.content;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.cache.PackCache;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.content.Content.EditionText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.InnovatorText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.NewsText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.PageText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.StatementText;
import be.socialeinnovatiefabriek.radicale.site.i18n.Messages;
import be.socialeinnovatiefabriek.radicale.site.markdown.MarkdownCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
public final class ContentLoader {

    private static final Set<String> SECTIONS = Arrays.stream(Section.values()).map(Section::folder).collect(Collectors.toSet());
    private static final Pattern INDEX = Pattern.compile("index\\.([A-Za-z_-]+)\\.md");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private final SiteConfig config;
    // Kept from one load to the next, so that a rebuild in preview only parses what changed on disk.
    private final ParsedFiles parsed = new ParsedFiles();
    private final InnovatorSchema innovatorSchema;
    private final EditionSchema editionSchema;
    private final PageSchema pageSchema;
    private final NewsSchema newsSchema;
    private final AccessibilitySchema accessibilitySchema;
    /** The bundles of the last load that were read without problems, by folder: one whose files did not change is kept as it was. */
    private final Map<Path, KeptBundle> kept = new ConcurrentHashMap<>();
    /** The UI strings of the last load, and a token that stays the same as long as they do. */
    private Map<String, Map<String, String>> lastMessages = Map.of();
    private Object messagesToken = new Object();

    /** A loader that renders every Markdown body (nothing is kept for a next run). */
    public ContentLoader(SiteConfig config) {
        this(config, new MarkdownCache(PackCache.empty()));
    }

    /** A loader that takes Markdown bodies from {@code markdownCache} where it can, and keeps there those it renders. */
    public ContentLoader(SiteConfig config, MarkdownCache markdownCache) {
        this.config = config;
        RenderedBodies bodies = new RenderedBodies(new Routes(config), markdownCache);
        this.innovatorSchema = new InnovatorSchema(config, bodies);
        this.editionSchema = new EditionSchema(config, bodies);
        this.pageSchema = new PageSchema(config, bodies);
        this.newsSchema = new NewsSchema(config, bodies);
        this.accessibilitySchema = new AccessibilitySchema(config, bodies);
    }

    /** The files the last load read from disk because they were new or had changed, and those it no longer found. */
    public Set<Path> lastChanged() {
        return parsed.lastChanged();
    }

    /** The parsed file as last read without problems, or null. */
    public SourceFile cached(Path file) {
        return parsed.cached(file);
    }

    /** Every file read without problems, by path. */
    public Map<Path, SourceFile> cachedFiles() {
        return parsed.all();
    }

    /** Reads and checks all content; problems are collected, never thrown. */
    public Content load(Messages messages, Problems problems) throws IOException {
        parsed.forgetChanges();
        Path root = config.contentDir();
        Object innovatorContext = messagesToken(messages);
        List<Path> sections;
        try (Stream<Path> list = Files.list(root)) {
            sections = list.sorted().collect(Collectors.toList());
        }
        for (Path entry : sections) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry) && !SECTIONS.contains(name) && !EditorFiles.isLeftover(entry)) {
                problems.add(entry, 0, "'" + name + "' is not a section of the site",
                        "put content in content/innovators/, content/campaigns/, content/pages/, content/news/ or content/accessibility/");
            } else if (name.endsWith(".md") && !name.equalsIgnoreCase("README.md")) {
                problems.add(entry, 0, "a page directly in content/ is not published",
                        "move it to content/pages/<name>/index." + config.defaultLanguage() + ".md");
            }
        }
        SortedMap<String, Bundle<InnovatorText>> innovators = new TreeMap<>();
        innovators.putAll(readAll(bundles(root.resolve(Section.INNOVATORS.folder()), SLUG, "a folder name such as papillon (lowercase letters, digits, '-')", problems),
                dir -> readBundle(dir, problems, true, innovatorContext,
                        (fields, lang) -> innovatorSchema.read(dir, fields, lang, messages, fields.problems()))));
        SortedMap<String, Bundle<EditionText>> editions = new TreeMap<>(Comparator.reverseOrder());
        editions.putAll(readAll(bundles(root.resolve(Section.CAMPAIGNS.folder()), EditionSchema.YEAR, "the edition's year, such as 2026", problems),
                dir -> readBundle(dir, problems, true, "", (fields, lang) -> editionSchema.read(fields, lang, fields.problems()))));
        SortedMap<String, Bundle<PageText>> pages = new TreeMap<>();
        pages.putAll(readAll(bundles(root.resolve(Section.PAGES.folder()), SLUG, "a folder name such as privacy (lowercase letters, digits, '-')", problems),
                dir -> readBundle(dir, problems, true, "", pageSchema::read)));
        // Newest first: the folder name starts with the date.
        SortedMap<String, Bundle<NewsText>> news = new TreeMap<>(Comparator.reverseOrder());
        // A news item names an edition: whether that is a problem depends on the editions read and the campaign folders.
        List<Object> newsContext = List.of(List.copyOf(editions.keySet()), folderNames(root.resolve(Section.CAMPAIGNS.folder())));
        for (Path dir : bundles(root.resolve(Section.NEWS.folder()), SLUG, "the date and a short name, such as " + NewsFolderName.EXAMPLE
                + " (lowercase letters, digits, '-')", problems)) {
            Optional<LocalDate> date = NewsFolderName.date(dir, problems);
            if (date.isPresent()) {
                readBundle(dir, problems, false, newsContext,
                        (fields, lang) -> newsSchema.read(dir, date.get(), fields, lang, root, editions.keySet(), fields.problems()))
                        .ifPresent(b -> news.put(b.slug(), b));
            }
        }
        SortedMap<String, Bundle<StatementText>> accessibility = new TreeMap<>();
        Path statement = root.resolve(Section.ACCESSIBILITY.folder());
        if (Files.isDirectory(statement)) {
            readBundle(statement, problems, true, "", accessibilitySchema::read).ifPresent(b -> accessibility.put(b.slug(), b));
        }
        parsed.forgetUnasked();
        kept.keySet().removeIf(dir -> !Files.isDirectory(dir));
        Content content = new Content(innovators, editions, pages, news, accessibility);
        editionSchema.crossCheck(content, root, problems);
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
                if (EditorFiles.isLeftover(entry)) {
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
        T read(FrontMatter fields, String lang);
    }

    /**
     * Reads one folder's language versions. With {@code translationsFollowOriginal}, a translation is
     * only published with its default-language text; news items are published file by file.
     */
    private <T extends Content.Text> Optional<Bundle<T>> readBundle(Path dir, Problems problems, boolean translationsFollowOriginal,
                                                                  Object context, TextReader<T> reader) throws IOException {
        // The bundle's own problems: a bundle read without any is kept for the next load.
        Problems own = new Problems();
        Optional<Bundle<T>> bundle = readFolder(dir, own, translationsFollowOriginal, context, reader);
        problems.addAll(own.list());
        return bundle;
    }

    /** As {@link #readBundle}, {@code problems} being the bundle's own; the bundle as the last load read it when nothing it depends on changed. */
    private <T extends Content.Text> Optional<Bundle<T>> readFolder(Path dir, Problems problems, boolean translationsFollowOriginal,
                                                                  Object context, TextReader<T> reader) throws IOException {
        List<String> names = new ArrayList<>();
        Map<String, Path> files = new LinkedHashMap<>();
        List<Path> resources = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.sorted().collect(Collectors.toList())) {
                String name = file.getFileName().toString();
                names.add(name);
                Matcher index = INDEX.matcher(name);
                if (EditorFiles.isLeftover(file) || Files.isDirectory(file)) {
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
        SourceFile originalSource = parsed.parse(files.get(defaultLanguage), problems);
        if (!originalSource.readable()) {
            return Optional.empty(); // its problem is reported; checking its fields would only repeat it
        }
        Map<String, SourceFile> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            sources.put(file.getKey(), file.getKey().equals(defaultLanguage) ? originalSource : parsed.parse(file.getValue(), problems));
        }
        KeptBundle before = kept.get(dir);
        if (problems.isEmpty() && before != null && before.sameAs(names, sources, context)) {
            @SuppressWarnings("unchecked")
            Optional<Bundle<T>> same = (Optional<Bundle<T>>) (Optional<?>) before.bundle();
            return same;
        }
        FrontMatter original = new FrontMatter(originalSource, problems, null);
        T originalText = reader.read(original, defaultLanguage);
        boolean originalShown = shown(originalText);
        Map<String, T> texts = new LinkedHashMap<>();
        for (String lang : config.languages()) {
            Path file = files.get(lang);
            if (lang.equals(defaultLanguage)) {
                if (originalShown) {
                    texts.put(lang, originalText);
                }
                continue;
            }
            if (file == null) {
                continue;
            }
            SourceFile source = sources.get(lang);
            if (!source.readable()) {
                continue;
            }
            FrontMatter fields = new FrontMatter(source, problems, original);
            T text = reader.read(fields, lang);
            if (!shown(text)) {
                continue;
            }
            if (!originalShown && translationsFollowOriginal) {
                reportPublishedAhead(fields, originalText);
                continue;
            }
            texts.put(lang, text);
        }
        Optional<Bundle<T>> bundle = Optional.of(new Bundle<>(dir.getFileName().toString(), dir, texts, resources));
        if (problems.isEmpty()) {
            kept.put(dir, new KeptBundle(names, sources, context, bundle));
        } else {
            kept.remove(dir);
        }
        return bundle;
    }

    /**
     * A bundle as the last load read it, with what it was read from: the names in its folder, its parsed files (the
     * same objects as long as they did not change on disk) and what else its section's schema checks it against.
     */
    private record KeptBundle(List<String> names, Map<String, SourceFile> sources, Object context, Optional<? extends Bundle<?>> bundle) {

        boolean sameAs(List<String> otherNames, Map<String, SourceFile> otherSources, Object otherContext) {
            if (!names.equals(otherNames) || !context.equals(otherContext) || !sources.keySet().equals(otherSources.keySet())) {
                return false;
            }
            for (Map.Entry<String, SourceFile> source : sources.entrySet()) {
                if (source.getValue() != otherSources.get(source.getKey())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The same token as the last load's when the UI strings did not change (innovators' themes are checked against them). */
    private synchronized Object messagesToken(Messages messages) {
        Map<String, Map<String, String>> now = new java.util.HashMap<>();
        for (String lang : config.languages()) {
            now.put(lang, messages.of(lang));
        }
        if (!now.equals(lastMessages)) {
            lastMessages = now;
            messagesToken = new Object();
        }
        return messagesToken;
    }

    /** The names in {@code folder}, sorted; none when it is missing. */
    private static List<String> folderNames(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(entry -> entry.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    /** Whether a text is in this build: every text in preview, only published ones otherwise. */
    private boolean shown(Content.Text text) {
        return text != null && (config.preview() || "published".equals(text.status()));
    }

    /**
     * A translation published while the text it starts from is not: it is left out, as every page
     * expects the default language's text beside its translations. A draft or a scheduled original
     * is a mistake to fix; an expired one takes the page down in every language.
     */
    private void reportPublishedAhead(FrontMatter translation, Content.Text original) {
        String originalFile = "index." + config.defaultLanguage() + ".md";
        String language = Locale.forLanguageTag(config.defaultLanguage()).getDisplayLanguage(Locale.ENGLISH);
        int line = Schedule.KEYS.stream().filter(translation.source().keyLines()::containsKey).mapToInt(translation::lineOf).min().orElse(1);
        if ("draft".equals(original.status())) {
            translation.problems().add(translation.path(), line, "published while " + originalFile + " is a draft",
                    "publish the " + language + " text first, or make this one a draft too (draft: true)");
        } else if ("scheduled".equals(original.status())) {
            translation.problems().add(translation.path(), line, "published while " + originalFile + " is scheduled for later",
                    "publish the " + language + " text first, or give this one the same publishDate");
        }
    }

}
