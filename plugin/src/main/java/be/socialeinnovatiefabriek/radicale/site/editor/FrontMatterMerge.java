package be.socialeinnovatiefabriek.radicale.site.editor;

import be.socialeinnovatiefabriek.radicale.site.content.ContentFields;
import be.socialeinnovatiefabriek.radicale.site.content.ContentFields.Field;
import be.socialeinnovatiefabriek.radicale.site.content.ContentFields.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Puts what the CMS sends for one language file into the file as it is on disk, changing only the
 * text of what changed. The CMS writes the whole file anew (its own key order, quoting and no
 * comments); here only its values are read, and each changed value replaces the text of the old one,
 * so that {@code git diff} shows exactly what staff changed and an unchanged save changes no byte.
 */
final class FrontMatterMerge {

    private static final Resolver RESOLVER = new Resolver();

    private final ContentFields.SectionFields section;

    FrontMatterMerge(ContentFields.SectionFields section) {
        this.section = section;
    }

    /** The values the CMS sent for one file: its front matter and body. */
    record Incoming(Map<String, Node> values, String body) {

        /** Reads the CMS's text of a file; front matter that is not YAML fields is a bad request. */
        static Incoming of(String raw) throws EditorException {
            MarkdownFile file = MarkdownFile.of(raw);
            if (file.yaml() == null) {
                return new Incoming(Map.of(), file.body());
            }
            if (!file.readable()) {
                throw EditorException.badRequest("The editor sent front matter that is not a list of fields; reload the editor and try again.");
            }
            Map<String, Node> values = new LinkedHashMap<>();
            file.fields().forEach((key, tuple) -> values.put(key, tuple.getValueNode()));
            return new Incoming(values, file.body());
        }
    }

    /**
     * The file's new text.
     *
     * @param existing    the file's text on disk, or null for a new file
     * @param incoming    what the CMS sent
     * @param original    for a translation, the default language's values (what the build gives it for a key it leaves out); null for the default language itself
     * @return the new text, equal to {@code existing} when nothing changed; null for a translation that would only repeat the original (none is started)
     */
    String merge(String existing, Incoming incoming, Map<String, Node> original) {
        boolean translation = original != null;
        if (existing == null) {
            if (translation && !hasOwnText(incoming)) {
                return null;
            }
            return fresh(incoming, original);
        }
        MarkdownFile file = MarkdownFile.of(existing);
        if (!file.readable()) {
            // A file broken on disk cannot be edited in place: it is written anew from what the CMS shows.
            return file.yaml() == null ? fresh(incoming, original) : file.with(canonicalYaml(incoming, original), body(file.body(), incoming.body()));
        }
        String yaml = file.yaml();
        List<Edit> edits = new ArrayList<>();
        for (Map.Entry<String, Node> entry : incoming.values().entrySet()) {
            String key = entry.getKey();
            Node value = entry.getValue();
            Field field = section.field(key).orElse(null);
            NodeTuple old = file.fields().get(key);
            if (old == null) {
                if (isEmpty(value, field) || translation && inheritsSame(field, key, value, original)) {
                    continue;
                }
                edits.add(new Edit(insertionPoint(file, key), insertionPoint(file, key), key + ":" + renderNew(value, field, 0) + "\n", edits.size()));
                continue;
            }
            Node before = old.getValueNode();
            if (same(before, value, field)) {
                continue;
            }
            if (isEmpty(value, field)) {
                if (field != null && field.required() && !(translation && field.inherited())) {
                    // Left empty, so that the check names its line: "'tagline' is empty".
                    edits.add(new Edit(valueStart(yaml, old), contentEnd(yaml, old), " \"\"", edits.size()));
                } else {
                    edits.add(new Edit(lineStart(yaml, index(yaml, old.getKeyNode().getStartMark().getIndex())),
                            lineEnd(yaml, contentEnd(yaml, old)), "", edits.size()));
                }
                continue;
            }
            edits.add(replacement(yaml, old, value, field, edits.size()));
        }
        // From the end of the text back, so earlier offsets stay true; at one offset, what replaces text goes before
        // what is inserted there, and insertions in reverse, so that they end up in their own order.
        edits.sort(Comparator.comparingInt(Edit::start).thenComparing(edit -> edit.end() > edit.start()).thenComparingInt(Edit::order).reversed());
        StringBuilder text = new StringBuilder(yaml);
        for (Edit edit : edits) {
            text.replace(edit.start(), edit.end(), edit.text());
        }
        return file.with(text.toString(), body(file.body(), incoming.body()));
    }

