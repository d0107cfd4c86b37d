package be.socialeinnovatiefabriek.radicale.site.media;

import be.socialeinnovatiefabriek.radicale.site.Problem;
import java.nio.file.Path;

/** A photo or a font the build cannot use, as the {@link Problem} a member of staff fixes: which file, what is wrong, what to do. */
public final class MediaProblem extends Exception {

    private final transient Problem problem;

    MediaProblem(Path file, String what, String fix) {
        this(new Problem(file, 0, what, fix));
    }

    MediaProblem(Problem problem) {
        super(problem.format(null));
        this.problem = problem;
    }

    /** A problem with the photo {@code file}, named in what is wrong: "the photo 'x.jpg' " + {@code what}. */
    static MediaProblem ofPhoto(Path file, String what, String fix) {
        return new MediaProblem(file, "the photo '" + file.getFileName() + "' " + what, fix);
    }

    /** The problem, at the image or font file; where content names a photo, the build shows it at that line instead. */
    public Problem problem() {
        return problem;
    }
}
