package be.socialeinnovatiefabriek.radicale.site;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The content or templates have mistakes; the build stopped before touching the output. */
public final class ContentException extends Exception {

    private static final int SHOWN = 25;

    private final transient List<Problem> problems;
    private final transient Path base;

    public ContentException(List<Problem> problems, Path base) {
        super(summary(problems, base));
        this.problems = List.copyOf(problems);
        this.base = base;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The problems one per line, each as {@code path:line: what; fix}. */
    public List<String> lines() {
        return problems.stream().map(p -> p.format(base)).collect(Collectors.toList());
    }

    private static String summary(List<Problem> problems, Path base) {
        StringBuilder text = new StringBuilder();
        text.append(problems.size() == 1 ? "1 content problem" : problems.size() + " content problems");
        text.append(" stopped the build; the previous output is unchanged:");
        // The first ones are enough to start fixing; a hundred lines would hide the start of the list.
        problems.stream().limit(SHOWN).forEach(problem -> text.append(System.lineSeparator()).append(problem.format(base)));
        if (problems.size() > SHOWN) {
            text.append(System.lineSeparator()).append("... and ").append(problems.size() - SHOWN).append(" more; fix these first");
        }
        return text.toString();
    }
}
