package io.idp.platform.graph;

import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class CriticalPathTest {
    static PlannedResource resource(String type, String name, String parent, boolean custom, List<String> dependsOn) {
        return new PlannedResource("urn:" + name, type, name, parent, custom, false, "", Map.of(), Map.of(), dependsOn, Map.of(),
                false, false, List.of(), List.of(), false, "");
    }

    /** role -> cluster -> nodes, and a VPC beside them; a component holds the VPC. */
    static Plan plan() {
        return new Plan(Plan.FORMAT_VERSION, "platform", "t", "management", List.of(
                resource("platform:components:Network", "network", "", false, List.of()),
                resource("aws:ec2/vpc:Vpc", "vpc", "urn:network", true, List.of()),
                resource("aws:iam/role:Role", "role", "", true, List.of()),
                resource("aws:eks/cluster:Cluster", "cluster", "", true, List.of("urn:role", "urn:network")),
                resource("aws:eks/nodeGroup:NodeGroup", "nodes", "", true, List.of("urn:cluster"))), Map.of(), List.of());
    }

    @Test
    void theLongestChainOfCreationsIsTheMinimum() {
        var path = CriticalPath.of(new ResourceGraph(plan()));
        assertEquals(10 + 600 + 240, path.minimumSeconds());
        assertEquals(5 + 10 + 600 + 240, path.serialSeconds());
        assertEquals(List.of("role", "cluster", "nodes"), path.path().stream().map(CriticalPath.Step::name).toList());
    }

    @Test
    void aDependencyOnAComponentIsADependencyOnItsChildren() {
        var graph = new ResourceGraph(plan());
        assertEquals(java.util.Set.of("urn:role", "urn:vpc"), graph.dependencies("urn:cluster"));
    }

    @Test
    void theFormatNamesMinimumSerialAndEachStep() {
        var text = CriticalPath.of(new ResourceGraph(plan())).format();
        assertTrue(text.startsWith("critical path (estimated minimum pulumi up: 14m10s; all creations one after another: 14m15s):"), text);
        assertTrue(text.contains("14m10s  aws:eks/nodeGroup:NodeGroup"), text);
    }

    @Test
    void aCycleIsReported() {
        var cyclic = new Plan(Plan.FORMAT_VERSION, "platform", "t", "management", List.of(
                resource("aws:iam/role:Role", "a", "", true, List.of("urn:b")),
                resource("aws:iam/role:Role", "b", "", true, List.of("urn:a"))), Map.of(), List.of());
        var e = assertThrows(IllegalStateException.class, () -> CriticalPath.of(new ResourceGraph(cyclic)));
        assertTrue(e.getMessage().contains("cycle"));
    }

    @Test
    void dotDrawsComponentsAsClustersAndEdgesTowardsDependencies() {
        var dot = GraphRenderer.dot(new ResourceGraph(plan()));
        assertTrue(dot.contains("subgraph cluster_0 {\n    label=\"network (platform:components:Network)\""), dot);
        assertEquals(3, dot.lines().filter(l -> l.contains(" -> ")).count(), dot);
    }

    @Test
    void mermaidHasTheSameEdges() {
        var mermaid = GraphRenderer.mermaid(new ResourceGraph(plan()));
        assertTrue(mermaid.startsWith("flowchart LR\n"));
        assertEquals(3, mermaid.lines().filter(l -> l.contains(" --> ")).count(), mermaid);
    }

    @Test
    void svgIsRenderedByGraphviz(@TempDir Path dir) throws Exception {
        var dot = new ProcessBuilder("sh", "-c", "command -v dot").start();
        Assumptions.assumeTrue(dot.waitFor() == 0, "Graphviz is not installed here; .ci/run installs it");
        var file = dir.resolve("plan.svg");
        GraphRenderer.write(new ResourceGraph(plan()), file);
        var svg = Files.readString(file);
        assertTrue(svg.contains("<svg"), svg);
        assertTrue(svg.contains("nodes"), svg);
    }
}
