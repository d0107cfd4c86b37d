package be.socialeinnovatiefabriek.radicale.site.content;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.content.Content.StatementText;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The front matter of the accessibility statement (content/accessibility/): the facts the model statement of
 * Flemish public bodies asks for, which the template sets in the model's order. The text says what is not
 * accessible and why; a site that is not fully conformant must say it.
 */
final class AccessibilitySchema extends SectionSchema {

    static final List<String> CONFORMANCE = List.of("full", "partial", "none");

    private static final Set<String> KEYS = Schedule.keysWith("title", "description", "conformance", "evaluated", "method",
            "prepared", "reviewed", "contact");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>]+@[^@\\s\"<>]+\\.[^@\\s\"<>]+");
    static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s\"<>]+");

    AccessibilitySchema(SiteConfig config, RenderedBodies bodies) {
        super(config, bodies);
    }

    /** The text of one language version; translations may leave out everything but title and method. */
    StatementText read(FrontMatter fields, String lang) {
        fields.rejectUnknownKeys(KEYS);
        Problems problems = fields.problems();
        String title = prose(fields, "title", true, false, lang).orElse("");
        String description = prose(fields, "description", false, false, lang).orElse("");
        String conformance = fields.text("conformance", true, true).orElse(null);
        if (conformance != null && !CONFORMANCE.contains(conformance)) {
            problems.add(fields.where("conformance").file(), fields.where("conformance").line(),
                    "'conformance' must be full, partial or none (got \"" + conformance + "\")",
                    "write conformance: partial while any part of the site falls short of WCAG 2.1 level AA, full once none does");
            conformance = null;
        }
        LocalDate evaluated = fields.date("evaluated", true, true).orElse(null);
        String method = prose(fields, "method", true, false, lang).orElse("");
        LocalDate prepared = fields.date("prepared", true, true).orElse(null);
        LocalDate reviewed = fields.date("reviewed", false, true).orElse(null);
        if (prepared != null && reviewed != null && reviewed.isBefore(prepared)) {
            problems.add(fields.where("reviewed").file(), fields.where("reviewed").line(),
                    "the statement is reviewed (" + reviewed + ") before it was prepared (" + prepared + ")",
                    "set 'reviewed' to the date of the last review, on or after 'prepared'");
        }
        String contact = fields.text("contact", true, true).orElse(null);
        if (contact != null && !EMAIL.matcher(contact).matches() && !WEB_ADDRESS.matcher(contact).matches()) {
            problems.add(fields.where("contact").file(), fields.where("contact").line(),
                    "'contact' is neither an e-mail address nor a web address (got \"" + contact + "\")",
                    "write the address where visitors report a problem, such as contact: toegankelijkheid@example.org");
            contact = null;
        }
        String body = body(fields, fields.path().getParent(), Section.ACCESSIBILITY, lang, problems);
        if (body.isBlank() && conformance != null && !conformance.equals("full")) {
            problems.add(fields.path(), fields.lineOf("conformance"),
                    "the site is " + (conformance.equals("none") ? "not" : "partially") + " conformant, but the text does not say what is not accessible",
                    "list below the front matter what is not accessible and why, or write conformance: full");
        }
        return new StatementText(fields.source(), lang, title, description, conformance, evaluated, method, prepared, reviewed,
                contact, body, status(fields));
    }
}
