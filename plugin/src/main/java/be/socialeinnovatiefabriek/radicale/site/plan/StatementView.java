package be.socialeinnovatiefabriek.radicale.site.plan;

/**
 * The facts of the accessibility statement as its template sets them out ({@code statement} in
 * site-template/README.md): dates ISO-8601, each with its text for the page's language.
 *
 * @param conformance full, partial or none
 * @param reviewed    null when the statement was never reviewed, as {@code reviewedText}
 * @param website     the site's address without its scheme, as the statement names it
 */
public record StatementView(String conformance, String method, String evaluated, String evaluatedText, String prepared,
                            String preparedText, String reviewed, String reviewedText, Contact contact, String website) {

    /** Where visitors report a problem: the link, and the address as shown. */
    public record Contact(String href, String text) {
    }
}
