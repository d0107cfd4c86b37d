package be.socialeinnovatiefabriek.radicale.site.media;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A font of the site template that is missing or cannot be used: a mistake in the template folder to
 * report with what to do, not a failing disk. Which file, what is wrong, and how to put it right.
 */
public final class FontProblem extends IOException {

    private final Path file;
    private final String what;
    private final String fix;

    FontProblem(Path file, String what, String fix, Throwable cause) {
        super(file + ": " + what + "; " + fix, cause);
        this.file = file;
        this.what = what;
        this.fix = fix;
    }

    /** The font file at fault. */
    public Path file() {
        return file;
    }

    /** What is wrong, e.g. "the font of the share cards and posters is missing". */
    public String what() {
        return what;
    }

    /** What to do about it, e.g. "restore site-template/fonts/OpenSans-Bold.ttf from the project". */
    public String fix() {
        return fix;
    }
}
