package be.socialeinnovatiefabriek.radicale.vote.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The languages the counter writes its own texts in (the confirmation page and mail), and those texts,
 * read from {@code <name>_<lang>.properties} on the class path.
 */
public final class LocalisedTexts {

    /** The site's languages; the first is the default and the fallback for any other. */
    public static final List<String> LANGUAGES = List.of("nl", "fr", "en");

    private LocalisedTexts() {
    }

    /** The language to write in for {@code requested}: its own if it is one of {@link #LANGUAGES}, else nl. */
    public static String language(String requested) {
        if (requested == null) {
            return LANGUAGES.get(0);
        }
        // "fr-BE" and "FR" are French.
        String base = requested.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return LANGUAGES.contains(base) ? base : LANGUAGES.get(0);
    }

    /**
     * The texts of {@code name} in every language, in the order of {@link #LANGUAGES}: the file
     * {@code <name>_<lang>.properties} (UTF-8) of each. A missing file means an incomplete jar and fails here.
     */
    public static Map<String, Properties> load(String name) {
        Map<String, Properties> all = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            all.put(lang, read(resource(name, lang)));
        }
        return all;
    }

    /** The file that holds the texts of {@code name} in {@code lang}, for messages about it. */
    public static String resource(String name, String lang) {
        return name + "_" + lang + ".properties";
    }

    private static Properties read(String resource) {
        try (InputStream in = LocalisedTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path; the vote counter's jar is incomplete");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }
}
