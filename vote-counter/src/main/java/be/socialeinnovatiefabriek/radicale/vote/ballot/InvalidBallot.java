package be.socialeinnovatiefabriek.radicale.vote.ballot;

import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import java.util.List;

/**
 * A ballot exists but cannot be used: {@link #problems()} names its file (or address), each thing wrong in it and
 * what to do, one problem a line in the message.
 */
public final class InvalidBallot extends RuntimeException {

    private final List<Problem> problems;

    public InvalidBallot(List<Problem> problems) {
        super(String.join("\n", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public InvalidBallot(Problem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problems = List.of(problem);
    }

    public List<Problem> problems() {
        return problems;
    }
}
