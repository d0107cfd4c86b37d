package be.socialeinnovatiefabriek.radicale.vote.settings;

import java.util.List;

/**
 * The counter's configuration cannot be used: its environment, its command line or a file one of them names.
 * {@link #problems()} lists every problem found, each with where, what and what to do; the message lists them
 * on one line, numbered, so that a parent process that shows one line shows them all.
 */
public final class InvalidSettings extends RuntimeException {

    private final List<Problem> problems;

    public InvalidSettings(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidSettings(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        if (problems.size() == 1) {
            return "1 problem in the vote counter's settings: " + problems.get(0);
        }
        StringBuilder message = new StringBuilder(problems.size() + " problems in the vote counter's settings:");
        for (int i = 0; i < problems.size(); i++) {
            message.append(" (").append(i + 1).append(") ").append(problems.get(i));
        }
        return message.toString();
    }
}
