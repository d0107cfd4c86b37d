package be.socialeinnovatiefabriek.radicale.site.build;

import be.socialeinnovatiefabriek.radicale.site.content.Content;
import be.socialeinnovatiefabriek.radicale.site.content.ContentLoader;
import be.socialeinnovatiefabriek.radicale.site.content.SourceFile;
import be.socialeinnovatiefabriek.radicale.site.media.SiteMedia;
import be.socialeinnovatiefabriek.radicale.site.plan.PageJob;
import be.socialeinnovatiefabriek.radicale.site.plan.PageModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the last successful build made, kept by a builder that builds again and again (the preview):
 * a save that changes only the text of a page re-renders only the pages that show that text, and
 * reuses the media; a change to front matter or a photo plans the media again and re-renders the pages
 * whose model changed; a change to the templates redoes everything.
 */
final class RebuildMemory {

    /**
     * What changed since the last successful build.
     *
     * @param files         the content files read again, added or gone
     * @param onlyText      only the text below the front matter of {@code files} changed: the rest may be kept
     */
    record Changes(String templateStamp, String resourceStamp, Set<Path> files, boolean templates, boolean onlyText) {
    }

    private String templateStamp = "";
    private String resourceStamp = "";
    /** The pages of the last successful build, by output path. */
    private Map<String, byte[]> pages = Map.of();
    /** The model each page of the last successful build was rendered from, by output path. */
    private Map<String, PageModel> models = Map.of();
    private Map<String, byte[]> feeds;
    private Map<String, Object> others;
    /** The parsed files of the last successful build, to tell a text edit from a front matter edit. */
    private Map<Path, SourceFile> frontMatters = Map.of();
    private SiteMedia media;

    /** Compares this build's templates, content and files beside it with the last build's. */
    Changes changes(Path templateDir, Content content, ContentLoader loader) throws IOException {
        String templates = templateStamp(templateDir);
        String resources = resourceStamp(content);
        Set<Path> files = loader.lastChanged();
        boolean templatesChanged = !templates.equals(templateStamp);
        boolean onlyText = !templatesChanged && !pages.isEmpty() && resources.equals(resourceStamp) && onlyBodiesChanged(files, loader);
        return new Changes(templates, resources, files, templatesChanged, onlyText);
    }

    /** The media of the last build, when only text changed since; else null. */
    SiteMedia media(Changes changes) {
        return changes.onlyText() ? media : null;
    }

    /**
     * The page the last build made at the job's output, when it would be rendered the same: only text changed and
     * none of it shows there, or the templates did not change and the page's model is equal to the last one (a front
     * matter edit changes the model of the pages that show that field, not of the others). Else null.
     */
    byte[] page(PageJob job, Changes changes) {
        byte[] before = pages.get(job.output());
        if (before == null) {
            return null;
        }
        if (changes.onlyText()) {
            return Collections.disjoint(job.sources(), changes.files()) ? before : null;
        }
        return !changes.templates() && job.model().equals(models.get(job.output())) ? before : null;
    }

    /**
     * The news feeds of the last build, when no file in {@code newsDir} and nothing in the templates (the messages are
     * there) changed: a feed is made of the news items and the messages only, so a tagline edit keeps it. Else null.
     */
    Map<String, byte[]> feeds(Changes changes, Path newsDir) {
        return !changes.templates() && changes.files().stream().noneMatch(file -> file.startsWith(newsDir)) ? feeds : null;
    }

    /**
     * The ballots, sitemap, robots.txt and copied files of the last build, when only text changed: they come from
     * front matter, addresses, templates and the files beside the Markdown, none from the text. Else null.
     */
    Map<String, Object> others(Changes changes) {
        return changes.onlyText() ? others : null;
    }

    /** Keeps what a successful build made, for the next. */
    void remember(Changes changes, Map<String, byte[]> builtPages, List<PageJob> jobs, Map<String, byte[]> builtFeeds,
                  Map<String, Object> builtOthers, Map<Path, SourceFile> files, SiteMedia builtMedia) {
        templateStamp = changes.templateStamp();
        resourceStamp = changes.resourceStamp();
        pages = builtPages;
        feeds = builtFeeds;
        others = builtOthers;
        Map<String, PageModel> built = new HashMap<>();
        jobs.forEach(job -> built.put(job.output(), job.model()));
        models = built;
        frontMatters = files;
        media = builtMedia;
    }

    /** True when every changed file kept its front matter, so only pages showing its text change. */
    private boolean onlyBodiesChanged(Set<Path> changedFiles, ContentLoader loader) {
        for (Path file : changedFiles) {
            SourceFile now = loader.cached(file);
            SourceFile before = frontMatters.get(file);
            if (now == null || before == null || !now.frontMatterText().equals(before.frontMatterText())) {
                return false;
            }
        }
        return true;
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
    private static String templateStamp(Path templateDir) throws IOException {
        StringBuilder stamp = new StringBuilder();
        try (Stream<Path> walk = Files.walk(templateDir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                stamp.append(file).append('@').append(Files.getLastModifiedTime(file).toMillis()).append(':').append(Files.size(file)).append('\n');
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return stamp.toString();
    }
}
