package be.socialeinnovatiefabriek.radicale.site.editor;

import be.socialeinnovatiefabriek.radicale.site.Problem;
import java.util.List;

/**
 * A request the editor refuses: the HTTP status, a short code for programs, a sentence for the person at
 * the editor, and (for content refused by the build's checks) the problems, each as {@code path:line: what; fix}.
 */
final class EditorException extends Exception {

    private final int status;
    private final String code;
    private final transient List<String> problems;

    EditorException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    EditorException(int status, String code, String message, List<String> problems) {
        super(message);
        this.status = status;
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    /** The content would not build: refused with the build's own messages. */
    static EditorException refused(List<String> problems) {
        String first = problems.get(0);
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem" + (problems.size() > 2 ? "s" : "") + ")" : "";
        return new EditorException(422, "content_refused", "Not saved: " + first + more, problems);
    }

    /** The path is not one the editor may touch. */
    static EditorException forbiddenPath(String path, String why) {
        return new EditorException(403, "path_refused", "The editor does not touch '" + shorten(path) + "': " + why);
    }

    static EditorException badRequest(String message) {
        return new EditorException(400, "bad_request", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<String> problems() {
        return problems;
    }

    /** The problems of a build check, as its console shows them. */
    static List<String> lines(List<Problem> problems, java.nio.file.Path base) {
        return problems.stream().map(problem -> problem.format(base)).toList();
    }

    private static String shorten(String path) {
        String printable = path.replaceAll("[\\p{Cntrl}]", "?");
        return printable.length() > 120 ? printable.substring(0, 120) + "..." : printable;
    }
}
