package io.idp.platform.graph;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.idp.platform.graph.GraphFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** What waits for what: dependencies, property dependencies, providers, components, reads. */
class ResourceGraphTest {
    @Test
    void aResourceWaitsForItsProviderPropertiesAndTheChildrenOfComponents() {
        var graph = new ResourceGraph(stack());
        assertEquals(Set.of("urn:prov", "urn:role", "urn:vpc", "urn:subnet"), graph.dependencies("urn:cluster"),
                "a read stack reference and a resource outside the plan are no dependencies");
        assertEquals(Set.of("urn:vpc"), graph.dependencies("urn:subnet"));
        assertEquals(Set.of(), graph.dependencies("urn:net"), "components have no dependencies of their own");
        assertEquals(Set.of(), graph.dependencies("urn:unknown"));
    }

    @Test
    void nodesAreCloudResourcesOnlyAndAllIsEverything() {
        var graph = new ResourceGraph(stack());
        assertEquals(List.of("vpc", "subnet", "prov", "role", "cluster"), graph.nodes().stream().map(r -> r.name()).toList());
        assertEquals(List.of("urn:stack", "urn:net", "urn:vpc", "urn:subnet", "urn:prov", "urn:role", "urn:ref", "urn:cluster"),
                List.copyOf(graph.all().keySet()));
        assertEquals("aws:iam/role:Role", graph.resource("urn:role").type());
    }

    @Test
    void aDependencyOnItsOwnComponentIsNotADependencyOnItself() {
        var graph = new ResourceGraph(plan(
                component("urn:c", "platform:components:C", "c", ""),
                custom("urn:a", "aws:iam/role:Role", "urn:c"),
                custom("urn:b", "aws:iam/role:Role", "urn:c", "urn:c")));
        assertEquals(Set.of("urn:a"), graph.dependencies("urn:b"));
    }

    @Test
    void nestedComponentsExpandToTheirCloudResources() {
        var graph = new ResourceGraph(plan(
                component("urn:outer", "platform:components:Outer", "outer", ""),
                component("urn:inner", "platform:components:Inner", "inner", "urn:outer"),
                custom("urn:deep", "aws:kms/key:Key", "urn:inner"),
                custom("urn:user", "aws:iam/role:Role", "", "urn:outer")));
        assertEquals(Set.of("urn:deep"), graph.dependencies("urn:user"));
    }

    @Test
    void providersTakeNoTimeAndUnknownTypesTheDefault() {
        assertEquals(0, ProvisioningTimes.seconds("pulumi:providers:aws"));
        assertEquals(3, ProvisioningTimes.seconds("aws:unknown/thing:Thing"));
        assertEquals(600, ProvisioningTimes.seconds("aws:eks/cluster:Cluster"));
    }

    @Test
    void aComponentsOwnDependenciesAreNotEdges() {
        var graph = new ResourceGraph(plan(
                custom("urn:role", "aws:iam/role:Role", ""),
                resource("urn:c", "platform:components:C", "c", "", false, false, "", List.of("urn:role"), java.util.Map.of())));
        assertEquals(Set.of(), graph.dependencies("urn:c"));
    }
}
