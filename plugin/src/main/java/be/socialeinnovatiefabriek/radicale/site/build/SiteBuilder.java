package be.socialeinnovatiefabriek.radicale.site.build;

import be.socialeinnovatiefabriek.radicale.site.ContentException;
import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.cache.PackCache;
import be.socialeinnovatiefabriek.radicale.site.content.Content;
import be.socialeinnovatiefabriek.radicale.site.content.ContentLoader;
import be.socialeinnovatiefabriek.radicale.site.content.Section;
import be.socialeinnovatiefabriek.radicale.site.content.TranslationStatus;
import be.socialeinnovatiefabriek.radicale.site.i18n.Messages;
import be.socialeinnovatiefabriek.radicale.site.markdown.MarkdownCache;
import be.socialeinnovatiefabriek.radicale.site.media.MediaBuilder;
import be.socialeinnovatiefabriek.radicale.site.media.MediaDrawing;
import be.socialeinnovatiefabriek.radicale.site.media.MediaJob;
import be.socialeinnovatiefabriek.radicale.site.media.MediaProblem;
import be.socialeinnovatiefabriek.radicale.site.media.MediaStats;
import be.socialeinnovatiefabriek.radicale.site.media.PhotoCheck;
import be.socialeinnovatiefabriek.radicale.site.media.SiteMedia;
import be.socialeinnovatiefabriek.radicale.site.output.BallotWriter;
import be.socialeinnovatiefabriek.radicale.site.output.CopiedFiles;
import be.socialeinnovatiefabriek.radicale.site.output.NewsFeedWriter;
import be.socialeinnovatiefabriek.radicale.site.output.OutputFolder;
import be.socialeinnovatiefabriek.radicale.site.output.SitemapWriter;
import be.socialeinnovatiefabriek.radicale.site.plan.PageJob;
import be.socialeinnovatiefabriek.radicale.site.plan.SitePlanner;
import be.socialeinnovatiefabriek.radicale.site.render.PageCache;
import be.socialeinnovatiefabriek.radicale.site.render.TemplateRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the whole static site from content/ and site-template/, stage by stage: the UI strings and
 * the content (all checked first), the media, the plan of every page, the pages rendered, then the
 * output written at once. One instance can build again and again (the preview server does): its
 * {@link RebuildMemory} keeps what it made, so a save re-renders only the pages it touches.
 */
public final class SiteBuilder {

    private final SiteConfig config;
    private final Routes routes;
    private final ContentLoader loader;
    private final PhotoCheck photos = new PhotoCheck();
    private final RebuildMemory memory = new RebuildMemory();
    private final OutputFolder output;
    /** What this run keeps for the next (written after its first build): rendered Markdown bodies, and pages. */
    private final PackCache markdownPack;
    private final PackCache pagePack;
    private final MarkdownCache markdownCache;
    private TemplateRenderer renderer;
    /** The template engine being loaded on a thread of its own, until a page needs it. */
    private CompletableFuture<TemplateRenderer> loadingRenderer;
    private MediaBuilder mediaBuilder;
    private TranslationStatus translations;
    private Consumer<String> mediaLog;
    private Consumer<String> mediaError;
    private Executor mediaPool;
    private ExecutorService ownPool;
    private volatile MediaDrawing drawing;

    public SiteBuilder(SiteConfig config) {
        this.config = config;
        this.routes = new Routes(config);
        Path caches = config.outputDir().resolveSibling(".site-cache");
        this.markdownPack = PackCache.open(caches.resolve("markdown.pack"));
        this.pagePack = PackCache.open(caches.resolve("pages.pack"));
        this.markdownCache = new MarkdownCache(markdownPack);
        this.loader = new ContentLoader(config, markdownCache);
        this.output = new OutputFolder(config.outputDir());
    }

    public SiteConfig config() {
        return config;
    }

