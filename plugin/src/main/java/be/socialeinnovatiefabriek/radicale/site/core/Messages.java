package be.socialeinnovatiefabriek.radicale.site.core;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/** The UI strings of every language, from site-template/i18n/messages_&lt;lang&gt;.properties. */
final class Messages {

    private final Map<String, Map<String, String>> byLanguage;

    private Messages(Map<String, Map<String, String>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /** Loads every language; a file or key missing in any language is a problem. */
    static Messages load(Path i18nDir, List<String> languages, Problems problems) throws IOException {
        Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
        for (String language : languages) {
            Path file = i18nDir.resolve("messages_" + language + ".properties");
            if (!Files.isRegularFile(file)) {
                problems.add(file, 0, "the UI strings for '" + language + "' are missing",
                        "copy messages_" + languages.get(0) + ".properties to messages_" + language + ".properties and translate it");
                byLanguage.put(language, Map.of());
                continue;
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (java.nio.charset.MalformedInputException e) {
                problems.add(file, 1, "the file is not UTF-8 text", "save it with UTF-8 encoding");
            }
            Map<String, String> strings = new TreeMap<>();
            properties.forEach((key, value) -> strings.put((String) key, ((String) value).strip()));
            byLanguage.put(language, Collections.unmodifiableMap(strings));
        }
        TreeSet<String> allKeys = new TreeSet<>();
        byLanguage.values().forEach(strings -> allKeys.addAll(strings.keySet()));
        for (String language : languages) {
            Map<String, String> strings = byLanguage.get(language);
            if (strings.isEmpty()) {
                continue;
            }
            for (String key : allKeys) {
                if (!strings.containsKey(key)) {
                    String source = byLanguage.entrySet().stream().filter(e -> e.getValue().containsKey(key))
                            .map(Map.Entry::getKey).findFirst().orElse("");
                    problems.add(i18nDir.resolve("messages_" + language + ".properties"), 0,
                            "the UI string '" + key + "' is missing (messages_" + source + ".properties has it)",
                            "add a line '" + key + " = ...' in this language");
                }
            }
        }
        return new Messages(byLanguage);
    }

    Map<String, String> of(String language) {
        return byLanguage.getOrDefault(language, Map.of());
    }

    boolean has(String language, String key) {
        return of(language).containsKey(key);
    }

    String get(String language, String key) {
        return of(language).getOrDefault(key, key);
    }
}
