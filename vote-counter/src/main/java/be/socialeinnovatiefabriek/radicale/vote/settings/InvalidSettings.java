package be.socialeinnovatiefabriek.radicale.vote.settings;

import java.util.List;

/** The counter's environment settings are wrong; {@link #problems()} lists every problem found, each a sentence. */
public final class InvalidSettings extends RuntimeException {

    private final List<String> problems;

    public InvalidSettings(List<String> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the vote counter's settings: "
                + String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
