package be.socialeinnovatiefabriek.radicale.site.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Everything under content/, validated: bundles of language versions, by section. {@code accessibility} holds
 * at most one bundle, the accessibility statement (content/accessibility/ itself), under the key "accessibility".
 */
public record Content(SortedMap<String, Bundle<InnovatorText>> innovators,
               SortedMap<String, Bundle<EditionText>> editions,
               SortedMap<String, Bundle<PageText>> pages,
               SortedMap<String, Bundle<NewsText>> news,
               SortedMap<String, Bundle<StatementText>> accessibility) {

    /**
     * One folder of content: its language versions (only those in this build) and its other files.
     * Outside news, a translation is only there beside the default language's text.
     */
    public record Bundle<T extends Text>(String slug, Path dir, Map<String, T> texts, List<Path> resources) {

        /** The text shown in {@code lang}: its own, or the default language's to fall back on, or null. */
        public T textFor(String lang, String defaultLanguage) {
            T text = texts.get(lang);
            return text != null ? text : texts.get(defaultLanguage);
        }
    }

    /** What every language version has. */
    public interface Text {
        SourceFile source();

        String lang();

        String title();

        String bodyHtml();

        /** published, draft, scheduled or expired (only published occurs outside preview). */
        String status();
    }

    /**
     * One language version of an innovator profile.
     *
     * @param photo the photo, or null when the front matter names none that can be used (a problem says why)
     */
    public record InnovatorText(SourceFile source, String lang, String name, String tagline, String organisation, String region,
                         String website, List<String> themes, PhotoSource photo, String photoAlt,
                         String bodyHtml, String status) implements Text {
        @Override
        public String title() {
            return name;
        }
    }

    /** A photo of the content: the image file, and the front matter file and line that name it (where its problems are shown). */
    public record PhotoSource(Path image, Path namedIn, int line) {
    }

    /** One language version of an edition of the campaign. */
    public record EditionText(SourceFile source, String lang, String title, String summary, String jury, List<String> nominees,
                       OffsetDateTime opens, OffsetDateTime closes, String results, String verification, int votesPerVoter,
                       Map<String, String> winners, String bodyHtml, String status) implements Text {
    }

    /**
     * One language version of a news item. Its date comes from the folder name; {@code published} is the
     * moment it goes (or went) public: its publishDate, or else the start of its date.
     *
     * @param summary     as written, or null
     * @param description the summary, or else the start of the text: for lists, feeds and search engines
     * @param edition     the year of the edition it is about, or null
     */
    public record NewsText(SourceFile source, String lang, String title, String summary, String description, LocalDate date,
                    OffsetDateTime published, String edition, String bodyHtml, String status) implements Text {
    }

    /** One language version of a plain page. */
    public record PageText(SourceFile source, String lang, String title, String description, Integer menu, String bodyHtml,
                    String status) implements Text {
    }

    /**
     * One language version of the accessibility statement, after the model Flemish public bodies use.
     *
     * @param conformance full, partial or none (conformance with WCAG 2.1 level AA)
     * @param evaluated   the date of the last evaluation of the site
     * @param method      how that evaluation was made, in this language
     * @param prepared    the date the statement was drawn up
     * @param reviewed    the date it was last reviewed, or null
     * @param contact     where visitors report a problem: an e-mail address or a web address
     * @param bodyHtml    what is not accessible, and why
     */
    public record StatementText(SourceFile source, String lang, String title, String description, String conformance, LocalDate evaluated,
                         String method, LocalDate prepared, LocalDate reviewed, String contact, String bodyHtml, String status) implements Text {

        /** The link of the contact: mailto: for an e-mail address. */
        public String contactHref() {
            return AccessibilitySchema.WEB_ADDRESS.matcher(contact).matches() ? contact : "mailto:" + contact;
        }
    }
}
