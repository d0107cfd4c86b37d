package be.socialeinnovatiefabriek.radicale.site.plan;

import java.nio.file.Path;
import java.util.Set;

/**
 * One HTML file to render: where it goes, its model (the template is its type's), and which source
 * files' text it shows (a change to only the text of other files leaves this page as it was).
 *
 * @param output  path relative to the output folder, such as fr/innovators/papillon/index.html
 * @param origin  the file that made this page, named when two pages claim one address
 */
public record PageJob(String output, PageModel model, Set<Path> sources, Path origin) {

    public PageType type() {
        return model.page().type();
    }

    public String template() {
        return type().template();
    }
}
