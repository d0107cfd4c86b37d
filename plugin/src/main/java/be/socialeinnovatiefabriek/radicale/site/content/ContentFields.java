package be.socialeinnovatiefabriek.radicale.site.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The front matter fields of every section of content/, as data: the schemas check files against it
 * (which keys exist) and the browser editor builds its forms from it, so the two cannot drift apart.
 * What each field must hold is checked by the section's schema ({@link InnovatorSchema}, ...); a test
 * proves that every field marked required here is refused when missing, and no other.
 */
public final class ContentFields {

    /** What a field holds, which decides how it is read and which input the editor offers for it. */
    public enum Kind {
        /** One line of text. */
        TEXT,
        /** A paragraph of text. */
        PARAGRAPH,
        /** An address starting with https:// or http://. */
        WEB_ADDRESS,
        /** A whole number of at least {@link Field#min}. */
        INTEGER,
        /** true or false. */
        BOOLEAN,
        /** One of {@link Field#choices}. */
        CHOICE,
        /** A date, time and offset such as 2026-12-13T20:00+01:00. */
        MOMENT,
        /** A moment, or a plain date such as 2027-01-31 (midnight in the campaign's time zone). */
        MOMENT_OR_DATE,
        /** A date such as 2026-12-05. */
        DATE,
        /** A list of theme keys, each with a label per language in site-template/i18n/ (theme.&lt;key&gt;). */
        THEMES,
        /** A list of innovator folder names. */
        INNOVATORS,
        /** For each of {@link Field#choices} (prize roles), one innovator folder name from the edition's nominees. */
        WINNERS,
        /** The file name of a JPEG or PNG photo in the page's own folder. */
        PHOTO,
        /** The year of an edition: a folder of campaigns/. */
        EDITION
    }

    /** How a field behaves in a translation (index.fr.md beside index.nl.md). */
    public enum Translation {
        /** Each language file has its own value: required ones must be in every file. */
        OWN,
        /** A translation may leave it out and then takes the default language's value. */
        INHERITED
    }

    /**
     * One front matter key.
     *
     * @param help what to write, for the editor's form and the documentation
     */
    public record Field(String key, Kind kind, boolean required, Translation translation, List<String> choices, int min, String help) {

        public Field {
            choices = List.copyOf(choices);
        }

        /** Whether a translation may leave it out and then shows the default language's value. */
        public boolean inherited() {
            return translation == Translation.INHERITED;
        }
    }

    /**
     * What the files of one section of content/ hold.
     *
     * @param summary the field that names a page in lists (name or title)
     * @param single  the section's folder is its one page (content/accessibility/), without a folder per page
     */
    public record SectionFields(Section section, String summary, boolean single, List<Field> fields) {

        public SectionFields {
            fields = List.copyOf(fields);
        }

        /** The section's folder under content/, such as innovators. */
        public String folder() {
            return section.folder();
        }

        /** Every key a file of this section may have. */
        public Set<String> keys() {
            Set<String> keys = new LinkedHashSet<>();
            fields.forEach(field -> keys.add(field.key()));
            return Set.copyOf(keys);
        }

        /** The field with this key, if the section has one. */
        public Optional<Field> field(String key) {
            return fields.stream().filter(field -> field.key().equals(key)).findFirst();
        }
    }

    private static final String MOMENT_HELP = "A date, a time and the offset from UTC, such as 2026-12-13T20:00+01:00 (+01:00 in winter, +02:00 in summer in Brussels).";
    private static final String DATE_HELP = "A date such as 2027-01-31 (midnight in Brussels), or a moment such as 2027-01-31T09:00+01:00.";

    /** The fields that plan any page: kept as a draft, published and taken down at a moment. Each language file has its own. */
    static final List<Field> SCHEDULE = List.of(
            field("draft", Kind.BOOLEAN, false, Translation.OWN, "Kept out of the published site (the preview shows it with a banner)."),
            field("publishDate", Kind.MOMENT_OR_DATE, false, Translation.OWN, "Published from this moment. " + DATE_HELP),
            field("expiryDate", Kind.MOMENT_OR_DATE, false, Translation.OWN, "Taken down from this moment. " + DATE_HELP));

    /** An innovator's profile: content/innovators/&lt;slug&gt;/. */
    public static final SectionFields INNOVATORS = section(Section.INNOVATORS, "name",
            field("name", Kind.TEXT, true, Translation.INHERITED, "The innovator's or the project's name."),
            field("tagline", Kind.TEXT, true, Translation.OWN, "One sentence that says what they do, in this language."),
            field("organisation", Kind.TEXT, false, Translation.INHERITED, "The organisation behind it."),
            field("themes", Kind.THEMES, false, Translation.INHERITED, "The themes of their work, if any."),
            field("region", Kind.TEXT, false, Translation.INHERITED, "Where they work, such as Gent or Vlaanderen."),
            field("website", Kind.WEB_ADDRESS, false, Translation.INHERITED, "The full address, starting with https://."),
            field("photo", Kind.PHOTO, true, Translation.INHERITED, "A JPEG or PNG at least 480 pixels wide (1440 or more looks sharp), in the innovator's folder."),
            field("photoAlt", Kind.TEXT, true, Translation.OWN, "What the photo shows, in words, for visitors who cannot see it, in this language."));

