package be.socialeinnovatiefabriek.radicale.site.content;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One Markdown file split into its YAML front matter (as nodes that keep their line numbers) and
 * its body. Parsing never throws for a content mistake: it records a problem instead.
 *
 * @param readable false when the front matter could not be read at all; its fields are then not checked one by one
 */
public record SourceFile(Path path, String frontMatterText, Map<String, Node> fields, Map<String, Integer> keyLines,
                  String body, int bodyLine, boolean readable) {

    private static final String FENCE = "---";
    /** YAML's standard tags for plain values; only read once made, so every thread shares it. */
    private static final Resolver RESOLVER = new Resolver();

    /** Splits and parses {@code bytes}; mistakes go to {@code problems} and yield an empty front matter. */
    static SourceFile parse(Path path, byte[] bytes, Problems problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(path, 1, "the file is not UTF-8 text", "save it with UTF-8 encoding");
            return empty(path);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n");
        if (!text.startsWith(FENCE + "\n")) {
            problems.add(path, 1, "the file does not start with front matter",
                    "begin it with a line '---', the fields (name: value), and another line '---'");
            return empty(path);
        }
        int end = text.indexOf("\n" + FENCE, FENCE.length());
        while (end >= 0 && !isFenceLineEnd(text, end + 1 + FENCE.length())) {
            end = text.indexOf("\n" + FENCE, end + 1);
        }
        if (end < 0) {
            problems.add(path, 1, "the front matter is not closed",
                    "add a line '---' after the last field, before the text");
            return empty(path);
        }
        String yaml = text.substring(FENCE.length() + 1, end + 1);
        int bodyStart = Math.min(text.length(), end + 1 + FENCE.length() + 1);
        String body = text.substring(bodyStart);
        int bodyLine = 1 + (int) text.substring(0, bodyStart).chars().filter(c -> c == '\n').count();
        // Line numbers inside the YAML start at 0 on the line after the opening '---' (file line 2).
        Map<String, Node> fields = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // duplicates are reported below, with their line
            options.setMaxAliasesForCollections(10);
            // What Yaml.compose does, without making a Yaml (its constructors and representers) for every file.
            root = new Composer(new ParserImpl(new StreamReader(new java.io.StringReader(yaml)), options), RESOLVER, options).getSingleNode();
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 2;
            String problem = e.getProblem() == null ? "unreadable" : e.getProblem();
            problems.add(path, line, "the front matter is not valid YAML (" + problem + ")",
                    "check the indentation, and put quotes around values that contain ':' or start with a special character");
            return new SourceFile(path, yaml, Map.of(), Map.of(), body, bodyLine, false);
        } catch (YAMLException e) {
            problems.add(path, 1, "the front matter is not valid YAML (" + e.getMessage() + ")",
                    "check the indentation and the quotes");
            return new SourceFile(path, yaml, Map.of(), Map.of(), body, bodyLine, false);
        }
        if (root == null) {
            return new SourceFile(path, yaml, Map.of(), Map.of(), body, bodyLine, true);
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(path, lineOf(root), "the front matter is not a list of fields",
                    "write one field per line as name: value");
            return new SourceFile(path, yaml, Map.of(), Map.of(), body, bodyLine, false);
        }
        for (NodeTuple tuple : mapping.getValue()) {
            int line = lineOf(tuple.getKeyNode());
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.add(path, line, "a field name is not plain text", "write the field as name: value");
                continue;
            }
            String key = keyNode.getValue();
            if (fields.containsKey(key)) {
                problems.add(path, line, "'" + key + "' appears twice (also on line " + keyLines.get(key) + ")",
                        "keep one of them");
                continue;
            }
            fields.put(key, tuple.getValueNode());
            keyLines.put(key, line);
        }
        return new SourceFile(path, yaml, fields, keyLines, body, bodyLine, true);
    }

    /** The file line of a YAML node. */
    static int lineOf(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 2;
    }

    private static boolean isFenceLineEnd(String text, int index) {
        if (index >= text.length()) {
            return true;
        }
        char c = text.charAt(index);
        return c == '\n' || c == ' ' || c == '\t';
    }

    private static SourceFile empty(Path path) {
        return new SourceFile(path, "", Map.of(), Map.of(), "", 1, false);
    }
}
