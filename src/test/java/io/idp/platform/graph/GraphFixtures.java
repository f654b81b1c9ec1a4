package io.idp.platform.graph;

import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;

import java.util.List;
import java.util.Map;

/** Small plans for the graph tests: one place that builds resources, whatever the record grows. */
final class GraphFixtures {
    private GraphFixtures() {
    }

    static PlannedResource resource(String urn, String type, String name, String parent, boolean custom, boolean read,
                                    String provider, List<String> dependsOn, Map<String, List<String>> propertyDependencies) {
        return new PlannedResource(urn, type, name, parent, custom, read, provider, Map.of(), Map.of(), dependsOn,
                propertyDependencies, false, false, List.of(), List.of(), false, "");
    }

    static PlannedResource custom(String urn, String type, String parent, String... dependsOn) {
        return resource(urn, type, urn.substring(urn.lastIndexOf(':') + 1), parent, true, false, "", List.of(dependsOn), Map.of());
    }

    static PlannedResource component(String urn, String type, String name, String parent) {
        return resource(urn, type, name, parent, false, false, "", List.of(), Map.of());
    }

    static Plan plan(PlannedResource... resources) {
        return new Plan(Plan.FORMAT_VERSION, "platform", "t", "management", List.of(resources), Map.of(), List.of());
    }

    /**
     * A stack holding a network component (vpc, subnet), a provider, a role, a cluster that waits
     * for the network, the role (through a property) and the provider, and a stack reference it reads.
     */
    static Plan stack() {
        return plan(
                component("urn:stack", "pulumi:pulumi:Stack", "platform-t", ""),
                component("urn:net", "platform:components:Network", "net \"main\"", "urn:stack"),
                custom("urn:vpc", "aws:ec2/vpc:Vpc", "urn:net"),
                custom("urn:subnet", "aws:ec2/subnet:Subnet", "urn:net", "urn:vpc"),
                custom("urn:prov", "pulumi:providers:aws", "urn:stack"),
                custom("urn:role", "aws:iam/role:Role", "urn:stack"),
                resource("urn:ref", "pulumi:pulumi:StackReference", "mgmt", "urn:stack", true, true, "", List.of(), Map.of()),
                resource("urn:cluster", "aws:eks/cluster:Cluster", "cluster", "urn:stack", true, false, "urn:prov::prov-id",
                        List.of("urn:net", "urn:ref", "urn:gone"), Map.of("roleArn", List.of("urn:role"))));
    }
}
