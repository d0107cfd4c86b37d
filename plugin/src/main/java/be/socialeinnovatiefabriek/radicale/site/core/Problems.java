package be.socialeinnovatiefabriek.radicale.site.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found in one build so they can be reported together. */
final class Problems {
    // Filled from parallel rendering too.

    private final List<ContentProblem> found = java.util.Collections.synchronizedList(new ArrayList<>());

    void add(Path file, int line, String what, String fix) {
        found.add(new ContentProblem(file, line, what, fix));
    }

    void addAll(List<ContentProblem> problems) {
        found.addAll(problems);
    }

    List<ContentProblem> list() {
        return List.copyOf(found);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws when anything was found, sorted by file and line so the report reads top to bottom. */
    void throwIfAny(Path base) throws ContentException {
        if (!found.isEmpty()) {
            // A Dutch value inherited by each translation is checked once per language: report it once.
            List<ContentProblem> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(found));
            sorted.sort(Comparator.comparing((ContentProblem p) -> p.file().toString()).thenComparingInt(ContentProblem::line));
            throw new ContentException(sorted, base);
        }
    }
}
