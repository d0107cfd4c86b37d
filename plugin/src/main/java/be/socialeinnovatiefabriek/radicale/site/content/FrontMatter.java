package be.socialeinnovatiefabriek.radicale.site.content;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, validated access to the front matter of one file. Every read that fails records a problem
 * naming the file, the line and the fix, and returns an empty value so that checking goes on.
 */
final class FrontMatter {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final String DATE_TIME_EXAMPLE = "2026-12-13T20:00+01:00";
    private static final String DATE_EXAMPLE = "2026-12-05";

    private final SourceFile source;
    private final Problems problems;
    private final FrontMatter fallback;

    /** Reads {@code source}; a key it lacks is taken from {@code fallback} where the caller allows it. */
    FrontMatter(SourceFile source, Problems problems, FrontMatter fallback) {
        this.source = source;
        this.problems = problems;
        this.fallback = fallback;
    }

    Path path() {
        return source.path();
    }

    SourceFile source() {
        return source;
    }

    Problems problems() {
        return problems;
    }

    /** Reports every key that is not in {@code allowed}, suggesting the closest allowed one. */
    void rejectUnknownKeys(Set<String> allowed) {
        for (String key : source.fields().keySet()) {
            if (!allowed.contains(key)) {
                String closest = closest(key, allowed);
                String fix = closest != null
                        ? "did you mean '" + closest + "'? The fields allowed here are: " + String.join(", ", new TreeSet<>(allowed))
                        : "remove it; the fields allowed here are: " + String.join(", ", new TreeSet<>(allowed));
                problems.add(source.path(), source.keyLines().get(key), "unknown field '" + key + "'", fix);
            }
        }
    }

    /** A text value; required ones report their absence. */
    Optional<String> text(String key, boolean required, boolean inherit) {
        Node node = node(key, inherit);
        if (node == null) {
            if (required) {
                missing(key, "a text");
            }
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
            wrongType(key, node, "a text", key + ": Some text");
            return Optional.empty();
        }
        String value = scalar.getValue().strip();
        if (value.isEmpty()) {
            if (required) {
                problems.add(fileOf(key, inherit), SourceFile.lineOf(node), "'" + key + "' is empty", "write a value after '" + key + ":'");
            }
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A whole number of at least {@code min}. */
    Optional<Integer> integer(String key, int min, boolean inherit) {
        Node node = node(key, inherit);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
            try {
                int value = Integer.parseInt(scalar.getValue());
                if (value >= min) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException e) {
                // falls through to the report below
            }
        }
        wrongType(key, node, "a whole number of at least " + min, key + ": " + min);
        return Optional.empty();
    }

    /** true or false. */
    Optional<Boolean> bool(String key, boolean inherit) {
        Node node = node(key, inherit);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
            return Optional.of(Boolean.parseBoolean(scalar.getValue().toLowerCase(java.util.Locale.ROOT)));
        }
        wrongType(key, node, "true or false", key + ": true");
        return Optional.empty();
    }

    /** One of a few words, such as after-close or live. */
    Optional<String> choice(String key, List<String> choices, boolean inherit) {
        Optional<String> value = text(key, false, inherit);
        if (value.isPresent() && !choices.contains(value.get())) {
            Node node = node(key, inherit);
            problems.add(fileOf(key, inherit), SourceFile.lineOf(node),
                    "'" + key + "' must be " + String.join(" or ", choices) + " (got \"" + value.get() + "\")",
                    "write " + key + ": " + choices.get(0));
            return Optional.empty();
        }
        return value;
    }

