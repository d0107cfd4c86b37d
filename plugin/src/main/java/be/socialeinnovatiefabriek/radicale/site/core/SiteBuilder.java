package be.socialeinnovatiefabriek.radicale.site.core;

import be.socialeinnovatiefabriek.radicale.site.core.media.FontProblem;
import be.socialeinnovatiefabriek.radicale.site.core.media.MediaBuilder;
import be.socialeinnovatiefabriek.radicale.site.core.media.MediaStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the whole static site from content/ and site-template/: checks everything first, renders
 * every page, then writes the output. One instance can build again and again (the preview server
 * does): it keeps what it read and rendered, and re-renders only the pages a change touches.
 */
public final class SiteBuilder {

    private final SiteConfig config;
    private final ContentLoader loader;
    private final OutputFolder output;
    private TemplateRenderer renderer;
    private String templateStamp = "";
    /** The pages of the last successful build, by output path: reused when a change does not touch them. */
    private Map<String, byte[]> previous = Map.of();
    /** The parsed files of the last successful build, to tell a text edit from a front matter edit. */
    private Map<Path, SourceFile> frontMatters = Map.of();
    private TranslationStatus translations;
    private MediaBuilder mediaBuilder;
    /** The media of the last build, reused when a save changed only the text of a page. */
    private SiteMedia lastMedia;
    private String resourceStamp = "";

    public SiteBuilder(SiteConfig config) {
        this.config = config;
        this.loader = new ContentLoader(config);
        this.output = new OutputFolder(config.outputDir());
    }

    public SiteConfig config() {
        return config;
    }

    /**
     * Builds the site. Content mistakes throw {@link ContentException} before anything is written;
     * {@link IOException} means the disk failed us.
     */
    public BuildReport build() throws ContentException, IOException {
        long start = System.nanoTime();
        Problems problems = new Problems();
        Path templates = config.templateDir().resolve("templates");
        if (!Files.isDirectory(templates)) {
            problems.add(templates, 0, "the templates folder is missing", "restore " + config.templateDir().getFileName() + "/templates/");
            problems.throwIfAny(config.projectDir());
        }
        Messages messages = Messages.load(config.templateDir().resolve("i18n"), config.languages(), problems);
        Content content = loader.load(messages, problems);
        problems.throwIfAny(config.projectDir());
        translations = TranslationStatus.of(content, config.languages());

        String stamp = templateStamp();
        boolean templatesChanged = !stamp.equals(templateStamp);
        if (renderer == null || templatesChanged) {
            renderer = new TemplateRenderer(templates, config.outputDir());
        }
        Set<Path> changedFiles = loader.lastChanged();
        String resources = resourceStamp(content);
        boolean onlyTextChanged = !templatesChanged && !previous.isEmpty() && resources.equals(resourceStamp)
                && onlyBodiesChanged(changedFiles);

        long mediaStart = System.nanoTime();
        boolean mediaReused = onlyTextChanged && lastMedia != null;
        SiteMedia media = lastMedia;
        if (!mediaReused) {
            MediaBuilder builder = mediaBuilder(problems);
            problems.throwIfAny(config.projectDir());
            media = new SiteMedia(config, builder, messages);
            media.prepare(content, problems);
        }
        problems.throwIfAny(config.projectDir());
        long mediaMillis = (System.nanoTime() - mediaStart) / 1_000_000;

        List<PageJob> jobs = new SitePlanner(config, content, messages, media).plan();
        checkAddresses(jobs, problems);
        problems.throwIfAny(config.projectDir());

        Map<String, byte[]> rendered = new ConcurrentHashMap<>();
        AtomicInteger renderCount = new AtomicInteger();
        jobs.parallelStream().forEach(job -> {
            byte[] before = previous.get(job.output());
            if (onlyTextChanged && before != null && Collections.disjoint(job.sources(), changedFiles)) {
                rendered.put(job.output(), before);
                return;
            }
            String html = renderer.render(job.template(), job.model(), problems);
            renderCount.incrementAndGet();
            if (html != null) {
                rendered.put(job.output(), html.getBytes(StandardCharsets.UTF_8));
            }
        });
        problems.throwIfAny(config.projectDir());

        Map<String, Object> files = new HashMap<String, Object>(rendered);
        files.putAll(new BallotWriter(config, content).ballots());
        files.putAll(new NewsFeedWriter(config, content, messages).feeds());
        files.putAll(new SitemapWriter(config).files(jobs));
        addCopies(files, content);
        files.putAll(media.files());
        int written = output.write(files, config.preview());
        previous = rendered;
        templateStamp = stamp;
        resourceStamp = resources;
        lastMedia = media;
        frontMatters = loader.cachedFiles();
        long millis = (System.nanoTime() - start) / 1_000_000;
        MediaStats made = mediaReused ? new MediaStats(0, 0, 0, 0) : media.made();
        return new BuildReport(SitePlanner.countByLanguage(jobs, config.languages()), jobs.size(), renderCount.get(), written, millis,
                made.images(), made.posters(), made.cached(), mediaMillis);
    }

