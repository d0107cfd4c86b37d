package be.socialeinnovatiefabriek.radicale.site.core;

import be.socialeinnovatiefabriek.radicale.site.core.Content.InnovatorText;
import be.socialeinnovatiefabriek.radicale.site.core.Fields.Located;
import be.socialeinnovatiefabriek.radicale.site.core.media.MediaBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The front matter of an innovator profile: its fields, their checks (website, themes, photo) and the text they make. */
final class InnovatorSchema extends SectionSchema {

    private static final Set<String> KEYS = Schedule.keysWith("name", "tagline", "organisation", "themes", "region",
            "website", "photo", "photoAlt");
    private static final Set<String> PHOTO_TYPES = Set.of("jpg", "jpeg", "png");

    /** Photos measured in earlier builds, by file: measuring means decoding the image. */
    private final Map<Path, Photo> photos = new ConcurrentHashMap<>();

    InnovatorSchema(SiteConfig config, RenderedBodies bodies) {
        super(config, bodies);
    }

    /** The text of one language version in {@code dir}; themes are checked against the messages of {@code lang}. */
    InnovatorText read(Path dir, Fields fields, String lang, Messages messages, Problems problems) {
        fields.rejectUnknownKeys(KEYS);
        String name = prose(fields, "name", true, true, lang).orElse(dir.getFileName().toString());
        String tagline = prose(fields, "tagline", true, false, lang).orElse("");
        String organisation = prose(fields, "organisation", false, true, lang).orElse(null);
        String region = prose(fields, "region", false, true, lang).orElse(null);
        String website = fields.text("website", false, true).orElse(null);
        if (website != null && !website.matches("https?://[^\\s\"<>]+")) {
            problems.add(fields.path(), fields.lineOf("website"), "'website' is not a web address (got \"" + website + "\")",
                    "write the full address, starting with https://");
            website = null;
        }
        // Optional: a profile whose sources say nothing of the challenge it takes on is better without a theme than with a guessed one.
        List<Located<String>> written = fields.slugList("themes", false, true);
        List<Located<String>> themes = written == null ? List.of() : written;
        if (written != null && themes.isEmpty() && fields.lineOf("themes") > 1) {
            problems.add(fields.path(), fields.lineOf("themes"), "'themes' is empty",
                    "list at least one theme, such as themes: [poverty], or leave out the line");
        }
        for (Located<String> theme : themes) {
            // Without the language's UI strings (their own problem), every theme would look unknown.
            if (messages.has(lang) && !messages.has(lang, "theme." + theme.value())) {
                problems.add(theme.file(), theme.line(), "unknown theme '" + theme.value() + "'",
                        "use one of " + String.join(", ", knownThemes(messages, lang)) + ", or add theme." + theme.value()
                                + " to every messages file in site-template/i18n/");
            }
        }
        String photo = fields.text("photo", true, true).orElse(null);
        String photoAlt = prose(fields, "photoAlt", true, false, lang).orElse("");
        if (photo != null) {
            checkPhoto(dir, photo, fields, problems); // here, with the line; SiteMedia resizes it later
        }
        String body = body(fields, dir, ContentLoader.INNOVATORS, lang, problems);
        return new InnovatorText(fields.source(), lang, name, tagline, organisation, region, website,
                themes.stream().map(Located::value).collect(Collectors.toList()),
                photo, photoAlt, body, status(fields));
    }

    private void checkPhoto(Path dir, String name, Fields fields, Problems problems) {
        Path file = dir.resolve(name).normalize();
        int line = fields.lineOf("photo");
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!file.startsWith(dir) || name.contains("/") || !Files.isRegularFile(file)) {
            problems.add(fields.path(), line, "the photo '" + name + "' is not in the folder " + dir.getFileName() + "/",
                    "copy the photo into that folder, or correct the file name after 'photo:'");
            return;
        }
        if (!PHOTO_TYPES.contains(extension)) {
            problems.add(fields.path(), line, "the photo '" + name + "' is not a JPEG or PNG file",
                    "save it as .jpg or .png");
            return;
        }
        Photo measured = measure(file, problems);
        if (measured != null) {
            checkSize(file, measured, fields.where("photo"), problems);
        }
    }

    private Photo measure(Path file, Problems problems) {
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

    /**
     * The sizes the media check refuses, found here with the content's other problems and pointing at
     * the line that names the photo. The header's width may be turned by the photo's orientation, so
     * only a photo too small either way is refused here; the media check measures it upright.
     */
    private void checkSize(Path file, Photo photo, Located<String> named, Problems problems) {
        Path markdown = named.file().startsWith(config.projectDir()) ? config.projectDir().relativize(named.file()) : named.file();
        String where = ", named after 'photo:' at " + markdown.toString().replace('\\', '/') + ":" + named.line();
        if (Math.max(photo.width(), photo.height()) < MediaBuilder.MIN_WIDTH) {
            problems.add(file, 0, "the photo is " + photo.width() + " pixels wide, too small for the site",
                    "use a photo at least " + MediaBuilder.MIN_WIDTH + " pixels wide (1440 or more looks sharp on large screens)" + where);
        } else if ((long) photo.width() * photo.height() > MediaBuilder.MAX_PIXELS) {
            problems.add(file, 0, "the photo is " + photo.width() + " by " + photo.height() + " pixels, too large to process",
                    "save it at most 4000 pixels wide" + where);
        }
    }

    private static List<String> knownThemes(Messages messages, String lang) {
        return messages.of(lang).keySet().stream().filter(k -> k.startsWith("theme.")).map(k -> k.substring(6)).sorted().collect(Collectors.toList());
    }
}
