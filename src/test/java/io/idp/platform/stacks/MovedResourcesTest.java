package io.idp.platform.stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlanDiff;
import io.idp.platform.local.PlannedResource;
import io.idp.platform.local.StackDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Stacks deployed before the cluster components existed keep every resource: each URN of the plans
 * made before them (src/test/resources/plans-before) is still registered, or is an alias of exactly
 * one resource of the same type now in its place; and the diff from those plans (as {@link PlanDiff}
 * computes it, with {@link io.idp.platform.local.ReplaceRules}) replaces or deletes no protected
 * resource. Inputs may differ (features added since, such as the secrets' replicas, update them in place).
 */
class MovedResourcesTest {
    static final Path BEFORE = Path.of("src/test/resources/plans-before");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> NEW_COMPONENTS = Set.of("platform:components:ManagementCluster", "platform:components:WorkloadCluster");
    /** Added since the move, when platform:recoveryRegion is set: the replicas and the recovery region's provider. */
    static final Set<String> RECOVERY_COMPONENTS = Set.of("platform:components:StateReplica", "platform:components:SecretReplicas");

    @TempDir
    static Path dir;
    static final Map<String, Plan> PLANS = new LinkedHashMap<>();

    @BeforeAll
    static void planEveryStack() {
        TestProject.copyOfRepository(dir);
        var engine = new OfflineEngine(dir);
        var stacks = new StackDirectory(dir).stacks();
        var ordered = stacks.stream().sorted((a, b) -> Boolean.compare(!a.equals("mgmt"), !b.equals("mgmt"))).toList();
        for (var stack : ordered) {
            var plan = engine.plan(stack).plan();
            engine.plans().write(plan);
            PLANS.put(stack, plan);
        }
    }

    @Test
    void everyStackOfBeforeIsCheckedAndHadResources() throws IOException {
        for (var stack : List.of("mgmt", "production-east", "production-west", "staging")) {
            assertTrue(PLANS.containsKey(stack), stack + " is no longer a stack file");
            assertTrue(before(stack).size() >= 30, stack);
        }
    }

    @Test
    void everyFormerUrnIsStillThereOrAnAliasOfOneResourceOfTheSameType() throws IOException {
        var problems = new ArrayList<String>();
        for (var stack : checkedStacks()) {
            var now = PLANS.get(stack).resources();
            for (var old : before(stack)) {
                var urn = old.get("urn").asText();
                var matches = now.stream().filter(r -> r.urn().equals(urn) || r.aliases().contains(urn)).toList();
                if (matches.size() != 1) {
                    problems.add(stack + ": " + urn + " is " + (matches.isEmpty() ? "neither registered nor an alias" : "claimed by "
                            + matches.stream().map(PlannedResource::urn).toList()));
                    continue;
                }
                var resource = matches.get(0);
                if (!old.get("type").asText().equals(resource.type())) {
                    problems.add(stack + ": " + urn + " changed type to " + resource.type() + " (a replacement)");
                }
                if (old.get("protect").asBoolean() != resource.protect() || old.get("retainOnDelete").asBoolean() != resource.retainOnDelete()) {
                    problems.add(stack + ": " + urn + " changed protect or retainOnDelete");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noProtectedResourceWouldBeReplacedOrDeleted() throws IOException {
        var protectedKept = 0;
        for (var stack : checkedStacks()) {
            var diff = PlanDiff.between(beforePlan(stack), PLANS.get(stack));
            assertEquals(List.of(), diff.protectedLosses().stream().map(c -> c.op() + " " + c.resource().urn()).toList(), stack);
            protectedKept += (int) before(stack).stream().filter(r -> r.get("protect").asBoolean()).count();
        }
        // The EKS clusters and their secrets keys of mgmt and the two EKS workload stacks, at least.
        assertTrue(protectedKept >= 6, "protected resources checked: " + protectedKept);
    }

    @Test
    void aProtectedResourceLeftOutWouldBeSeenAsALoss() throws IOException {
        var before = beforePlan("mgmt");
        var cluster = before.resources().stream().filter(r -> r.protect() && r.type().equals("aws:eks/cluster:Cluster")).findFirst().orElseThrow();
        var now = PLANS.get("mgmt");
        var without = new Plan(now.formatVersion(), now.project(), now.stack(), now.role(), now.resources().stream()
                .filter(r -> !r.urn().equals(cluster.urn()) && !r.aliases().contains(cluster.urn())).toList(), now.outputs(), now.secretOutputs());
        var losses = PlanDiff.between(before, without).protectedLosses();
        assertEquals(List.of(cluster.urn()), losses.stream().map(c -> c.resource().urn()).toList());
    }

    @Test
    void onlyTheNewComponentsAndTheRecoveryResourcesAreNew() throws IOException {
        for (var stack : checkedStacks()) {
            var former = before(stack).stream().map(r -> r.get("urn").asText()).collect(Collectors.toSet());
            var fresh = PLANS.get(stack).resources().stream()
                    .filter(r -> !former.contains(r.urn()) && r.aliases().stream().noneMatch(former::contains)).toList();
            var recovery = fresh.stream().filter(r -> RECOVERY_COMPONENTS.contains(r.type())).map(PlannedResource::urn).collect(Collectors.toSet());
            var other = fresh.stream().filter(r -> !recovery.contains(r.urn()) && !recovery.contains(r.parent())
                    && !(r.type().equals("pulumi:providers:aws") && r.name().equals("aws-recovery"))).map(PlannedResource::type).toList();
            assertEquals(1, other.size(), stack + ": " + other);
            assertTrue(NEW_COMPONENTS.containsAll(other), stack + ": " + other);
        }
    }

    private static List<String> checkedStacks() {
        return PLANS.keySet().stream().filter(stack -> Files.exists(BEFORE.resolve(stack + ".jsonl"))).toList();
    }

    /** The plan of before as {@link PlanDiff} reads one: each registration's type, name, inputs and protection. */
    @SuppressWarnings("unchecked")
    private static Plan beforePlan(String stack) throws IOException {
        var resources = new ArrayList<PlannedResource>();
        for (var old : before(stack)) {
            resources.add(new PlannedResource(old.get("urn").asText(), old.get("type").asText(), old.get("name").asText(), null,
                    old.get("custom").asBoolean(), old.get("read").asBoolean(), null, JSON.convertValue(old.get("inputs"), Map.class),
                    Map.of(), List.of(), Map.of(), old.get("protect").asBoolean(), old.get("retainOnDelete").asBoolean(),
                    List.of(), List.of(), false, null));
        }
        var now = PLANS.get(stack);
        return new Plan(Plan.FORMAT_VERSION, now.project(), stack, now.role(), resources, Map.of(), List.of());
    }

    private static List<JsonNode> before(String stack) throws IOException {
        var result = new ArrayList<JsonNode>();
        for (var line : Files.readAllLines(BEFORE.resolve(stack + ".jsonl"))) {
            if (!line.isBlank()) {
                result.add(JSON.readTree(line));
            }
        }
        return result;
    }
}