    /**
     * The media cache lives beside the output and survives rebuilds; fonts come from the template folder.
     * A missing or broken font is a problem, and null is returned; the next build tries again.
     */
    private MediaBuilder mediaBuilder(Problems problems) throws IOException {
        if (mediaBuilder == null) {
            try {
                mediaBuilder = new MediaBuilder(config.outputDir().resolveSibling(".site-cache").resolve("media"),
                        config.templateDir().resolve("fonts"));
            } catch (FontProblem problem) {
                problems.add(problem.file(), 0, problem.what(), problem.fix());
            }
        }
        return mediaBuilder;
    }

    /** Which page exists in which language, as of the last successful load. */
    public TranslationStatus translations() {
        return translations;
    }

    /** True when every changed file kept its front matter, so only pages showing its text change. */
    private boolean onlyBodiesChanged(Set<Path> changedFiles) {
        for (Path file : changedFiles) {
            SourceFile now = loader.cached(file);
            SourceFile before = frontMatters.get(file);
            if (now == null || before == null || !now.frontMatterText().equals(before.frontMatterText())) {
                return false;
            }
        }
        return true;
    }

    private void addCopies(Map<String, Object> files, Content content) throws IOException {
        Path assets = config.templateDir().resolve("assets");
        if (Files.isDirectory(assets)) {
            try (Stream<Path> walk = Files.walk(assets)) {
                for (Path file : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                    files.put("assets/" + assets.relativize(file).toString().replace('\\', '/'), file);
                }
            }
        }
        addResources(files, ContentLoader.INNOVATORS, content.innovators());
        addResources(files, ContentLoader.CAMPAIGNS, content.editions());
        addResources(files, ContentLoader.PAGES, content.pages());
        addResources(files, ContentLoader.NEWS, content.news());
        addResources(files, ContentLoader.ACCESSIBILITY, content.accessibility());
    }

    private static void addResources(Map<String, Object> files, String section, Map<String, ? extends Content.Bundle<?>> bundles) {
        for (Content.Bundle<?> bundle : bundles.values()) {
            if (bundle.texts().isEmpty()) {
                continue;
            }
            Set<Path> photos = bundle.texts().values().stream()
                    .filter(text -> text instanceof Content.InnovatorText)
                    .map(text -> bundle.dir().resolve(((Content.InnovatorText) text).photo()).normalize())
                    .collect(Collectors.toSet());
            for (Path resource : bundle.resources()) {
                if (photos.contains(resource.normalize())) {
                    continue; // published resized (SiteMedia); the original is never shipped
                }
                files.put("media/" + section + "/" + bundle.slug() + "/" + resource.getFileName(), resource);
            }
        }
    }

    /** Two sources that would publish to the same address: name both. */
    private void checkAddresses(List<PageJob> jobs, Problems problems) {
        Map<String, PageJob> byOutput = new TreeMap<>();
        Set<Path> reported = new java.util.HashSet<>();
        for (PageJob job : jobs) {
            PageJob other = byOutput.putIfAbsent(job.output(), job);
            if (other != null && reported.add(job.origin().equals(config.contentDir()) ? other.origin() : job.origin())) {
                PageJob page = job.origin().equals(config.contentDir()) ? other : job;
                PageJob claimed = page == job ? other : job;
                String address = "/" + job.output().replaceFirst("index\\.html$", "");
                problems.add(page.origin(), 0, "this page would be published at " + address + ", which is already taken by "
                                + (claimed.origin().equals(config.contentDir()) ? "the site's " + claimed.template().replace(".ftl", "") + " page"
                                : config.projectDir().relativize(claimed.origin()).toString()),
                        "rename the page's folder");
            }
        }
    }

    /** A fingerprint of the files beside the Markdown (photos, images): a replaced photo redraws its media. */
    private static String resourceStamp(Content content) throws IOException {
        StringBuilder stamp = new StringBuilder();
        for (Map<String, ? extends Content.Bundle<?>> section : List.of(content.innovators(), content.editions(), content.pages(), content.news(),
                content.accessibility())) {
            for (Content.Bundle<?> bundle : section.values()) {
                for (Path resource : bundle.resources()) {
                    stamp.append(resource).append('@').append(Files.getLastModifiedTime(resource).toMillis()).append(':')
                            .append(Files.size(resource)).append('\n');
                }
            }
        }
        return stamp.toString();
    }

    /** A fingerprint of site-template/: any change there re-renders every page. */
    private String templateStamp() throws IOException {
        StringBuilder stamp = new StringBuilder();
        try (Stream<Path> walk = Files.walk(config.templateDir())) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                stamp.append(file).append('@').append(Files.getLastModifiedTime(file).toMillis()).append(':').append(Files.size(file)).append('\n');
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return stamp.toString();
    }
}