    /** A list of folder names (slugs), each once; {@code null} when absent. */
    List<Located<String>> slugList(String key, boolean required, boolean inherit) {
        Node node = node(key, inherit);
        if (node == null) {
            if (required) {
                missing(key, "a list");
            }
            return required ? List.of() : null;
        }
        if (!(node instanceof SequenceNode sequence)) {
            wrongType(key, node, "a list", key + ": [first, second]");
            return List.of();
        }
        List<Located<String>> values = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Node item : sequence.getValue()) {
            int line = SourceFile.lineOf(item);
            if (!(item instanceof ScalarNode scalar) || !SLUG.matcher(scalar.getValue()).matches()) {
                String got = item instanceof ScalarNode s ? s.getValue() : "a nested value";
                problems.add(fileOf(key, inherit), line, "'" + key + "' holds \"" + got + "\", which is not a folder name",
                        "use lowercase letters, digits and '-', as in the folder's name");
                continue;
            }
            String value = scalar.getValue();
            if (seen.containsKey(value)) {
                problems.add(fileOf(key, inherit), line, "'" + value + "' is listed twice in '" + key + "'", "keep it once");
                continue;
            }
            seen.put(value, line);
            values.add(new Located<>(value, fileOf(key, inherit), line));
        }
        return values;
    }

    /** A map of role to folder name, such as {@code winners: {jury: papillon}}. */
    Map<String, Located<String>> slugMap(String key, Set<String> roles, boolean inherit) {
        Node node = node(key, inherit);
        Map<String, Located<String>> values = new LinkedHashMap<>();
        if (node == null) {
            return values;
        }
        if (!(node instanceof MappingNode mapping)) {
            wrongType(key, node, "a list of roles", key + ":\\n  " + roles.iterator().next() + ": folder-name");
            return values;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            int line = SourceFile.lineOf(tuple.getKeyNode());
            String role = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (!roles.contains(role)) {
                problems.add(fileOf(key, inherit), line, "unknown entry '" + role + "' in '" + key + "'",
                        "use " + String.join(" or ", new TreeSet<>(roles)));
                continue;
            }
            Node value = tuple.getValueNode();
            if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
                continue;
            }
            if (!(value instanceof ScalarNode scalar) || !SLUG.matcher(scalar.getValue()).matches()) {
                problems.add(fileOf(key, inherit), SourceFile.lineOf(value), "'" + key + "." + role + "' is not a folder name",
                        "write the folder name of an innovator, as in " + role + ": papillon");
                continue;
            }
            values.put(role, new Located<>(scalar.getValue(), fileOf(key, inherit), SourceFile.lineOf(value)));
        }
        return values;
    }

    /** A calendar date, such as 2026-12-05. */
    Optional<LocalDate> date(String key, boolean required, boolean inherit) {
        Node node = node(key, inherit);
        if (node == null) {
            if (required) {
                missing(key, "a date, such as " + DATE_EXAMPLE);
            }
            return Optional.empty();
        }
        String got = node instanceof ScalarNode s ? s.getValue().strip() : "a list";
        try {
            return Optional.of(LocalDate.parse(got));
        } catch (DateTimeParseException e) {
            problems.add(fileOf(key, inherit), SourceFile.lineOf(node), "'" + key + "' is not a date (got \"" + got + "\")",
                    "write it as year-month-day, such as " + DATE_EXAMPLE);
            return Optional.empty();
        }
    }

    /** A moment with its offset, e.g. 2026-12-13T20:00+01:00; a plain date only when {@code dateAllowed}. */
    Optional<OffsetDateTime> moment(String key, boolean required, boolean dateAllowed, ZoneId zone, boolean inherit) {
        Node node = node(key, inherit);
        if (node == null) {
            if (required) {
                missing(key, "a date and time with offset, such as " + DATE_TIME_EXAMPLE);
            }
            return Optional.empty();
        }
        String got = node instanceof ScalarNode s ? s.getValue().strip() : "a list";
        try {
            return Optional.of(OffsetDateTime.parse(got));
        } catch (DateTimeParseException e) {
            if (dateAllowed) {
                try {
                    return Optional.of(LocalDate.parse(got).atStartOfDay(zone).toOffsetDateTime());
                } catch (DateTimeParseException ignored) {
                    // reported below
                }
            }
        }
        String what = got.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?")
                ? "'" + key + "' has no time zone offset (got \"" + got + "\")"
                : "'" + key + "' is not a date" + (dateAllowed ? "" : " with time and offset") + " (got \"" + got + "\")";
        problems.add(fileOf(key, inherit), SourceFile.lineOf(node), what,
                "write it as " + DATE_TIME_EXAMPLE + " (+01:00 in winter, +02:00 in summer in Brussels)");
        return Optional.empty();
    }

    /** The line of a key in this file, or of the front matter start when absent. */
    int lineOf(String key) {
        Integer line = source.keyLines().get(key);
        return line == null ? 1 : line;
    }

    /** Where {@code key} is written: in this file, or in the default language's file this one inherits it from. */
    Located<String> where(String key) {
        Node node = node(key, true);
        return new Located<>(key, fileOf(key, true), node == null ? 1 : SourceFile.lineOf(node));
    }

    private Node node(String key, boolean inherit) {
        Node node = source.fields().get(key);
        if (node == null && inherit && fallback != null) {
            node = fallback.source.fields().get(key);
        }
        return node;
    }

    private Path fileOf(String key, boolean inherit) {
        if (!source.fields().containsKey(key) && inherit && fallback != null && fallback.source.fields().containsKey(key)) {
            return fallback.source.path();
        }
        return source.path();
    }

    private void missing(String key, String kind) {
        problems.add(source.path(), 1, "the required field '" + key + "' is missing",
                "add a line '" + key + ": ...' (" + kind + ") between the two '---' lines");
    }

    private void wrongType(String key, Node node, String expected, String example) {
        String got = node instanceof ScalarNode s ? "\"" + s.getValue() + "\"" : node instanceof SequenceNode ? "a list" : "a group of fields";
        problems.add(fileOf(key, true), SourceFile.lineOf(node), "'" + key + "' must be " + expected + " (got " + got + ")",
                "write it as " + example);
    }

    /** The allowed word closest to {@code key}, when it is close enough to be a typo of it. */
    static String closest(String key, java.util.Collection<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int distance = LevenshteinDistance.getDefaultInstance().apply(key.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 3) ? best : null;
    }

    /** A value together with the place it was written, for problems found later (an unknown nominee). */
    record Located<T>(T value, Path file, int line) {
    }
}
