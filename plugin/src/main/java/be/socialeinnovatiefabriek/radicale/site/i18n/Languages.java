package be.socialeinnovatiefabriek.radicale.site.i18n;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/** The locales the site uses for each of its languages: to date, sort, name and share its pages. */
public final class Languages {

    private Languages() {
    }

    /** Locale for dates and sorting: the language as used in Belgium (24-hour clock, day before month). */
    public static Locale locale(String lang) {
        return Locale.forLanguageTag(lang + "-BE");
    }

    /**
     * The Open Graph locale (language_TERRITORY) of a language: the Belgian variant where social
     * networks know one, British English for English (the site's spelling), German as in Germany; else the bare code.
     */
    public static String shareLocale(String lang) {
        return switch (lang) {
            case "nl", "fr" -> lang + "_BE";
            case "en" -> "en_GB";
            case "de" -> "de_DE";
            default -> lang;
        };
    }

    /** The language's name in that language, capitalised as in a language menu ("Nederlands", "Français"). */
    public static String name(String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? lang : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /** Orders names as a reader of {@code lang} expects (accents and case do not push a name to the end). */
    public static Comparator<String> collator(String lang) {
        Collator collator = Collator.getInstance(locale(lang));
        return collator::compare;
    }
}