    /** An edition of the campaign: content/campaigns/&lt;year&gt;/. */
    public static final SectionFields EDITIONS = section(Section.CAMPAIGNS, "title",
            field("title", Kind.TEXT, true, Translation.OWN, "The edition's title, in this language."),
            field("summary", Kind.TEXT, false, Translation.OWN, "One sentence about this edition, in this language."),
            field("nominees", Kind.INNOVATORS, true, Translation.INHERITED, "The innovators the public can vote for, each once."),
            field("opens", Kind.MOMENT, true, Translation.INHERITED, "When voting opens. " + MOMENT_HELP),
            field("closes", Kind.MOMENT, true, Translation.INHERITED, "When voting closes, after it opens. " + MOMENT_HELP),
            new Field("results", Kind.CHOICE, false, Translation.INHERITED, List.of("after-close", "live"), 0,
                    "When the results are shown: after-close (the default) or live."),
            new Field("verification", Kind.CHOICE, false, Translation.INHERITED, List.of("email", "none"), 0,
                    "How a vote is confirmed: email (the default, a link in a mail) or none."),
            new Field("votesPerVoter", Kind.INTEGER, false, Translation.INHERITED, List.of(), 1, "How many votes each person has (1 by default)."),
            field("jury", Kind.TEXT, false, Translation.OWN, "Who is on the jury, in this language."),
            new Field("winners", Kind.WINNERS, false, Translation.INHERITED, List.of("jury", "audience"), 0,
                    "Once announced: the winner of each prize, from the nominees."));

    /** A plain page: content/pages/&lt;slug&gt;/. */
    public static final SectionFields PAGES = section(Section.PAGES, "title",
            field("title", Kind.TEXT, true, Translation.OWN, "The page's title, in this language."),
            field("description", Kind.TEXT, false, Translation.OWN, "A short summary, shown by search engines."),
            new Field("menu", Kind.INTEGER, false, Translation.INHERITED, List.of(), 0, "Its place in the main menu (lower comes first); empty: not in the menu."));

    /** A news item: content/news/&lt;yyyy-mm-dd&gt;-&lt;name&gt;/. */
    public static final SectionFields NEWS = section(Section.NEWS, "title",
            field("title", Kind.TEXT, true, Translation.OWN, "The item's title, in this language."),
            field("summary", Kind.TEXT, false, Translation.OWN, "Shown in lists, the feed and search results; empty: the start of the text."),
            field("edition", Kind.EDITION, false, Translation.INHERITED, "The edition it is about, if any: its page is linked."));

    /** The accessibility statement: content/accessibility/ itself, the facts the model statement of Flemish public bodies asks for. */
    public static final SectionFields ACCESSIBILITY = single(Section.ACCESSIBILITY, "title",
            field("title", Kind.TEXT, true, Translation.OWN, "The statement's title, in this language."),
            field("description", Kind.TEXT, false, Translation.OWN, "A short summary, shown by search engines."),
            new Field("conformance", Kind.CHOICE, true, Translation.INHERITED, List.of("full", "partial", "none"), 0,
                    "How far the site meets WCAG 2.1 level AA: full, partial or none; partial while any part falls short."),
            field("evaluated", Kind.DATE, true, Translation.INHERITED, "When the site was last evaluated, such as 2026-12-05."),
            field("method", Kind.PARAGRAPH, true, Translation.OWN, "How it was evaluated, in this language."),
            field("prepared", Kind.DATE, true, Translation.INHERITED, "When this statement was drawn up, such as 2026-12-05."),
            field("reviewed", Kind.DATE, false, Translation.INHERITED, "When it was last reviewed, on or after it was drawn up."),
            field("contact", Kind.TEXT, true, Translation.INHERITED,
                    "Where visitors report a problem: an e-mail address or a web address."));

    /** Every section, in the order the site lists them. */
    public static final List<SectionFields> SECTIONS = List.of(INNOVATORS, EDITIONS, PAGES, NEWS, ACCESSIBILITY);

    private ContentFields() {
    }

    private static Field field(String key, Kind kind, boolean required, Translation translation, String help) {
        return new Field(key, kind, required, translation, List.of(), 0, help);
    }

    private static SectionFields section(Section section, String summary, Field... own) {
        List<Field> fields = new ArrayList<>(List.of(own));
        fields.addAll(SCHEDULE);
        return new SectionFields(section, summary, false, fields);
    }

    private static SectionFields single(Section section, String summary, Field... own) {
        List<Field> fields = new ArrayList<>(List.of(own));
        fields.addAll(SCHEDULE);
        return new SectionFields(section, summary, true, fields);
    }
}
