package io.idp.platform.graph;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.idp.platform.local.PlanException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static io.idp.platform.graph.GraphFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** The pictures of the graph, read back: the DOT by Graphviz itself, the Mermaid by its structure. */
class GraphRendererTest {
    static final String DOT = """
            digraph plan {
              rankdir=LR;
              node [shape=box, style=rounded, fontname="Helvetica", fontsize=10];
              subgraph cluster_0 {
                label="net \\"main\\" (platform:components:Network)";
                style=dashed;
                r0 [label="vpc\\nVpc"];
                r1 [label="subnet\\nSubnet"];
              }
              r2 [label="prov\\naws"];
              r3 [label="role\\nRole"];
              r4 [label="cluster\\nCluster"];
              r1 -> r0;
              r4 -> r2;
              r4 -> r3;
              r4 -> r1;
              r4 -> r0;
            }
            """;

    static final String MERMAID = """
            flowchart LR
              subgraph c0["net 'main'"]
                r0["vpc<br/>Vpc"]
                r1["subnet<br/>Subnet"]
              end
                r2["prov<br/>aws"]
                r3["role<br/>Role"]
                r4["cluster<br/>Cluster"]
              r1 --> r0
              r4 --> r2
              r4 --> r3
              r4 --> r1
              r4 --> r0
            """;

    @Test
    void dotIsTheWholeExpectedGraph() {
        assertEquals(DOT, GraphRenderer.dot(new ResourceGraph(stack())));
    }

    @Test
    void mermaidIsTheWholeExpectedGraph() {
        assertEquals(MERMAID, GraphRenderer.mermaid(new ResourceGraph(stack())));
    }

    /** Graphviz parses the file and sees the component as one cluster holding its children, and every edge. */
    @Test
    void graphvizReadsTheDotAsClustersAndEdges() throws Exception {
        Assumptions.assumeTrue(graphviz(), "Graphviz's dot is not installed here: apt-get install graphviz (.ci/run installs it)");
        var json = JsonParser.parseString(run(GraphRenderer.dot(new ResourceGraph(stack())), "dot", "-Tjson")).getAsJsonObject();
        var names = new LinkedHashMap<Integer, String>();
        var clusters = new LinkedHashMap<String, Set<String>>();
        for (var element : json.getAsJsonArray("objects")) {
            var object = element.getAsJsonObject();
            if (object.has("nodes")) {
                clusters.put(object.get("name").getAsString() + ": " + object.get("label").getAsString(), new TreeSet<>());
            } else {
                names.put(object.get("_gvid").getAsInt(), object.get("label").getAsString().replace("\\n", " "));
            }
        }
        for (var element : json.getAsJsonArray("objects")) {
            var object = element.getAsJsonObject();
            if (object.has("nodes")) {
                var members = clusters.get(object.get("name").getAsString() + ": " + object.get("label").getAsString());
                object.getAsJsonArray("nodes").forEach(n -> members.add(names.get(n.getAsInt())));
            }
        }
        assertEquals(Map.of("cluster_0: net \"main\" (platform:components:Network)", Set.of("subnet Subnet", "vpc Vpc")), clusters);
        assertEquals(List.of("prov aws", "role Role", "cluster Cluster"),
                names.values().stream().filter(n -> !n.startsWith("vpc") && !n.startsWith("subnet")).toList());
        var edges = new TreeSet<String>();
        for (var element : json.getAsJsonArray("edges")) {
            JsonObject edge = element.getAsJsonObject();
            edges.add(names.get(edge.get("tail").getAsInt()) + " -> " + names.get(edge.get("head").getAsInt()));
        }
        assertEquals(new TreeSet<>(List.of("subnet Subnet -> vpc Vpc", "cluster Cluster -> prov aws", "cluster Cluster -> role Role",
                "cluster Cluster -> subnet Subnet", "cluster Cluster -> vpc Vpc")), edges);
    }

