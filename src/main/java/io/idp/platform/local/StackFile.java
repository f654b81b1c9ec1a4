package io.idp.platform.local;

import com.google.gson.Gson;
import io.idp.platform.config.RawConfig;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code Pulumi.<stack>.yaml} file read the way the Pulumi CLI hands it to a program: scalars as
 * their text (so {@code 1.30} stays "1.30"), lists and maps as JSON, and {@code secure:} values as
 * secrets. Secure values stay the opaque ciphertext they are: the offline engine never decrypts them.
 */
public final class StackFile {

    private StackFile() {
    }

    public static Path path(Path projectDir, String stack) {
        return projectDir.resolve("Pulumi." + stack + ".yaml");
    }

    public static RawConfig read(Path projectDir, String stack) {
        var file = path(projectDir, stack);
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new PlanException("there is no stack file " + file.getFileName() + " for stack '" + stack
                    + "'; create it (see docs/configuration.md) or run ./platform plan with one of the existing stacks");
        } catch (IOException e) {
            throw new PlanException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(file.getFileName().toString(), text);
    }

    public static RawConfig parse(String source, String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(text));
        } catch (YAMLException e) {
            throw new PlanException(source + " is not valid YAML: " + e.getMessage());
        }
        var values = new LinkedHashMap<String, String>();
        var secrets = new HashSet<String>();
        if (root instanceof MappingNode top) {
            for (var entry : top.getValue()) {
                if (scalar(entry.getKeyNode()).equals("config")) {
                    if (!(entry.getValueNode() instanceof MappingNode config)) {
                        throw new PlanException(source + ": 'config' must be a map of keys to values");
                    }
                    for (var setting : config.getValue()) {
                        var key = scalar(setting.getKeyNode());
                        readValue(source, key, setting.getValueNode(), values, secrets);
                    }
                }
            }
        } else if (root != null) {
            throw new PlanException(source + " must be a YAML map with a 'config' section");
        }
        return new RawConfig(source, values, secrets);
    }

    private static void readValue(String source, String key, Node node, Map<String, String> values, Set<String> secrets) {
        if (node instanceof MappingNode map && map.getValue().size() == 1
                && scalar(map.getValue().get(0).getKeyNode()).equals("secure")) {
            values.put(key, scalar(map.getValue().get(0).getValueNode()));
            secrets.add(key);
        } else if (node instanceof ScalarNode scalarNode) {
            values.put(key, scalarNode.getValue());
        } else {
            values.put(key, new Gson().toJson(plain(source, key, node)));
        }
    }

    private static Object plain(String source, String key, Node node) {
        if (node instanceof ScalarNode scalarNode) {
            return scalarNode.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> items = new ArrayList<>();
            sequence.getValue().forEach(item -> items.add(plain(source, key, item)));
            return items;
        }
        var map = new LinkedHashMap<String, Object>();
        for (var entry : ((MappingNode) node).getValue()) {
            if (scalar(entry.getKeyNode()).equals("secure")) {
                throw new PlanException(source + ": " + key + " nests a secure value; secrets must be top-level keys");
            }
            map.put(scalar(entry.getKeyNode()), plain(source, key, entry.getValueNode()));
        }
        return map;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : String.valueOf(node);
    }
}
