package be.socialeinnovatiefabriek.radicale.site.i18n;

import be.socialeinnovatiefabriek.radicale.site.Problems;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The UI strings of every language, from site-template/i18n/messages_&lt;lang&gt;.properties, in each language's {@link Typography}. */
public final class Messages {

    // A backslash that is not itself escaped, then u and fewer than four hexadecimal digits.
    private static final Pattern BROKEN_ESCAPE = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*(\\\\u[0-9a-fA-F]{0,3})(?![0-9a-fA-F])");

    private final Map<String, Map<String, String>> byLanguage;

    private Messages(Map<String, Map<String, String>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /** Loads every language; a file or key missing in any language is a problem. */
    public static Messages load(Path i18nDir, List<String> languages, Problems problems) throws IOException {
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
                byLanguage.put(language, Map.of()); // half read, every key after the mistake would look missing
                continue;
            } catch (IllegalArgumentException e) {
                reportBrokenEscape(file, problems);
                byLanguage.put(language, Map.of());
                continue;
            }
            // In the language's typography (French spaces) wherever a string ends up: text, or an attribute such
            // as aria-label or a meta description, which carries a no-break space as a character. No UI string is an address.
            Typography typography = Typography.of(language);
            Map<String, String> strings = new TreeMap<>();
            properties.forEach((key, value) -> strings.put((String) key, typography.apply(((String) value).strip())));
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

    /** Names the line of the first \\u that is not followed by four hexadecimal digits: what makes a properties file unreadable. */
    private static void reportBrokenEscape(Path file, Problems problems) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Matcher escape = BROKEN_ESCAPE.matcher(lines.get(i));
            if (escape.find()) {
                problems.add(file, i + 1, "'" + escape.group(1) + "' is not a character: \\u needs four hexadecimal digits",
                        "write the character itself (the file is UTF-8), or four digits as in \\u00e9 for \u00e9");
                return;
            }
        }
        problems.add(file, 0, "a \\u escape is not followed by four hexadecimal digits",
                "write the character itself (the file is UTF-8), or four digits as in \\u00e9 for \u00e9");
    }

    /** Whether the UI strings of {@code language} could be read: without them, no key is worth checking against them. */
    public boolean has(String language) {
        return !of(language).isEmpty();
    }

    public Map<String, String> of(String language) {
        return byLanguage.getOrDefault(language, Map.of());
    }

    public boolean has(String language, String key) {
        return of(language).containsKey(key);
    }

    public String get(String language, String key) {
        return of(language).getOrDefault(key, key);
    }
}
