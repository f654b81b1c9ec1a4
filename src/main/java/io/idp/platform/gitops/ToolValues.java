package io.idp.platform.gitops;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tool's Helm values, written once in {@code stacks/tools/<tool>/}, GitOps Bridge style: {@code values.yaml}
 * for every cluster, then {@code management.yaml} or {@code workload.yaml}, then the kind's own file
 * ({@code workload-eks.yaml}, {@code workload-vcluster.yaml}), each merged over the one before as Helm
 * merges values files (maps merge, anything else replaces). Variables are filled before parsing, so a
 * value that the fleet fills with a Go template per cluster is written in single quotes:
 * {@code clusterName: '${cluster.name}'}.
 */
public final class ToolValues {
    /** Where the tools' values live, relative to the project. */
    public static final Path DIRECTORY = GitopsLayout.STACKS.resolve("tools");
    public static final String DEFAULTS = "values.yaml";
    /** Overlay of every workload kind, before the kind's own. */
    public static final String WORKLOAD = "workload.yaml";
    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([^}]*)}");

    private ToolValues() {
    }

    /** The overlay files that apply to a kind of cluster, in merge order. */
    public static List<String> layers(ClusterKind kind) {
        return kind == ClusterKind.MANAGEMENT ? List.of(DEFAULTS, "management.yaml")
                : List.of(DEFAULTS, WORKLOAD, kind.catalogName() + ".yaml");
    }

    /** Whether the tool has values of a workload kind of its own (then the fleet delivers it per kind). */
    public static boolean hasKindOverlay(Path root, String tool, ClusterKind kind) {
        return Files.isRegularFile(root.resolve(DIRECTORY).resolve(tool).resolve(kind.catalogName() + ".yaml"));
    }

    /**
     * The tool's values for a kind of cluster, merged, with {@code variables} filled in.
     *
     * @param used     collects the variables the files used
     * @param problems collects every problem, each naming the file and line
     */
    public static Map<String, Object> forKind(Path root, Catalog.Tool tool, ClusterKind kind, Map<String, String> variables,
                                              Set<String> used, List<String> problems) {
        var merged = new LinkedHashMap<String, Object>();
        var directory = root.resolve(DIRECTORY).resolve(tool.name());
        for (var layer : layers(kind)) {
            var file = directory.resolve(layer);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            var source = DIRECTORY.resolve(tool.name()).resolve(layer).toString().replace('\\', '/');
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source, e);
            }
            int before = problems.size();
            checkNeeds(source, text, tool, problems);
            var rendered = TemplateRenderer.substitute(source, text, variables, used, problems);
            if (problems.size() > before) {
                continue;
            }
            Object document;
            try {
                document = new Yaml(new SafeConstructor(new LoaderOptions())).load(rendered);
            } catch (YAMLException e) {
                problems.add(source + ": not valid YAML after rendering: " + e.getMessage().replace('\n', ' '));
                continue;
            }
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map<?, ?> map)) {
                problems.add(source + ": must be a map of Helm values (chart's values.yaml keys), not " + document.getClass().getSimpleName());
                continue;
            }
            merge(merged, cast(map));
        }
        return merged;
    }

    /** A fact of the cluster the catalog entry does not declare is an error: the fleet would not provide it. */
    private static void checkNeeds(String source, String text, Catalog.Tool tool, List<String> problems) {
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var matcher = VARIABLE.matcher(lines[i]);
            while (matcher.find()) {
                for (var need : Catalog.NEEDS.entrySet()) {
                    if (need.getValue().equals(matcher.group(1)) && !tool.needs().contains(need.getKey())) {
                        problems.add(source + ":" + (i + 1) + ": ${" + need.getValue() + "} is a fact of the cluster that tools."
                                + tool.name() + " of " + Catalog.FILE + " does not declare; add it: needs: [" + need.getKey() + "]");
                    }
                }
            }
        }
    }

    /** Helm's merge of values files: maps merge key by key, anything else replaces. */
    static void merge(Map<String, Object> into, Map<String, Object> over) {
        over.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && into.get(key) instanceof Map<?, ?> existing) {
                var copy = new LinkedHashMap<>(cast(existing));
                merge(copy, cast(map));
                into.put(key, copy);
            } else {
                into.put(key, value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** Files under a tool's directory that are not one of the layers: a misspelt overlay would silently do nothing. */
    public static List<String> strayFiles(Path root, Catalog catalog) {
        var stray = new ArrayList<String>();
        var known = new java.util.HashSet<String>();
        for (var kind : ClusterKind.values()) {
            known.addAll(layers(kind));
        }
        var dir = root.resolve(DIRECTORY);
        if (Files.isDirectory(dir)) {
            collectStray(dir, catalog, known, stray);
        }
        return stray;
    }

    private static void collectStray(Path dir, Catalog catalog, Set<String> known, List<String> stray) {
        try (var entries = Files.list(dir)) {
            for (var entry : entries.sorted().toList()) {
                var name = entry.getFileName().toString();
                if (Files.isDirectory(entry)) {
                    if (!catalog.tools().containsKey(name)) {
                        stray.add(DIRECTORY + "/" + name + "/: no tool of " + Catalog.FILE + " is named " + name);
                        continue;
                    }
                    try (var files = Files.list(entry)) {
                        for (var file : files.sorted().toList()) {
                            if (!known.contains(file.getFileName().toString())) {
                                stray.add(DIRECTORY + "/" + name + "/" + file.getFileName() + ": not a values layer; allowed: "
                                        + String.join(", ", new java.util.TreeSet<>(known)));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + DIRECTORY, e);
        }
    }
}
