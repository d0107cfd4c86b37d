package be.socialeinnovatiefabriek.radicale.site.editor;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A content file's text cut into its parts, so that it can be put back together byte for byte:
 * {@code head} (a byte order mark and the opening {@code ---} line), the YAML between the fences,
 * the closing fence line, and the Markdown body. Line ends are kept as found ({@code crlf}).
 *
 * @param fields the front matter's top-level keys as SnakeYAML nodes (their marks point into {@code yaml}); null when it is not YAML
 */
record MarkdownFile(String head, String yaml, String closing, String body, boolean crlf, MappingNode root, Map<String, NodeTuple> fields) {

    private static final String FENCE = "---";

    /** Cuts {@code text}; without front matter, all of it is the body. */
    static MarkdownFile of(String text) {
        boolean crlf = text.contains("\r\n");
        String normal = crlf ? text.replace("\r\n", "\n") : text;
        String bom = normal.startsWith("\uFEFF") ? "\uFEFF" : "";
        String rest = normal.substring(bom.length());
        if (!rest.startsWith(FENCE + "\n")) {
            return new MarkdownFile(bom, null, null, rest, crlf, null, null);
        }
        int end = rest.indexOf("\n" + FENCE, FENCE.length());
        while (end >= 0 && !fenceEnds(rest, end + 1 + FENCE.length())) {
            end = rest.indexOf("\n" + FENCE, end + 1);
        }
        if (end < 0) {
            return new MarkdownFile(bom, null, null, rest, crlf, null, null);
        }
        String yaml = rest.substring(FENCE.length() + 1, end + 1);
        int lineEnd = rest.indexOf('\n', end + 1);
        int bodyStart = lineEnd < 0 ? rest.length() : lineEnd + 1;
        String closing = rest.substring(end + 1, bodyStart);
        MappingNode root = null;
        Map<String, NodeTuple> fields = null;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true);
            options.setMaxAliasesForCollections(10);
            Node node = new Yaml(options).compose(new java.io.StringReader(yaml));
            if (node == null) {
                fields = new LinkedHashMap<>();
            } else if (node instanceof MappingNode mapping) {
                root = mapping;
                fields = new LinkedHashMap<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key) {
                        fields.putIfAbsent(key.getValue(), tuple);
                    }
                }
            }
        } catch (YAMLException e) {
            // not YAML: the caller decides (the CMS's text is refused, a broken file on disk is written anew)
        }
        return new MarkdownFile(bom + FENCE + "\n", yaml, closing, rest.substring(bodyStart), crlf, root, fields);
    }

    /** Whether the front matter could be read as a list of fields. */
    boolean readable() {
        return fields != null;
    }

    /** The text again, with {@code yaml} and {@code body} in place of this file's, in this file's line ends. */
    String with(String newYaml, String newBody) {
        String fence = closing.endsWith("\n") || newBody.isEmpty() ? closing : closing + "\n";
        String text = head + newYaml + fence + newBody;
        return crlf ? text.replace("\n", "\r\n") : text;
    }

    private static boolean fenceEnds(String text, int index) {
        if (index >= text.length()) {
            return true;
        }
        char c = text.charAt(index);
        return c == '\n' || c == ' ' || c == '\t';
    }
}
