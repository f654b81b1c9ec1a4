package io.idp.platform.stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NumericNode;
import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
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
 * made before them (src/test/resources/plans-before) is still registered, or is an alias of the
 * resource now in its place, which has the same type and inputs; no protected resource changes.
 */
class MovedResourcesTest {
    static final Path BEFORE = Path.of("src/test/resources/plans-before");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> NEW_COMPONENTS = Set.of("platform:components:ManagementCluster", "platform:components:WorkloadCluster");

    @TempDir
    static Path dir;
    static final Map<String, Plan> PLANS = new LinkedHashMap<>();
    /**
     * Repository files deleted on purpose: the retired ingress-nginx edge's (docs/migrating-from-ingress-nginx.md).
     * Files in git, neither protected nor holding data; the URN's name ends with the file's path.
     */
    static final Set<String> DELETED_FILES = Set.of(
            "gitops-files:registry/clusters/mgmt/argocd-ingress.yaml",
            "gitops-files:registry/clusters/mgmt/ingress-nginx.yaml",
            "gitops-files:registry/clusters/mgmt/manifests/argocd-ingress/ingress.yaml",
            "app-template-files:chart/templates/ingress.yaml");

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
    void everyFormerUrnIsStillThereOrAnAliasAndNothingForcesAReplacement() throws IOException {
        var problems = new ArrayList<String>();
        for (var stack : PLANS.keySet()) {
            if (!Files.exists(BEFORE.resolve(stack + ".jsonl"))) {
                continue;
            }
            var now = PLANS.get(stack).resources();
            for (var old : before(stack)) {
                var urn = old.get("urn").asText();
                if (urn.contains("github:index/repositoryFile:RepositoryFile::")
                        && DELETED_FILES.contains(urn.substring(urn.lastIndexOf("::") + 2))) {
                    continue;
                }
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
                problems.addAll(replacingChanges(stack, old, resource));
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * Inputs may change after the move (later features change what a resource is set to); what must
     * not happen is a change the provider can only make by replacing the resource.
     */
    private static List<String> replacingChanges(String stack, JsonNode old, PlannedResource resource) {
        var problems = new ArrayList<String>();
        var keys = new java.util.TreeSet<String>(resource.inputs().keySet());
        old.get("inputs").fieldNames().forEachRemaining(keys::add);
        for (var key : keys) {
            var before = old.get("inputs").get(key);
            var after = resource.inputs().get(key);
            // A masked secret compares with nothing, and an ARN is another resource's id that the
            // simulated cloud may spell differently between versions: neither is this resource's setting.
            if (masked(before) || "[secret]".equals(after) || (after instanceof String text && text.startsWith("arn:aws:"))) {
                continue;
            }
            boolean same = before == null ? after == null : after != null && sameValue(before, after);
            if (!same && io.idp.platform.local.ReplaceRules.replaces(resource.type(), key, resource.replaceOnChanges())) {
                problems.add(stack + ": " + old.get("urn").asText() + " changes " + key + ", which forces a replacement");
            }
        }
        return problems;
    }

    @Test
    void noResourceMovedWithoutAnAlias() throws IOException {
        for (var stack : PLANS.keySet()) {
            if (!Files.exists(BEFORE.resolve(stack + ".jsonl"))) {
                continue;
            }
            var former = before(stack).stream().map(r -> r.get("urn").asText()).collect(Collectors.toSet());
            var formerIdentities = before(stack).stream().map(r -> r.get("type").asText() + " " + r.get("name").asText())
                    .collect(Collectors.toSet());
            var fresh = PLANS.get(stack).resources().stream()
                    .filter(r -> !former.contains(r.urn()) && r.aliases().stream().noneMatch(former::contains)).toList();
            // A resource of the same type and name under a new URN, without an alias, would be deleted and created.
            var movedWithoutAlias = fresh.stream().filter(r -> formerIdentities.contains(r.type() + " " + r.name()))
                    .map(PlannedResource::urn).toList();
            assertEquals(List.of(), movedWithoutAlias, stack);
            assertTrue(fresh.stream().anyMatch(r -> NEW_COMPONENTS.contains(r.type())), stack + ": the new component level");
        }
    }

    @Test
    void protectedResourcesMovedUnderAComponentKeepTheirState() throws IOException {
        var protectedMoved = 0;
        for (var stack : PLANS.keySet()) {
            if (!Files.exists(BEFORE.resolve(stack + ".jsonl"))) {
                continue;
            }
            var now = PLANS.get(stack).resources();
            for (var old : before(stack)) {
                if (!old.get("protect").asBoolean()) {
                    continue;
                }
                var urn = old.get("urn").asText();
                var moved = now.stream().filter(r -> r.aliases().contains(urn)).findFirst();
                if (moved.isPresent()) {
                    protectedMoved++;
                    assertTrue(moved.get().protect(), urn);
                    assertEquals(List.of(), replacingChanges(stack, old, moved.get()), urn);
                }
            }
        }
        // The EKS clusters and their secrets keys of mgmt and the two EKS workload stacks, at least.
        assertTrue(protectedMoved >= 6, "protected resources moved: " + protectedMoved);
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

    /** Equal as JSON, numbers by value (the files were written by jq, which prints 3600.0 as 3600). */
    private static boolean masked(JsonNode value) {
        return value != null && value.isTextual() && value.asText().equals("[secret]");
    }

    private static boolean sameValue(JsonNode old, Object now) {
        try {
            var current = JSON.readTree(JSON.writeValueAsString(now));
            return old.equals((a, b) -> a.equals(b) ? 0
                    : a instanceof NumericNode x && b instanceof NumericNode y ? Double.compare(x.doubleValue(), y.doubleValue()) : 1, current);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
