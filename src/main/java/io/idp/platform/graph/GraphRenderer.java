package io.idp.platform.graph;

import io.idp.platform.local.PlanException;
import io.idp.platform.local.PlannedResource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The resource graph as a picture: Graphviz dot (components drawn as clusters), Mermaid, or SVG
 * rendered by Graphviz's {@code dot}. Arrows point from a resource to what it waits for.
 */
public final class GraphRenderer {
    private GraphRenderer() {
    }

    public static String dot(ResourceGraph graph) {
        var ids = ids(graph);
        var text = new StringBuilder("digraph plan {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n");
        var byParent = new LinkedHashMap<String, List<PlannedResource>>();
        graph.nodes().forEach(n -> byParent.computeIfAbsent(n.parent(), p -> new ArrayList<>()).add(n));
        int cluster = 0;
        for (var entry : byParent.entrySet()) {
            var parent = graph.resource(entry.getKey());
            boolean component = parent != null && !parent.custom() && !parent.type().equals("pulumi:pulumi:Stack");
            if (component) {
                text.append("  subgraph cluster_").append(cluster++).append(" {\n    label=\"").append(escape(parent.name()))
                        .append(" (").append(escape(parent.type())).append(")\";\n    style=dashed;\n");
            }
            for (var node : entry.getValue()) {
                text.append(component ? "    " : "  ").append(ids.get(node.urn())).append(" [label=\"").append(escape(node.name()))
                        .append("\\n").append(escape(shortType(node.type()))).append("\"];\n");
            }
            if (component) {
                text.append("  }\n");
            }
        }
        for (var node : graph.nodes()) {
            for (var dependency : graph.dependencies(node.urn())) {
                if (ids.containsKey(dependency)) {
                    text.append("  ").append(ids.get(node.urn())).append(" -> ").append(ids.get(dependency)).append(";\n");
                }
            }
        }
        return text.append("}\n").toString();
    }

    public static String mermaid(ResourceGraph graph) {
        var ids = ids(graph);
        var text = new StringBuilder("flowchart LR\n");
        var byParent = new LinkedHashMap<String, List<PlannedResource>>();
        graph.nodes().forEach(n -> byParent.computeIfAbsent(n.parent(), p -> new ArrayList<>()).add(n));
        int cluster = 0;
        for (var entry : byParent.entrySet()) {
            var parent = graph.resource(entry.getKey());
            boolean component = parent != null && !parent.custom() && !parent.type().equals("pulumi:pulumi:Stack");
            if (component) {
                // Numbered like the dot clusters: ids derived from hash codes could collide.
                text.append("  subgraph c").append(cluster++)
                        .append("[\"").append(parent.name().replace("\"", "'")).append("\"]\n");
            }
            for (var node : entry.getValue()) {
                text.append("    ").append(ids.get(node.urn())).append("[\"").append(node.name().replace("\"", "'")).append("<br/>")
                        .append(shortType(node.type())).append("\"]\n");
            }
            if (component) {
                text.append("  end\n");
            }
        }
        for (var node : graph.nodes()) {
            for (var dependency : graph.dependencies(node.urn())) {
                if (ids.containsKey(dependency)) {
                    text.append("  ").append(ids.get(node.urn())).append(" --> ").append(ids.get(dependency)).append('\n');
                }
            }
        }
        return text.toString();
    }

    /** The format a file name asks for (dot, mermaid or svg), or empty when it names none of them. */
    public static java.util.Optional<String> format(Path file) {
        var name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.endsWith(".dot")) {
            return java.util.Optional.of("dot");
        }
        if (name.endsWith(".mmd") || name.endsWith(".mermaid")) {
            return java.util.Optional.of("mermaid");
        }
        return name.endsWith(".svg") ? java.util.Optional.of("svg") : java.util.Optional.empty();
    }

    /** Writes the graph in the format the file's extension names: .dot, .mmd (Mermaid) or .svg (needs Graphviz). */
    public static void write(ResourceGraph graph, Path file) {
        var name = file.getFileName().toString();
        try {
            if (name.endsWith(".dot")) {
                Files.writeString(file, dot(graph));
            } else if (name.endsWith(".mmd") || name.endsWith(".mermaid")) {
                Files.writeString(file, mermaid(graph));
            } else if (name.endsWith(".svg")) {
                svg(dot(graph), file);
            } else {
                throw new PlanException("--graph " + file + ": name the picture .svg, .dot or .mmd");
            }
        } catch (IOException e) {
            throw new PlanException("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static void svg(String dot, Path file) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder("dot", "-Tsvg", "-o", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new PlanException("--graph " + file + ": SVG needs Graphviz's dot on the PATH (apt-get install graphviz); "
                    + "or write .dot or .mmd instead");
        }
        try (var in = process.getOutputStream()) {
            in.write(dot.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new PlanException("Graphviz could not render " + file + ": " + new String(process.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlanException("interrupted while rendering " + file);
        }
    }

    private static Map<String, String> ids(ResourceGraph graph) {
        var ids = new LinkedHashMap<String, String>();
        graph.nodes().forEach(n -> ids.put(n.urn(), "r" + ids.size()));
        return ids;
    }

    private static String shortType(String type) {
        return type.substring(type.lastIndexOf(':') + 1);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
