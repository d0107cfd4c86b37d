package be.socialeinnovatiefabriek.radicale.site.deploy;

import java.util.List;

/** The settings of site:deploy are wrong; {@link #problems()} names each, with its property and the fix. */
public final class InvalidDeploySettings extends Exception {

    private final List<String> problems;

    public InvalidDeploySettings(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
