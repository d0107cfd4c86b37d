package be.socialeinnovatiefabriek.radicale.site.links;

import be.socialeinnovatiefabriek.radicale.site.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a link check found: its problems, by file and line, in the site under {@code root}; and how many
 * files and references it read.
 */
public record LinkReport(List<Problem> problems, Path root, int files, int references) {

    public LinkReport {
        problems = List.copyOf(problems);
    }

    /** The problems one per line, each as {@code file:line: what is wrong; what to do}, the file below the site's root. */
    public List<String> lines() {
        return problems.stream().map(problem -> problem.format(root)).collect(Collectors.toList());
    }

    /** The figures in a sentence, for the build log. */
    public String summary() {
        return "Checked " + references + " links, images and assets in " + files + " pages, stylesheets and feeds";
    }
}
