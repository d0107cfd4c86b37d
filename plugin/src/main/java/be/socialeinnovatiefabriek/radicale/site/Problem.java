package be.socialeinnovatiefabriek.radicale.site;

import java.nio.file.Path;

/** One mistake in the content or templates: where it is, what is wrong, and what to do about it. */
public record Problem(Path file, int line, String what, String fix) {

    /** Formats the problem as {@code path:line: what is wrong; what to do}, the path relative to {@code base}. */
    public String format(Path base) {
        Path shown = file;
        if (base != null && file.isAbsolute() && file.startsWith(base)) {
            shown = base.relativize(file);
        }
        String where = shown.toString().replace('\\', '/') + (line > 0 ? ":" + line : "");
        return where + ": " + what + "; " + fix;
    }
}
