package io.idp.platform.local;

import com.google.gson.Gson;
import io.idp.platform.config.ConfigError;
import io.idp.platform.config.ConfigException;
import io.idp.platform.config.RawConfig;
import io.idp.platform.config.YamlKeys;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

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
import java.util.regex.Pattern;

/**
 * A {@code Pulumi.<stack>.yaml} file read the way the Pulumi CLI hands it to a program: scalars as
 * their text (so {@code 1.30} stays "1.30"), lists and maps as JSON, and {@code secure:} values as
 * secrets. Secure values stay the opaque ciphertext they are: the offline engine never decrypts them.
 * What YAML itself lets through but Pulumi would not want is a problem of the file: a key given twice
 * (YAML's "last one wins" would silently drop a value) and a {@code secure:} value that cannot be
 * ciphertext.
 */
public final class StackFile {
    /** Ciphertext as Pulumi writes it: base64, with the passphrase provider's {@code v1:} prefix and ':' parts. */
    private static final Pattern CIPHERTEXT = Pattern.compile("(v1:)?[A-Za-z0-9+/]{4,}={0,2}(:[A-Za-z0-9+/]+={0,2})*");

    /** The stack file's content and the problems of the file itself (duplicate keys, bad secure values). */
    public record Parsed(RawConfig raw, List<ConfigError> problems) {
    }

    private StackFile() {
    }

    public static Path path(Path projectDir, String stack) {
        return projectDir.resolve("Pulumi." + stack + ".yaml");
    }

    /** The stack file, refused with every problem if it has any. */
    public static RawConfig read(Path projectDir, String stack) {
        return strict(readChecked(projectDir, stack));
    }

    public static Parsed readChecked(Path projectDir, String stack) {
        var file = path(projectDir, stack);
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            var existing = new StackDirectory(projectDir).stacks();
            throw new PlanException("there is no stack file " + file.getFileName() + " for stack '" + stack + "'; "
                    + (existing.isEmpty() ? "this project has no stack files yet" : "the stacks of this project are "
                    + String.join(", ", existing)) + " (./platform new-stack " + stack + " --from <stack> --region <region> makes one)");
        } catch (IOException e) {
            throw new PlanException("cannot read " + file + ": " + e.getMessage());
        }
        return parseChecked(file.getFileName().toString(), text);
    }

    public static RawConfig parse(String source, String text) {
        return strict(parseChecked(source, text));
    }

    private static RawConfig strict(Parsed parsed) {
        if (!parsed.problems().isEmpty()) {
            throw new ConfigException(parsed.raw().source(), parsed.problems());
        }
        return parsed.raw();
    }

    public static Parsed parseChecked(String source, String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(text));
        } catch (YAMLException e) {
            throw new PlanException(source + " is not valid YAML: " + ConfigError.shorten(e.getMessage()));
        }
        var values = new LinkedHashMap<String, String>();
        var secrets = new HashSet<String>();
        var problems = new ArrayList<ConfigError>();
        if (root instanceof MappingNode top) {
            YamlKeys.duplicates(top, null, "config").forEach(problems::add);
            for (var entry : top.getValue()) {
                if (scalar(entry.getKeyNode()).equals("config")) {
                    if (!(entry.getValueNode() instanceof MappingNode config)) {
                        throw new PlanException(source + ": 'config' must be a map of keys to values");
                    }
                    for (var setting : config.getValue()) {
                        var key = scalar(setting.getKeyNode());
                        readValue(source, key, setting.getValueNode(), values, secrets, problems);
                    }
                }
            }
        } else if (root != null) {
            throw new PlanException(source + " must be a YAML map with a 'config' section");
        }
        return new Parsed(new RawConfig(source, values, secrets), List.copyOf(problems));
    }

    private static void readValue(String source, String key, Node node, Map<String, String> values, Set<String> secrets,
                                  List<ConfigError> problems) {
        if (node instanceof MappingNode map && map.getValue().size() == 1
                && scalar(map.getValue().get(0).getKeyNode()).equals("secure")) {
            var ciphertext = map.getValue().get(0).getValueNode();
            int line = ciphertext.getStartMark().getLine() + 1;
            if (!(ciphertext instanceof ScalarNode text) || !text.getTag().equals(Tag.STR)
                    || !CIPHERTEXT.matcher(text.getValue()).matches()) {
                // The value is shown masked: whatever it is, it was meant to be secret.
                problems.add(new ConfigError(key, io.idp.platform.config.SecretValue.MASK,
                        "holds a secure: value on line " + line + " that cannot be Pulumi ciphertext ("
                                + shape(ciphertext) + "); it was written by hand, not by pulumi config set --secret",
                        "ciphertext written by pulumi config set --secret: base64, such as v1:AAAB...",
                        "pulumi config set --secret " + key + " <value>"));
            }
            values.put(key, scalar(ciphertext));
            secrets.add(key);
        } else if (node instanceof ScalarNode scalarNode) {
            values.put(key, scalarNode.getValue());
        } else {
            values.put(key, new Gson().toJson(plain(source, key, node)));
        }
    }

    private static String shape(Node node) {
        if (node instanceof ScalarNode s) {
            if (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT)) {
                return "a number";
            }
            if (s.getTag().equals(Tag.BOOL) || s.getTag().equals(Tag.NULL)) {
                return "not text";
            }
            return s.getValue().isEmpty() ? "it is empty" : "not base64 text";
        }
        return node instanceof SequenceNode ? "a list" : "a map";
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
