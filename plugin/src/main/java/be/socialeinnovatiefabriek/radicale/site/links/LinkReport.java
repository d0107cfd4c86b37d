package be.socialeinnovatiefabriek.radicale.site.links;

import java.util.List;

/**
 * What a link check found: one line per problem ({@code file:line: what is wrong; what to do}),
 * and how many files and references it read.
 */
public record LinkReport(List<String> problems, int files, int references) {

    public LinkReport {
        problems = List.copyOf(problems);
    }

    /** The figures in a sentence, for the build log. */
    public String summary() {
        return "Checked " + references + " links, images and assets in " + files + " pages, stylesheets and feeds";
    }
}
