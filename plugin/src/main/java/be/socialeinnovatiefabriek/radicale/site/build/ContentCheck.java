package be.socialeinnovatiefabriek.radicale.site.build;

import be.socialeinnovatiefabriek.radicale.site.Problem;
import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.content.Content;
import be.socialeinnovatiefabriek.radicale.site.content.ContentLoader;
import be.socialeinnovatiefabriek.radicale.site.content.TranslationStatus;
import be.socialeinnovatiefabriek.radicale.site.i18n.Messages;
import be.socialeinnovatiefabriek.radicale.site.media.PhotoCheck;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and checks content/ as a build does before it draws anything (every section's schema, the
 * photos' size, nominees, UI strings), without rendering a page or writing a file: the browser editor
 * runs it on the files it is about to write, so that it never leaves one the build would refuse.
 */
public final class ContentCheck {

    /**
     * What the check found.
     *
     * @param problems     every problem, each once, by file and line: the build's own messages
     * @param translations which page exists in which language
     */
    public record Report(List<Problem> problems, TranslationStatus translations) {
    }

    private ContentCheck() {
    }

    /** Checks the content folder of {@code config} (its content, templates' UI strings and languages). */
    public static Report run(SiteConfig config) throws IOException {
        Problems problems = new Problems();
        Messages messages = Messages.load(config.templateDir().resolve("i18n"), config.languages(), problems);
        Content content = new ContentLoader(config).load(messages, problems);
        new PhotoCheck().check(content, problems);
        List<Problem> found = new ArrayList<>(new LinkedHashSet<>(problems.list()));
        found.sort(Comparator.comparing((Problem p) -> p.file().toString()).thenComparingInt(Problem::line));
        return new Report(List.copyOf(found), TranslationStatus.of(content, config.languages()));
    }

    /**
     * The themes an innovator may have, by key, each with its label per language (theme.&lt;key&gt; in
     * site-template/i18n/), in the order of the default language's labels. UI strings that cannot be
     * read give no themes here; the build reports them.
     */
    public static Map<String, Map<String, String>> themes(SiteConfig config) throws IOException {
        Messages messages = Messages.load(config.templateDir().resolve("i18n"), config.languages(), new Problems());
        Map<String, Map<String, String>> byKey = new TreeMap<>();
        for (String key : messages.of(config.defaultLanguage()).keySet()) {
            // theme.empty is the text of a theme page without innovators, not a theme.
            if (key.startsWith("theme.") && key.indexOf('.', 6) < 0 && !key.equals("theme.empty")) {
                Map<String, String> labels = new LinkedHashMap<>();
                for (String lang : config.languages()) {
                    labels.put(lang, messages.get(lang, key));
                }
                byKey.put(key.substring(6), labels);
            }
        }
        Map<String, Map<String, String>> sorted = new LinkedHashMap<>();
        byKey.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getValue().get(config.defaultLanguage()), String.CASE_INSENSITIVE_ORDER))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
