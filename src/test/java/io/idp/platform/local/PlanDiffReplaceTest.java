package io.idp.platform.local;

import io.idp.platform.local.PlanDiff.Op;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.idp.platform.local.PlanFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** {@code plan --replace}: the forced resources, and what their replacement takes with it by the engine's rules. */
class PlanDiffReplaceTest {
    static final String CLUSTER = "aws:eks/cluster:Cluster";
    static final String ADDON = "aws:test/addon:Addon";
    static final String PROVIDER = "pulumi:providers:kubernetes";

    /** A resource with a provider, property dependencies and delete-before-replace, which the fixtures leave out. */
    static PlannedResource full(String type, String name, Map<String, Object> inputs, String provider,
                                Map<String, List<String>> propertyDependencies, boolean deleteBeforeReplace, String... replaceOnChanges) {
        return new PlannedResource(urn(type, name), type, name, "", true, false, provider, inputs, Map.of(), List.of(),
                propertyDependencies, false, false, List.of(), List.of(replaceOnChanges), deleteBeforeReplace, "");
    }

    static Map<String, Op> ops(PlanDiff diff) {
        var ops = new TreeMap<String, Op>();
        diff.changes().forEach(c -> ops.put(c.resource().name(), c.op()));
        return ops;
    }

    static PlannedResource cluster(boolean deleteBeforeReplace) {
        return full(CLUSTER, "cluster", Map.of("name", "mgmt"), "", Map.of(), deleteBeforeReplace);
    }

    static PlannedResource addon(Object clusterName, String... replaceOnChanges) {
        return full(ADDON, "addon", Map.of("clusterName", clusterName), "",
                Map.of("clusterName", List.of(urn(CLUSTER, "cluster"))), false, replaceOnChanges);
    }

    @Test
    void aForcedResourceIsReplacedThoughItsInputsAreTheSame() {
        var other = custom("aws:ec2/vpc:Vpc", "vpc", Map.of("cidr", "10.0.0.0/16"));
        var plan = plan(cluster(false), other);
        var diff = PlanDiff.between(plan, plan, Set.of(urn(CLUSTER, "cluster")));
        assertEquals(Map.of("cluster", Op.REPLACE, "vpc", Op.SAME), ops(diff));
        var reason = diff.changes().stream().filter(c -> c.resource().name().equals("cluster")).findFirst().orElseThrow().properties();
        assertEquals(List.of(new PlanDiff.PropertyChange("[replace]", null, "forced", true)), reason);
        assertEquals(Map.of("cluster", Op.SAME, "vpc", Op.SAME), ops(PlanDiff.between(plan, plan, Set.of())));
    }

    @Test
    void deleteBeforeReplaceTakesTheDependentsWhoseForcingInputComesFromIt() {
        var plan = plan(addon("mgmt", "clusterName"), cluster(true));
        var diff = PlanDiff.between(plan, plan, Set.of(urn(CLUSTER, "cluster")));
        assertEquals(Map.of("addon", Op.REPLACE, "cluster", Op.REPLACE), ops(diff), "listed before its source, still found");
        var reason = diff.changes().stream().filter(c -> c.resource().name().equals("addon")).findFirst().orElseThrow().properties();
        assertEquals(List.of(new PlanDiff.PropertyChange("clusterName", "from cluster", "from its replacement", true)), reason);
    }

    @Test
    void createBeforeReplaceOrAnInputThatDoesNotForceLeavesTheDependentAlone() {
        var createFirst = plan(addon("mgmt", "clusterName"), cluster(false));
        assertEquals(Op.SAME, ops(PlanDiff.between(createFirst, createFirst, Set.of(urn(CLUSTER, "cluster")))).get("addon"));
        var notForcing = plan(addon("mgmt"), cluster(true));
        assertEquals(Op.SAME, ops(PlanDiff.between(notForcing, notForcing, Set.of(urn(CLUSTER, "cluster")))).get("addon"));
    }

    @Test
    void aMaskedForcingInputFromAReplacedResourceIsTakenToChange() {
        var masked = plan(addon("[secret]", "clusterName"), cluster(false));
        assertEquals(Op.REPLACE, ops(PlanDiff.between(masked, masked, Set.of(urn(CLUSTER, "cluster")))).get("addon"));
        var maskedNotForcing = plan(addon("[secret]"), cluster(false));
        assertEquals(Op.SAME, ops(PlanDiff.between(maskedNotForcing, maskedNotForcing, Set.of(urn(CLUSTER, "cluster")))).get("addon"));
    }

    @Test
    void aReplacedProviderReplacesWhatItManages() {
        var provider = full(PROVIDER, "k8s", Map.of("kubeconfig", "a"), "", Map.of(), false);
        var managed = full("kubernetes:core/v1:Namespace", "ns", Map.of("name", "argocd"), urn(PROVIDER, "k8s") + "::id-1", Map.of(), false);
        var elsewhere = full("kubernetes:core/v1:Namespace", "other", Map.of("name", "x"), urn(PROVIDER, "other") + "::id-2", Map.of(), false);
        var plan = plan(managed, elsewhere, provider);
        var diff = PlanDiff.between(plan, plan, Set.of(urn(PROVIDER, "k8s")));
        assertEquals(Map.of("k8s", Op.REPLACE, "ns", Op.REPLACE, "other", Op.SAME), ops(diff));
    }

    @Test
    void aReplacementFromChangedInputsAlsoTakesItsDependentsWithoutForcing() {
        var before = plan(addon("mgmt", "clusterName"), cluster(true));
        var renamed = full(CLUSTER, "cluster", Map.of("name", "mgmt-2"), "", Map.of(), true, "name");
        var diff = PlanDiff.between(before, plan(addon("mgmt", "clusterName"), renamed), Set.of());
        assertEquals(Map.of("addon", Op.REPLACE, "cluster", Op.REPLACE), ops(diff));
    }
}