    /**
     * Builds the site. Mistakes in the content or templates throw {@link ContentException} before anything
     * is written; {@link IOException} means the disk failed us.
     */
    public BuildReport build() throws ContentException, IOException {
        long start = System.nanoTime();
        Problems problems = new Problems();
        Path templates = config.templateDir().resolve("templates");
        if (!Files.isDirectory(templates)) {
            problems.add(templates, 0, "the templates folder is missing", "restore " + config.templateDir().getFileName() + "/templates/");
            problems.throwIfAny(config.projectDir());
        }
        // The first build loads the template engine on another thread while it reads the content, unless its pages are
        // likely to come from the last run's (a preview loads it all the same, for the edits to come).
        if (renderer == null && loadingRenderer == null && (config.preview() || pagePack.startedEmpty())) {
            loadingRenderer = TemplateRenderer.inBackground(templates, config.outputDir());
        }
        Messages messages = Messages.load(config.templateDir().resolve("i18n"), config.languages(), problems);
        Content content = loader.load(messages, problems);
        photos.check(content, problems);
        problems.throwIfAny(config.projectDir());
        translations = TranslationStatus.of(content, config.languages());

        RebuildMemory.Changes changes = memory.changes(config.templateDir(), content, loader);
        if (changes.templates() && renderer != null) {
            renderer = null; // loaded again when a page needs it
        }
        PageCache pageCache = new PageCache(pagePack, templates, markdownCache.made());
        // The feeds, ballots and copied files come from the content alone: made on another thread while the pages are
        // planned and rendered.
        Map<String, byte[]> keptFeeds = memory.feeds(changes, config.contentDir().resolve(Section.NEWS.folder()));
        CompletableFuture<Map<String, byte[]>> feedsLater = keptFeeds != null ? CompletableFuture.completedFuture(keptFeeds)
                : CompletableFuture.supplyAsync(() -> new NewsFeedWriter(config, content, messages).feeds());
        Map<String, Object> keptOthers = memory.others(changes);
        CompletableFuture<Map<String, Object>> othersLater = keptOthers != null ? null : CompletableFuture.supplyAsync(() -> {
            Map<String, Object> made = new HashMap<>(new BallotWriter(config, content).ballots());
            try {
                made.putAll(new CopiedFiles(routes).files(config.templateDir().resolve("assets"), content));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return made;
        });

        long mediaStart = System.nanoTime();
        SiteMedia media = memory.media(changes);
        boolean mediaReused = media != null;
        if (!mediaReused) {
            media = planMedia(content, messages, problems);
            problems.throwIfAny(config.projectDir());
            if (mediaLog == null) {
                media.drawAll(problems);
            }
        }
        problems.throwIfAny(config.projectDir());
        long mediaMillis = (System.nanoTime() - mediaStart) / 1_000_000;

        List<PageJob> jobs = new SitePlanner(config, content, messages, media).plan(problems);
        problems.throwIfAny(config.projectDir());

        AtomicInteger rendered = new AtomicInteger();
        Map<String, byte[]> pages = render(jobs, messages, changes, pageCache, rendered, problems);
        problems.throwIfAny(config.projectDir());

        Map<String, Object> files = new HashMap<>(pages);
        Map<String, byte[]> feeds = joined(feedsLater);
        Map<String, Object> others = keptOthers;
        if (others == null) {
            others = new HashMap<>(joined(othersLater));
            others.putAll(new SitemapWriter(routes).files(jobs));
        }
        files.putAll(feeds);
        files.putAll(others);
        files.putAll(media.files());
        List<MediaJob> later = mediaReused || mediaLog == null ? List.of() : media.undrawn();
        MediaDrawing next = mediaReused || mediaLog == null ? drawing : newDrawing(later);
        int written = output.write(files, config.preview(), next == null ? Set.of() : next.late());
        memory.remember(changes, pages, jobs, feeds, others, loader.cachedFiles(), media);
        // Written after the first build, which asked for every body and page; later builds of a preview keep nothing.
        IOException unsaved = markdownPack.save();
        IOException pagesUnsaved = pagePack.save();
        unsaved = unsaved != null ? unsaved : pagesUnsaved;
        if (next != drawing) {
            // Only now that this build's files are written: a build that fails leaves the last one's drawing going.
            MediaDrawing previous = drawing;
            if (previous != null) {
                previous.cancel();
            }
            drawing = next;
            next.start(mediaPool);
        }

        long millis = (System.nanoTime() - start) / 1_000_000;
        MediaStats made = mediaReused ? new MediaStats(0, 0, 0, 0) : media.made();
        return new BuildReport(SitePlanner.countByLanguage(jobs, config.languages()), jobs.size(), rendered.get(), written, millis,
                made.images() + later.stream().mapToInt(MediaJob::images).sum(), made.posters() + later.stream().mapToInt(MediaJob::posters).sum(),
                made.cached(), mediaMillis, !later.isEmpty(), unsaved == null ? null : String.valueOf(unsaved.getMessage()));
    }

    /**
     * From now on, media are drawn after the pages are written, on a pool of every core, each file written as soon
     * as it is drawn (the preview: pages come first). Progress lines go to {@code log}, a photo that cannot be drawn
     * to {@code error}.
     */
    public void drawMediaInBackground(Consumer<String> log, Consumer<String> error) {
        this.mediaLog = log;
        this.mediaError = error;
    }

    /** As {@link #drawMediaInBackground(Consumer, Consumer)}, drawing on {@code pool}. */
    public void drawMediaInBackground(Consumer<String> log, Consumer<String> error, Executor pool) {
        drawMediaInBackground(log, error);
        this.mediaPool = pool;
    }

    /** The drawing of the last build's media, or null when nothing is drawn in the background. */
    public MediaDrawing mediaDrawing() {
        return drawing;
    }

    /** Stops drawing in the background: what is not started is dropped, what is being drawn finishes before this returns. */
    public void stopDrawing() {
        MediaDrawing current = drawing;
        if (current != null) {
            current.cancel();
        }
        if (ownPool != null) {
            ownPool.shutdown();
            try {
                ownPool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A drawing of {@code jobs}, to start once this build's pages are written. */
    private MediaDrawing newDrawing(List<MediaJob> jobs) {
        if (mediaPool == null) {
            AtomicInteger threads = new AtomicInteger();
            ownPool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
                Thread thread = new Thread(runnable, "site-media-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            mediaPool = ownPool;
        }
        return new MediaDrawing(jobs, output::publish, mediaLog, problem -> mediaError.accept(problem.format(config.projectDir())));
    }

    /** Which page exists in which language, as of the last successful load. */
    public TranslationStatus translations() {
        return translations;
    }

    /** Every photo, share card and poster of the build, planned (not drawn yet); mistakes become problems. */
    private SiteMedia planMedia(Content content, Messages messages, Problems problems) throws IOException, ContentException {
        MediaBuilder builder = mediaBuilder(problems);
        problems.throwIfAny(config.projectDir());
        SiteMedia media = new SiteMedia(config, builder, messages);
        media.plan(content, problems);
        return media;
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
            } catch (MediaProblem problem) {
                problems.add(problem.problem());
            }
        }
        return mediaBuilder;
    }

    /** Every page as HTML, in parallel; a page that would render as it did in the last build is kept as it was. */
    private Map<String, byte[]> render(List<PageJob> jobs, Messages messages, RebuildMemory.Changes changes, PageCache pageCache,
                                       AtomicInteger rendered, Problems problems) {
        Map<String, byte[]> pages = new ConcurrentHashMap<>();
        jobs.parallelStream().forEach(job -> {
            byte[] kept = memory.page(job, changes);
            if (kept != null) {
                pages.put(job.output(), kept);
                return;
            }
            Map<String, String> strings = messages.of(job.model().lang());
            String key = pageCache.key(job, strings);
            byte[] cached = key == null ? null : pageCache.page(key);
            if (cached != null) {
                pages.put(job.output(), cached);
                return;
            }
            String html = renderer().render(job, strings, problems);
            rendered.incrementAndGet();
            if (html != null) {
                byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
                pages.put(job.output(), bytes);
                if (key != null) {
                    pageCache.keep(key, bytes);
                }
            }
        });
        return pages;
    }

    /** What {@code later} made, or the disk failure or mistake that stopped it, as if it had been made here. */
    private static <T> T joined(CompletableFuture<T> later) throws IOException {
        try {
            return later.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The template engine: the one loading since the build started, or loaded now, when the first page needs it. */
    private synchronized TemplateRenderer renderer() {
        if (renderer == null) {
            if (loadingRenderer != null) {
                renderer = loadingRenderer.join();
                loadingRenderer = null;
            } else {
                renderer = new TemplateRenderer(config.templateDir().resolve("templates"), config.outputDir());
            }
        }
        return renderer;
    }
}
