package be.socialeinnovatiefabriek.radicale.site.links;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fonts, images and imported stylesheets that CSS loads through {@code url(...)} and {@code @import}. */
final class StylesheetReferences {

    private static final Pattern URL = Pattern.compile(
            "url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\"'\\s]*))\\s*\\)|@import\\s+(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    private StylesheetReferences() {
    }

    /** The references in {@code css}, whose first line is line {@code firstLine} of {@code file}. */
    static List<Reference> in(String css, String file, int firstLine) {
        // Blank out comments but keep their line breaks so that line numbers stay right.
        Matcher comments = COMMENT.matcher(css);
        StringBuilder text = new StringBuilder();
        while (comments.find()) {
            comments.appendReplacement(text, Matcher.quoteReplacement(comments.group().replaceAll("[^\n]", " ")));
        }
        comments.appendTail(text);
        List<Reference> references = new ArrayList<>();
        Matcher matcher = URL.matcher(text);
        int line = firstLine;
        int counted = 0;
        while (matcher.find()) {
            for (; counted < matcher.start(); counted++) {
                if (text.charAt(counted) == '\n') {
                    line++;
                }
            }
            for (int group = 1; group <= matcher.groupCount(); group++) {
                if (matcher.group(group) != null) {
                    String kind = group <= 3 ? "stylesheet url()" : "stylesheet @import";
                    references.add(new Reference(file, line, kind, matcher.group(group).trim()));
                    break;
                }
            }
        }
        return references;
    }
}
