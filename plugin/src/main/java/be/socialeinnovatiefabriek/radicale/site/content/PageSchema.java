package be.socialeinnovatiefabriek.radicale.site.content;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.content.Content.PageText;
import java.util.Set;

/** The front matter of a plain page (privacy, about): a title, a description and its place in the menu. */
final class PageSchema extends SectionSchema {

    private static final Set<String> KEYS = Schedule.keysWith("title", "description", "menu");

    PageSchema(SiteConfig config, RenderedBodies bodies) {
        super(config, bodies);
    }

    /** The text of one language version. */
    PageText read(FrontMatter fields, String lang) {
        fields.rejectUnknownKeys(KEYS);
        Problems problems = fields.problems();
        String title = prose(fields, "title", true, false, lang).orElse("");
        String description = prose(fields, "description", false, false, lang).orElse("");
        Integer menu = fields.integer("menu", 0, true).orElse(null);
        String body = body(fields, fields.path().getParent(), Section.PAGES, lang, problems);
        return new PageText(fields.source(), lang, title, description, menu, body, status(fields));
    }
}
