package be.socialeinnovatiefabriek.radicale.site.core;

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
    String body(Fields fields, Path dir, String section, String lang, Problems problems) {
        return bodies.html(fields, dir, section, lang, problems);
    }

    /** A text of the front matter that visitors read, in the typography of {@code lang} (French spaces). */
    static Optional<String> prose(Fields fields, String key, boolean required, boolean inherit, String lang) {
        return fields.text(key, required, inherit).map(Typography.of(lang)::apply);
    }

    /** The status of a text without a date of its own (every section but news). */
    String status(Fields fields) {
        return Schedule.of(fields, null, config).status();
    }
}
