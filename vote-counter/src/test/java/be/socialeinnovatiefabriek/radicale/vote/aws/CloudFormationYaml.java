package be.socialeinnovatiefabriek.radicale.vote.aws;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a CloudFormation template with SnakeYAML: the short forms of the intrinsic functions ({@code !Ref},
 * {@code !GetAtt}, {@code !Sub}, {@code !If}, ...) become {@link Fn} values instead of failing the parse.
 */
final class CloudFormationYaml {

    /** One intrinsic function: {@code !Ref X} is {@code Fn("Ref", "X")}, {@code !If [c, a, b]} is {@code Fn("If", [c, a, b])}. */
    record Fn(String name, Object argument) {
    }

    private CloudFormationYaml() {
    }

    /** The template at {@code file} as maps, lists, strings, numbers and {@link Fn}s. */
    static Map<String, Object> read(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml(new IntrinsicConstructor(options)).load(reader);
        }
    }

    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            // Every "!Name" tag: the tag prefix "!" is matched before the default constructors.
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String name = node.getTag().getValue().substring(1);
                    Object argument;
                    if (node instanceof ScalarNode scalar) {
                        argument = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        argument = constructSequence(sequence);
                    } else {
                        argument = constructMapping((MappingNode) node);
                    }
                    return new Fn(name, argument);
                }
            });
        }
    }

    /** {@code value} as a map (a failed cast names what it was). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map)) {
            throw new AssertionError("expected a mapping, got " + value);
        }
        return (Map<String, Object>) value;
    }

    /** {@code value} as a list. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (!(value instanceof List)) {
            throw new AssertionError("expected a list, got " + value);
        }
        return (List<Object>) value;
    }

    /** The value at {@code path} (keys of nested maps) under {@code root}. */
    static Object at(Object root, String... path) {
        Object value = root;
        for (String key : path) {
            value = map(value).get(key);
            if (value == null) {
                throw new AssertionError("no '" + key + "' in " + String.join(".", path));
            }
        }
        return value;
    }
}
