package be.socialeinnovatiefabriek.radicale.site.plan;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * One HTML file to render: where it goes, with which template and model, and which source files'
 * text it shows (a change to only the text of other files leaves this page as it was).
 *
 * @param output  path relative to the output folder, such as fr/innovators/papillon/index.html
 * @param origin  the file that made this page, named when two pages claim one address
 */
public record PageJob(String output, String template, Map<String, Object> model, Set<Path> sources, Path origin) {
}