    /** Subgraphs open and close, every edge joins declared nodes, and they are the graph's dependencies. */
    @Test
    void mermaidStructureMatchesTheGraph() {
        var graph = new ResourceGraph(stack());
        var lines = GraphRenderer.mermaid(graph).lines().toList();
        assertEquals("flowchart LR", lines.get(0));
        var nodes = new LinkedHashMap<String, String>();
        var subgraphs = new LinkedHashMap<String, List<String>>();
        var edges = new TreeSet<String>();
        String open = null;
        for (var line : lines.subList(1, lines.size())) {
            var text = line.strip();
            if (text.startsWith("subgraph ")) {
                assertNull(open, "subgraphs are not nested: " + line);
                open = text.substring("subgraph ".length());
                subgraphs.put(open, new ArrayList<>());
            } else if (text.equals("end")) {
                assertNotNull(open, "an end without a subgraph");
                open = null;
            } else if (text.contains(" --> ")) {
                var ends = text.split(" --> ");
                assertTrue(nodes.containsKey(ends[0]) && nodes.containsKey(ends[1]), "edge between declared nodes: " + line);
                edges.add(nodes.get(ends[0]) + " -> " + nodes.get(ends[1]));
            } else {
                var node = text.split("\\[", 2);
                assertTrue(node[1].startsWith("\"") && node[1].endsWith("\"]"), line);
                nodes.put(node[0], node[1].substring(1, node[1].indexOf("<br/>")));
                if (open != null) {
                    subgraphs.get(open).add(node[1]);
                }
            }
        }
        assertNull(open, "every subgraph ends");
        assertEquals(Map.of("c0[\"net 'main'\"]", List.of("\"vpc<br/>Vpc\"]", "\"subnet<br/>Subnet\"]")), subgraphs);
        var expected = new TreeSet<String>();
        graph.nodes().forEach(n -> graph.dependencies(n.urn()).forEach(d -> expected.add(n.name() + " -> " + graph.resource(d).name())));
        assertEquals(expected, edges);
        assertEquals(5, edges.size());
    }

    @Test
    void twoComponentsAreTwoClustersWithTheirOwnChildren() {
        var graph = new ResourceGraph(plan(
                component("urn:a", "platform:components:A", "a", ""),
                custom("urn:x", "aws:iam/role:Role", "urn:a"),
                component("urn:b", "platform:components:B", "b", ""),
                custom("urn:y", "aws:iam/role:Role", "urn:b", "urn:a")));
        var dot = GraphRenderer.dot(graph);
        assertTrue(dot.contains("  subgraph cluster_0 {\n    label=\"a (platform:components:A)\";\n    style=dashed;\n    r0 [label=\"x\\nRole\"];\n  }\n"), dot);
        assertTrue(dot.contains("  subgraph cluster_1 {\n    label=\"b (platform:components:B)\";\n    style=dashed;\n    r1 [label=\"y\\nRole\"];\n  }\n"), dot);
        assertTrue(dot.endsWith("  r1 -> r0;\n}\n"), dot);
        var mermaid = GraphRenderer.mermaid(graph);
        assertTrue(mermaid.contains("  subgraph c0[\"a\"]\n    r0[\"x<br/>Role\"]\n  end\n  subgraph c1[\"b\"]\n    r1[\"y<br/>Role\"]\n  end\n"), mermaid);
        assertTrue(mermaid.endsWith("  r1 --> r0\n"), mermaid);
    }

    @Test
    void writeChoosesTheFormatByExtension(@TempDir Path dir) throws Exception {
        var graph = new ResourceGraph(stack());
        GraphRenderer.write(graph, dir.resolve("g.dot"));
        assertEquals(DOT, Files.readString(dir.resolve("g.dot")));
        GraphRenderer.write(graph, dir.resolve("g.mmd"));
        assertEquals(MERMAID, Files.readString(dir.resolve("g.mmd")));
        GraphRenderer.write(graph, dir.resolve("g.mermaid"));
        assertEquals(MERMAID, Files.readString(dir.resolve("g.mermaid")));
        var e = assertThrows(PlanException.class, () -> GraphRenderer.write(graph, dir.resolve("g.png")));
        assertEquals("--graph " + dir.resolve("g.png") + ": name the picture .svg, .dot or .mmd", e.getMessage());
        var missing = assertThrows(PlanException.class, () -> GraphRenderer.write(graph, dir.resolve("no/such/g.dot")));
        assertTrue(missing.getMessage().startsWith("cannot write " + dir.resolve("no/such/g.dot")), missing.getMessage());
    }

    @Test
    void svgIsGraphvizOutputOfTheDot(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(graphviz(), "Graphviz's dot is not installed here: apt-get install graphviz (.ci/run installs it)");
        var file = dir.resolve("g.svg");
        GraphRenderer.write(new ResourceGraph(stack()), file);
        var svg = Files.readString(file);
        assertTrue(svg.contains("<svg"), svg);
        assertTrue(svg.contains("<title>cluster_0</title>"), svg);
        assertEquals(5, svg.split("class=\"edge\"", -1).length - 1, svg);
        var bad = dir.resolve("missing-dir/g.svg");
        var e = assertThrows(PlanException.class, () -> GraphRenderer.write(new ResourceGraph(stack()), bad));
        assertTrue(e.getMessage().startsWith("Graphviz could not render " + bad + ": "), e.getMessage());
    }

    static boolean graphviz() throws Exception {
        var probe = new ProcessBuilder("sh", "-c", "command -v dot").start();
        return probe.waitFor() == 0;
    }

    static String run(String input, String... command) throws Exception {
        var process = new ProcessBuilder(command).start();
        try (var in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return out;
    }
}
