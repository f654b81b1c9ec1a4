package io.idp.platform.config;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Keys given twice in one YAML map, at any depth. YAML loaders keep the last silently, which loses a
 * value the author wrote; every file the program reads is checked for them, naming both lines.
 */
public final class YamlKeys {
    private YamlKeys() {
    }

    /**
     * @param skipTop a top-level key whose name is left out of the dotted path (a stack file's {@code config})
     */
    public static List<ConfigError> duplicates(Node root, String file, String skipTop) {
        var problems = new ArrayList<ConfigError>();
        duplicates(root, "", skipTop, file, problems);
        return problems;
    }

    private static void duplicates(Node node, String path, String skipTop, String file, List<ConfigError> problems) {
        if (node instanceof MappingNode map) {
            var seen = new HashMap<String, Integer>();
            for (var entry : map.getValue()) {
                var key = entry.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(entry.getKeyNode());
                int line = entry.getKeyNode().getStartMark().getLine() + 1;
                var first = seen.putIfAbsent(key, line);
                var name = path.isEmpty() || path.equals(skipTop) ? key : path + "." + key;
                if (first != null) {
                    problems.add(new ConfigError(name, shape(entry.getValueNode()),
                            "is set twice, on lines " + first + " and " + line + "; YAML would silently keep only the last",
                            "each key once per map", "keep one of lines " + first + " and " + line, file));
                }
                duplicates(entry.getValueNode(), name, skipTop, file, problems);
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> duplicates(item, path, skipTop, file, problems));
        }
    }

    private static String shape(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : node instanceof SequenceNode ? "(a list)" : "(a map)";
    }
}