    /** Whether the CMS holds anything of this language's own for a translation not yet started: a text of its own, or a body. */
    private boolean hasOwnText(Incoming incoming) {
        if (!incoming.body().isBlank()) {
            return true;
        }
        for (Map.Entry<String, Node> entry : incoming.values().entrySet()) {
            Field field = section.field(entry.getKey()).orElse(null);
            if (field != null && !field.inherited() && !isEmpty(entry.getValue(), field)) {
                return true;
            }
        }
        return false;
    }

    /** A key a translation may leave out, holding the original's value: writing it would change nothing on the site. */
    private static boolean inheritsSame(Field field, String key, Node value, Map<String, Node> original) {
        return field != null && field.inherited() && same(original.get(key), value, field);
    }

    /** A new file: the keys in the order of the section's schema, then any other the CMS sent, then the body. */
    private String fresh(Incoming incoming, Map<String, Node> original) {
        return "---\n" + canonicalYaml(incoming, original) + "---\n" + body(null, incoming.body());
    }

    private String canonicalYaml(Incoming incoming, Map<String, Node> original) {
        StringBuilder yaml = new StringBuilder();
        List<String> keys = new ArrayList<>();
        section.fields().forEach(field -> keys.add(field.key()));
        incoming.values().keySet().stream().filter(key -> !keys.contains(key)).forEach(keys::add);
        for (String key : keys) {
            Node value = incoming.values().get(key);
            Field field = section.field(key).orElse(null);
            if (value == null || isEmpty(value, field) || original != null && inheritsSame(field, key, value, original)) {
                continue;
            }
            yaml.append(key).append(':').append(renderNew(value, field, 0)).append('\n');
        }
        return yaml.toString();
    }

    /** The body as the CMS sent it, unless it differs from the one on disk only by blank lines at its ends. */
    private static String body(String existing, String incoming) {
        String sent = incoming.replace("\r\n", "\n");
        if (existing != null && existing.replace("\r\n", "\n").strip().equals(sent.strip())) {
            return existing;
        }
        String text = sent.replaceAll("^\\n+", "").stripTrailing();
        return text.isEmpty() ? "" : text + "\n";
    }

    /** Where a new key goes: before the first key the schema lists after it, or at the end. */
    private int insertionPoint(MarkdownFile file, String key) {
        List<String> order = section.fields().stream().map(Field::key).toList();
        int rank = order.indexOf(key);
        if (rank >= 0) {
            for (String later : order.subList(rank + 1, order.size())) {
                NodeTuple tuple = file.fields().get(later);
                if (tuple != null && tuple.getKeyNode().getStartMark().getColumn() == 0) {
                    return lineStart(file.yaml(), index(file.yaml(), tuple.getKeyNode().getStartMark().getIndex()));
                }
            }
        }
        return file.yaml().length();
    }

    /** The edit that writes {@code value} over the old one, in the old one's style where the kinds match. */
    private static Edit replacement(String yaml, NodeTuple old, Node value, Field field, int order) {
        Node before = old.getValueNode();
        int start = index(yaml, before.getStartMark().getIndex());
        int end = contentEnd(yaml, old);
        int column = before.getStartMark().getColumn();
        if (value instanceof ScalarNode scalar && before instanceof ScalarNode previous && !isNull(previous)) {
            return new Edit(start, end, scalar(scalar.getValue(), field, previous, false, old.getKeyNode().getStartMark().getColumn() + 2), order);
        }
        if (value instanceof SequenceNode list && before instanceof SequenceNode previous) {
            if (previous.getFlowStyle() == DumperOptions.FlowStyle.BLOCK) {
                List<String> items = list.getValue().stream().map(item -> itemText(item, field)).toList();
                return new Edit(start, end, String.join("\n", items.stream().map(item -> " ".repeat(column) + "- " + item).toList()).substring(column), order);
            }
            return new Edit(start, end, flowList(list, field), order);
        }
        if (value instanceof MappingNode map && before instanceof MappingNode previous) {
            List<String> entries = entries(map, field);
            if (previous.getFlowStyle() == DumperOptions.FlowStyle.BLOCK) {
                return new Edit(start, end, String.join("\n", entries.stream().map(entry -> " ".repeat(column) + entry).toList()).substring(column), order);
            }
            return new Edit(start, end, "{" + String.join(", ", entries) + "}", order);
        }
        // Another kind of value (or none before): the whole entry is written anew.
        int keyStart = index(yaml, old.getKeyNode().getStartMark().getIndex());
        String key = yaml.substring(keyStart, index(yaml, old.getKeyNode().getEndMark().getIndex()));
        return new Edit(keyStart, end, key + ":" + renderNew(value, field, old.getKeyNode().getStartMark().getColumn()), order);
    }

