package be.socialeinnovatiefabriek.radicale.site.media;

import java.nio.file.Path;

/** A photo the build cannot use: which file, what is wrong with it, and what a member of staff should do. */
public final class MediaProblem extends Exception {

    private final Path file;
    private final String what;
    private final String fix;

    MediaProblem(Path file, String what, String fix) {
        super(file + ": " + what + "; " + fix);
        this.file = file;
        this.what = what;
        this.fix = fix;
    }

    /** The photo at fault. */
    public Path file() {
        return file;
    }

    /** What is wrong, e.g. "the photo is 300 pixels wide, too small for the site". */
    public String what() {
        return what;
    }

    /** What to do about it, e.g. "use a photo at least 480 pixels wide". */
    public String fix() {
        return fix;
    }
}
