package be.socialeinnovatiefabriek.radicale.site.media;

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
        List<Runnable> work = new ArrayList<>();
        for (Bundle<InnovatorText> innovator : content.innovators().values()) {
            // One photo may be named by several languages: drawn once, its problem shown where it is first named.
            Map<Path, PhotoSource> photos = new LinkedHashMap<>();
            innovator.texts().values().forEach(text -> photos.putIfAbsent(text.photo().image(), text.photo()));
            photos.values().forEach(source -> work.add(() -> photo(innovator.slug(), source, problems)));
        }
        for (Bundle<EditionText> edition : content.editions().values()) {
            EditionText original = edition.texts().get(config.defaultLanguage());
            if (original == null || !config.now().isBefore(original.closes())) {
                continue; // a closed edition needs no call to vote
            }
            for (String slug : original.nominees()) {
                Bundle<InnovatorText> innovator = content.innovators().get(slug);
                for (String lang : config.languages()) {
                    work.add(() -> callToVote(edition, innovator, lang, problems));
                }
            }
        }
        work.parallelStream().forEach(Runnable::run);
    }

    private void photo(String slug, PhotoSource named, Problems problems) {
        Path source = named.image();
        try {
            ResponsivePhoto photo = builder.photo(source);
            // Beside the innovator's other files: photo.jpg is published as photo-480.jpg, photo-480.webp, ...
            String base = routes.bundleFile(Section.INNOVATORS.folder(), slug, source.getFileName().toString().replaceFirst("\\.[^.]+$", "")) + "-";
            for (ResponsivePhoto.Variant variant : photo.variants()) {
                files.put(routes.file(base + variant.width() + "." + extension(variant.format())), variant.file());
            }
            List<ResponsivePhoto.Variant> jpegs = photo.variants("jpeg");
            ResponsivePhoto.Variant main = jpegs.stream().filter(v -> v.width() <= 960).reduce((a, b) -> b).orElse(jpegs.get(0));
            photos.put(source, new PublishedPhoto(base + main.width() + ".jpg",
                    srcset(base, photo.variants("jpeg"), "jpg"), srcset(base, photo.variants("webp"), "webp"), main.width(), main.height()));
        } catch (MediaProblem problem) {
            problems.add(PhotoCheck.at(named, problem));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(String format) {
        return "webp".equals(format) ? "webp" : "jpg";
    }

    private static String srcset(String base, List<ResponsivePhoto.Variant> variants, String extension) {
        return variants.stream().map(v -> base + v.width() + "." + extension + " " + v.width() + "w").collect(Collectors.joining(", "));
    }

    private void callToVote(Bundle<EditionText> edition, Bundle<InnovatorText> innovator, String lang, Problems problems) {
        InnovatorText text = innovator.texts().getOrDefault(lang, innovator.texts().get(config.defaultLanguage()));
        EditionText editionText = edition.texts().getOrDefault(lang, edition.texts().get(config.defaultLanguage()));
        Path photo = text.photo().image();
        String call = messages.get(lang, "share.callToVote").replace("{0}", text.name());
        String key = edition.slug() + "/" + innovator.slug() + "." + lang;
        try {
            Path card = builder.shareCard(new ShareCard(photo, text.name(), text.tagline(), editionText.title(), call));
            String cardPath = routes.shareCard(edition.slug(), innovator.slug(), lang);
            files.put(routes.file(cardPath), card);
            cards.put(key, cardPath);
            Path poster = builder.poster(new Poster(photo, text.name(), text.tagline(), editionText.title(), call,
                    routes.voteOnProfile(lang, innovator.slug(), edition.slug()), lang));
            String posterPath = routes.poster(edition.slug(), innovator.slug(), lang);
            files.put(routes.file(posterPath), poster);
            posters.put(key, posterPath);
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
        return new MediaStats(now.images() - before.images(), now.posters() - before.posters(), now.cached() - before.cached(),
                now.millis() - before.millis());
    }

}
