package be.socialeinnovatiefabriek.radicale.site.media;

import be.socialeinnovatiefabriek.radicale.site.Problem;
import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.content.Content.EditionText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.InnovatorText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.PhotoSource;
import be.socialeinnovatiefabriek.radicale.site.content.Content;
import be.socialeinnovatiefabriek.radicale.site.content.Section;
import be.socialeinnovatiefabriek.radicale.site.i18n.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The images and documents of one build: each innovator's photo in a few widths, and for every
 * nominee of an edition that is not closed yet, a share card and a printable poster per language.
 * Everything is drawn once and kept in a cache, so a rebuild only draws what changed.
 */
public final class SiteMedia {

    private final SiteConfig config;
    private final Routes routes;
    private final MediaBuilder builder;
    private final Messages messages;
    private final Map<String, Object> files = new ConcurrentHashMap<>();
    private final Map<Path, PublishedPhoto> photos = new ConcurrentHashMap<>();
    private final Map<String, String> cards = new ConcurrentHashMap<>();
    private final Map<String, String> posters = new ConcurrentHashMap<>();
    private final List<MediaJob> jobs = new ArrayList<>();
    private int cachedAtPlan;
    /** The builder's counts before this build drew anything. */
    private final MediaStats before;

    public SiteMedia(SiteConfig config, MediaBuilder builder, Messages messages) {
        this.config = config;
        this.routes = new Routes(config);
        this.builder = builder;
        this.messages = messages;
        this.before = builder.stats();
    }

    /** Draws (or takes from the cache) every photo, card and poster; mistakes become problems. */
    public void prepare(Content content, Problems problems) {
        plan(content, problems);
        drawAll(problems);
    }