    /** A value written where there was none, after "key:": a scalar or a flow list on the same line, a map on the lines below. */
    private static String renderNew(Node value, Field field, int keyColumn) {
        if (value instanceof ScalarNode scalar) {
            return " " + scalar(scalar.getValue(), field, null, false, keyColumn + 2);
        }
        if (value instanceof SequenceNode list) {
            return " " + flowList(list, field);
        }
        StringBuilder text = new StringBuilder();
        for (String entry : entries((MappingNode) value, field)) {
            text.append('\n').append(" ".repeat(keyColumn + 2)).append(entry);
        }
        return text.toString();
    }

    private static String flowList(SequenceNode list, Field field) {
        return "[" + String.join(", ", list.getValue().stream().map(item -> itemText(item, field)).toList()) + "]";
    }

    private static String itemText(Node item, Field field) {
        return item instanceof ScalarNode scalar ? scalar(scalar.getValue(), field, null, true, 0) : "\"\"";
    }

    /** A map's entries as "key: value", leaving out those without a value. */
    private static List<String> entries(MappingNode map, Field field) {
        List<String> entries = new ArrayList<>();
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && tuple.getValueNode() instanceof ScalarNode value && !isEmpty(value, null)) {
                entries.add(key.getValue() + ": " + scalar(value.getValue(), field, null, false, 0));
            }
        }
        return entries;
    }

    /**
     * A scalar in the style of the one it replaces: plain where YAML reads it back as the same text
     * (or as a number or truth value where the field holds one), else in the old quotes, else double quotes.
     */
    private static String scalar(String value, Field field, ScalarNode previous, boolean inFlow, int indent) {
        DumperOptions.ScalarStyle style = previous == null ? DumperOptions.ScalarStyle.PLAIN : previous.getScalarStyle();
        if (value.contains("\n") && (style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED)) {
            String pad = " ".repeat(Math.max(2, indent));
            String chomp = value.endsWith("\n") ? "" : "-";
            return "|" + chomp + "\n" + String.join("\n", value.stripTrailing().lines().map(line -> line.isEmpty() ? "" : pad + line).toList());
        }
        if ((style == DumperOptions.ScalarStyle.PLAIN || style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED)
                && plainReadsBack(value, field, inFlow)) {
            return value;
        }
        if (style == DumperOptions.ScalarStyle.SINGLE_QUOTED && !value.contains("\n") && value.chars().noneMatch(c -> c < 0x20)) {
            return "'" + value.replace("'", "''") + "'";
        }
        return doubleQuoted(value);
    }

    private static boolean plainReadsBack(String value, Field field, boolean inFlow) {
        if (value.isEmpty() || !value.equals(value.strip()) || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return false;
        }
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(value.charAt(0)) >= 0 || value.contains(": ") || value.contains(" #") || value.endsWith(":")) {
            return false;
        }
        if (inFlow && value.chars().anyMatch(c -> ",[]{}".indexOf(c) >= 0)) {
            return false;
        }
        Tag tag = RESOLVER.resolve(NodeId.scalar, value, true);
        if (tag.equals(Tag.STR)) {
            return true;
        }
        Kind kind = field == null ? null : field.kind();
        return tag.equals(Tag.INT) && (kind == Kind.INTEGER || kind == Kind.EDITION) || tag.equals(Tag.BOOL) && kind == Kind.BOOLEAN;
    }

    private static String doubleQuoted(String value) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\t' -> text.append("\\t");
                case '\r' -> text.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        text.append(String.format("\\x%02x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.append('"').toString();
    }

    /** Whether two values say the same: the same text, list or map, empty counting as absent. */
    static boolean same(Node a, Node b, Field field) {
        boolean emptyA = a == null || isEmpty(a, field);
        boolean emptyB = b == null || isEmpty(b, field);
        if (emptyA || emptyB) {
            return emptyA && emptyB;
        }
        if (a instanceof ScalarNode x && b instanceof ScalarNode y) {
            return x.getValue().equals(y.getValue());
        }
        if (a instanceof SequenceNode x && b instanceof SequenceNode y) {
            if (x.getValue().size() != y.getValue().size()) {
                return false;
            }
            for (int i = 0; i < x.getValue().size(); i++) {
                if (!same(x.getValue().get(i), y.getValue().get(i), null)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof MappingNode x && b instanceof MappingNode y) {
            return Objects.equals(filled(x), filled(y));
        }
        return false;
    }

    /** A map's entries that hold a value, as text. */
    private static Map<String, String> filled(MappingNode map) {
        Map<String, String> values = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && !isEmpty(tuple.getValueNode(), null)) {
                values.put(key.getValue(), tuple.getValueNode() instanceof ScalarNode value ? value.getValue() : tuple.getValueNode().toString());
            }
        }
        return new java.util.TreeMap<>(values);
    }

    /** No value: null, blank text, a list or map of nothing, or false for a yes/no field (false is its default). */
    static boolean isEmpty(Node node, Field field) {
        if (node instanceof ScalarNode scalar) {
            return isNull(scalar) || scalar.getValue().isBlank() || field != null && field.kind() == Kind.BOOLEAN && scalar.getValue().equals("false");
        }
        if (node instanceof SequenceNode list) {
            return list.getValue().stream().allMatch(item -> isEmpty(item, null));
        }
        if (node instanceof MappingNode map) {
            return map.getValue().stream().allMatch(tuple -> isEmpty(tuple.getValueNode(), null));
        }
        return node == null;
    }

    private static boolean isNull(ScalarNode scalar) {
        return scalar.getTag().equals(Tag.NULL);
    }

    /** Where the value of an entry starts: right after "key:". */
    private static int valueStart(String yaml, NodeTuple tuple) {
        return yaml.indexOf(':', index(yaml, tuple.getKeyNode().getEndMark().getIndex())) + 1;
    }

    /**
     * Where an entry's text ends: its last character that is not a line end, so that a comment after
     * a value and the lines after it stay. A block list or map ends with its last value.
     */
    private static int contentEnd(String yaml, NodeTuple tuple) {
        Node value = tuple.getValueNode();
        int end = valueEnd(yaml, value);
        return Math.max(end, valueStart(yaml, tuple));
    }

    private static int valueEnd(String yaml, Node value) {
        if (value instanceof SequenceNode list && list.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !list.getValue().isEmpty()) {
            return valueEnd(yaml, list.getValue().get(list.getValue().size() - 1));
        }
        if (value instanceof MappingNode map && map.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !map.getValue().isEmpty()) {
            NodeTuple last = map.getValue().get(map.getValue().size() - 1);
            return Math.max(valueEnd(yaml, last.getValueNode()), index(yaml, last.getKeyNode().getEndMark().getIndex()) + 1);
        }
        int start = index(yaml, value.getStartMark().getIndex());
        int end = index(yaml, value.getEndMark().getIndex());
        while (end > start && Character.isWhitespace(yaml.charAt(end - 1))) {
            end--; // a block scalar's mark ends after its line breaks
        }
        return end;
    }

    /** SnakeYAML counts code points; Java strings count UTF-16 units. */
    private static int index(String yaml, int codePoints) {
        return yaml.offsetByCodePoints(0, Math.min(codePoints, yaml.codePointCount(0, yaml.length())));
    }

    private static int lineStart(String yaml, int index) {
        return yaml.lastIndexOf('\n', index - 1) + 1;
    }

    private static int lineEnd(String yaml, int index) {
        int newline = yaml.indexOf('\n', index);
        return newline < 0 ? yaml.length() : newline + 1;
    }

    private record Edit(int start, int end, String text, int order) {
    }
}
