package be.socialeinnovatiefabriek.radicale.site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found in one build so they can be reported together. */
public final class Problems {
    // Filled from parallel rendering too.

    private final List<Problem> found = java.util.Collections.synchronizedList(new ArrayList<>());

    public void add(Path file, int line, String what, String fix) {
        found.add(new Problem(file, line, what, fix));
    }

    public void add(Problem problem) {
        found.add(problem);
    }

    public void addAll(List<Problem> problems) {
        found.addAll(problems);
    }

    public List<Problem> list() {
        return List.copyOf(found);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws when anything was found, sorted by file and line so the report reads top to bottom. */
    public void throwIfAny(Path base) throws ContentException {
        if (!found.isEmpty()) {
            // A Dutch value inherited by each translation is checked once per language: report it once.
            List<Problem> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(found));
            sorted.sort(Comparator.comparing((Problem p) -> p.file().toString()).thenComparingInt(Problem::line));
            throw new ContentException(sorted, base);
        }
    }
}