    /**
     * Works out every photo, card and poster without drawing: where each is published and, for photos, its
     * widths and size (what the pages need); mistakes found without drawing become problems. Then
     * {@link #drawAll} draws them, or {@link #undrawn} gives what is still to draw.
     */
    public void plan(Content content, Problems problems) {
        List<Runnable> work = new ArrayList<>();
        for (Bundle<InnovatorText> innovator : content.innovators().values()) {
            // One photo may be named by several languages: drawn once, its problem shown where it is first named.
            Map<Path, PhotoSource> photos = new LinkedHashMap<>();
            innovator.texts().values().forEach(text -> photos.putIfAbsent(text.photo().image(), text.photo()));
            photos.values().forEach(source -> work.add(() -> planPhoto(innovator.slug(), source, problems)));
        }
        for (Bundle<EditionText> edition : content.editions().values()) {
            EditionText original = edition.texts().get(config.defaultLanguage());
            if (original == null || !config.now().isBefore(original.closes())) {
                continue; // a closed edition needs no call to vote
            }
            for (String slug : original.nominees()) {
                Bundle<InnovatorText> innovator = content.innovators().get(slug);
                for (String lang : config.languages()) {
                    work.add(() -> planCallToVote(edition, innovator, lang, problems));
                }
            }
        }
        work.parallelStream().forEach(Runnable::run);
        cachedAtPlan = inCache();
        // Photos first (the pages show them), then share cards, then posters.
        jobs.sort(Comparator.comparingInt(job -> job.posters() > 0 ? 2 : isCard(job) ? 1 : 0));
        if (jobs.stream().anyMatch(job -> !job.inCache() && (isCard(job) || job.posters() > 0))) {
            // Text is to be drawn: a broken font is named now, before anything is written.
            try {
                builder.checkFonts();
            } catch (MediaProblem problem) {
                problems.add(problem.problem());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static boolean isCard(MediaJob job) {
        return job.outputs().keySet().iterator().next().endsWith(".png");
    }

    /** How many files (images and posters) were in the cache already when planned. */
    public int inCache() {
        return jobs.stream().filter(MediaJob::inCache).mapToInt(job -> job.images() + job.posters()).sum();
    }

    /** Draws every planned file not in the cache yet, in parallel; mistakes become problems. */
    public void drawAll(Problems problems) {
        undrawn().parallelStream().forEach(job -> {
            if (!job.claim()) {
                job.done().join();
                return;
            }
            try {
                Problem problem = job.draw();
                if (problem != null) {
                    problems.add(problem);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                job.done().complete(null);
            }
        });
    }

    /** What is still to draw: the planned jobs whose files are not all in the cache, photos first. */
    public List<MediaJob> undrawn() {
        return jobs.stream().filter(job -> !job.inCache()).toList();
    }

    private void planPhoto(String slug, PhotoSource named, Problems problems) {
        Path source = named.image();
        try {
            ResponsivePhoto photo = builder.plannedPhoto(source);
            // Beside the innovator's other files: photo.jpg is published as photo-480.jpg, photo-480.webp, ...
            String base = routes.bundleFile(Section.INNOVATORS.folder(), slug, source.getFileName().toString().replaceFirst("\\.[^.]+$", "")) + "-";
            Map<String, Path> outputs = new LinkedHashMap<>();
            for (ResponsivePhoto.Variant variant : photo.variants()) {
                outputs.put(routes.file(base + variant.width() + "." + extension(variant.format())), variant.file());
            }
            files.putAll(outputs);
            photos.put(source, published(base, photo));
            // Drawn, the photo's size is the decoder's (the same as planned from its header): the pages use that.
            addJob(new MediaJob(outputs, photo.variants().size(), 0, () -> photos.put(source, published(base, builder.photo(source))),
                    problem -> PhotoCheck.at(named, problem)));
        } catch (MediaProblem problem) {
            problems.add(PhotoCheck.at(named, problem));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void addJob(MediaJob job) {
        jobs.add(job);
    }

    private static PublishedPhoto published(String base, ResponsivePhoto photo) {
        List<ResponsivePhoto.Variant> jpegs = photo.variants("jpeg");
        ResponsivePhoto.Variant main = jpegs.stream().filter(v -> v.width() <= 960).reduce((a, b) -> b).orElse(jpegs.get(0));
        return new PublishedPhoto(base + main.width() + ".jpg", srcset(base, photo.variants("jpeg"), "jpg"),
                srcset(base, photo.variants("webp"), "webp"), main.width(), main.height());
    }

    private static String extension(String format) {
        return "webp".equals(format) ? "webp" : "jpg";
    }

    private static String srcset(String base, List<ResponsivePhoto.Variant> variants, String extension) {
        return variants.stream().map(v -> base + v.width() + "." + extension + " " + v.width() + "w").collect(Collectors.joining(", "));
    }

    private void planCallToVote(Bundle<EditionText> edition, Bundle<InnovatorText> innovator, String lang, Problems problems) {
        InnovatorText text = innovator.texts().getOrDefault(lang, innovator.texts().get(config.defaultLanguage()));
        EditionText editionText = edition.texts().getOrDefault(lang, edition.texts().get(config.defaultLanguage()));
        Path photo = text.photo().image();
        String call = messages.get(lang, "share.callToVote").replace("{0}", text.name());
        String key = edition.slug() + "/" + innovator.slug() + "." + lang;
        try {
            ShareCard card = new ShareCard(photo, text.name(), text.tagline(), editionText.title(), call);
            String cardPath = routes.shareCard(edition.slug(), innovator.slug(), lang);
            Path cardFile = builder.shareCardFile(card);
            files.put(routes.file(cardPath), cardFile);
            cards.put(key, cardPath);
            addJob(new MediaJob(Map.of(routes.file(cardPath), cardFile), 1, 0, () -> builder.shareCard(card),
                    problem -> PhotoCheck.at(text.photo(), problem)));
            Poster poster = new Poster(photo, text.name(), text.tagline(), editionText.title(), call,
                    routes.voteOnProfile(lang, innovator.slug(), edition.slug()), lang);
            String posterPath = routes.poster(edition.slug(), innovator.slug(), lang);
            Path posterFile = builder.posterFile(poster);
            files.put(routes.file(posterPath), posterFile);
            posters.put(key, posterPath);
            addJob(new MediaJob(Map.of(routes.file(posterPath), posterFile), 0, 1, () -> builder.poster(poster),
                    problem -> PhotoCheck.at(text.photo(), problem)));
        } catch (MediaProblem problem) {
            problems.add(PhotoCheck.at(text.photo(), problem));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PublishedPhoto photo(Path source) {
        return photos.get(source);
    }

    /** The share card's path for a nominee of an edition in a language, or null when there is none. */
    public String card(String year, String slug, String lang) {
        return cards.get(year + "/" + slug + "." + lang);
    }

    /** The poster's path for a nominee of an edition in a language, or null when there is none. */
    public String poster(String year, String slug, String lang) {
        return posters.get(year + "/" + slug + "." + lang);
    }

    /** Every file to publish, by its path in the output. */
    public Map<String, Object> files() {
        return files;
    }

    /** What this build drew, for the summary (nothing when the media of the last build were reused). */
    public MediaStats made() {
        MediaStats now = builder.stats();
        return new MediaStats(now.images() - before.images(), now.posters() - before.posters(), cachedAtPlan,
                now.millis() - before.millis());
    }

}
