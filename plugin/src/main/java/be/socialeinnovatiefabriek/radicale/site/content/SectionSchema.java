package be.socialeinnovatiefabriek.radicale.site.content;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.i18n.Typography;
import java.nio.file.Path;
import java.util.Optional;

/** What the schema of every section of content/ reads a text with: the build's settings, its body and its status. */
abstract class SectionSchema {

    final SiteConfig config;
    private final RenderedBodies bodies;

    /** {@code bodies} is shared by all sections, as one build renders them all. */
    SectionSchema(SiteConfig config, RenderedBodies bodies) {
        this.config = config;
        this.bodies = bodies;
    }

    /** The HTML of the body, written in {@code lang}; {@code section} and the bundle {@code dir} place its media on the site. */
    String body(FrontMatter fields, Path dir, Section section, String lang, Problems problems) {
        return bodies.html(fields, dir, section, lang, problems);
    }

    /** A text of the front matter that visitors read, in the typography of {@code lang} (French spaces). */
    static Optional<String> prose(FrontMatter fields, String key, boolean required, boolean inherit, String lang) {
        return fields.text(key, required, inherit).map(Typography.of(lang)::apply);
    }

    /** The status of a text without a date of its own (every section but news). */
    String status(FrontMatter fields) {
        return Schedule.of(fields, null, config).status();
    }
}
