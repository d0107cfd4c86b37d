package be.socialeinnovatiefabriek.radicale.site.content;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.content.Content.InnovatorText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.PhotoSource;
import be.socialeinnovatiefabriek.radicale.site.content.FrontMatter.Located;
import be.socialeinnovatiefabriek.radicale.site.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The front matter of an innovator profile: its fields, their checks (website, themes, photo) and the text they make. */
final class InnovatorSchema extends SectionSchema {

    private static final Set<String> KEYS = Schedule.keysWith("name", "tagline", "organisation", "themes", "region",
            "website", "photo", "photoAlt");
    private static final Set<String> PHOTO_TYPES = Set.of("jpg", "jpeg", "png");

    InnovatorSchema(SiteConfig config, RenderedBodies bodies) {
        super(config, bodies);
    }

    /** The text of one language version in {@code dir}; themes are checked against the messages of {@code lang}. */
    InnovatorText read(Path dir, FrontMatter fields, String lang, Messages messages, Problems problems) {
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
        String photoName = fields.text("photo", true, true).orElse(null);
        String photoAlt = prose(fields, "photoAlt", true, false, lang).orElse("");
        PhotoSource photo = photoName == null ? null : photo(dir, photoName, fields, problems);
        String body = body(fields, dir, Section.INNOVATORS, lang, problems);
        return new InnovatorText(fields.source(), lang, name, tagline, organisation, region, website,
                themes.stream().map(Located::value).collect(Collectors.toList()),
                photo, photoAlt, body, status(fields));
    }

    /**
     * Where the photo is and the line that names it, once it is a JPEG or PNG file in the folder; else null
     * after a problem at that line. Its size is checked with the media ({@code PhotoCheck}), which reads images.
     */
    private static PhotoSource photo(Path dir, String name, FrontMatter fields, Problems problems) {
        Path file = dir.resolve(name).normalize();
        Located<String> named = fields.where("photo");
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!file.startsWith(dir) || name.contains("/") || !Files.isRegularFile(file)) {
            problems.add(named.file(), named.line(), "the photo '" + name + "' is not in the folder " + dir.getFileName() + "/",
                    "copy the photo into that folder, or correct the file name after 'photo:'");
            return null;
        }
        if (!PHOTO_TYPES.contains(extension)) {
            problems.add(named.file(), named.line(), "the photo '" + name + "' is not a JPEG or PNG file",
                    "save it as .jpg or .png");
            return null;
        }
        return new PhotoSource(file, named.file(), named.line());
    }

    private static List<String> knownThemes(Messages messages, String lang) {
        return messages.of(lang).keySet().stream().filter(k -> k.startsWith("theme.")).map(k -> k.substring(6)).sorted().collect(Collectors.toList());
    }
}
