package io.idp.platform.stacks;

import io.idp.platform.contract.ManagementOutputs;
import io.idp.platform.TestProject;
import io.idp.platform.local.EngineUrn;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.StackDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Properties every stack file of the repository must have, planned as pulumi up and as pulumi
 * preview sees the program: the same resources either way, the engine's URNs, every AWS resource
 * on the stack's explicit provider, and secrets only where a secret flows.
 */
class EveryStackPlanTest {
    @TempDir
    static Path dir;
    static List<String> stacks;
    static final Map<String, Plan> UP = new LinkedHashMap<>();
    static final Map<String, Plan> PREVIEW = new LinkedHashMap<>();

    @BeforeAll
    static void planEveryStack() {
        TestProject.copyOfRepository(dir);
        var engine = new OfflineEngine(dir);
        stacks = new StackDirectory(dir).stacks();
        // The management stack first: workload stacks read its outputs.
        var ordered = stacks.stream().sorted((a, b) -> Boolean.compare(!a.equals("mgmt"), !b.equals("mgmt"))).toList();
        for (var stack : ordered) {
            var up = engine.plan(stack).plan();
            engine.plans().write(up);
            UP.put(stack, up);
            PREVIEW.put(stack, engine.preview(stack).plan());
        }
    }

    @Test
    void theRepositoryHasAManagementAndSeveralWorkloadStacks() {
        assertTrue(stacks.contains("mgmt"), stacks.toString());
        assertTrue(stacks.size() >= 4, stacks.toString());
    }

    @Test
    void aPreviewRegistersTheSameResourcesWithTheSameOptions() {
        for (var stack : stacks) {
            var up = shape(UP.get(stack));
            var preview = shape(PREVIEW.get(stack));
            var onlyUp = new TreeSet<>(up);
            onlyUp.removeAll(preview);
            var onlyPreview = new TreeSet<>(preview);
            onlyPreview.removeAll(up);
            assertEquals(Set.of(), onlyUp, stack + ": registered differently in a preview: " + onlyPreview);
            assertTrue(up.size() > 10, stack);
        }
    }

    /**
     * Identity, options and input names of every registration, provider references without their
     * ids. Secretness is compared on its own: a secret not known in a preview is sent as unknown.
     */
    private static Set<String> shape(Plan plan) {
        return plan.resources().stream().map(r -> String.join(" | ", r.urn(), r.parent(), EngineUrn.ofProviderReference(r.provider()),
                        "protect=" + r.protect(), "retain=" + r.retainOnDelete(), "ignore=" + r.ignoreChanges(),
                        "deps=" + r.dependencies(), "inputs=" + r.inputs().keySet()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aPreviewDoesNotKnowWhatOnlyTheCloudComputes() {
        var preview = PREVIEW.get("production-east");
        var cluster = preview.ofType("aws:eks/cluster:Cluster").get(0);
        assertEquals("[unknown]", cluster.outputs().get("endpoint"), "the endpoint exists only after creation");
        assertFalse(cluster.outputs().containsKey("id"), "a resource to be created has no id in a preview");
        var registration = preview.ofType("kubernetes:core/v1:Secret").stream()
                .filter(s -> s.name().contains("production-east")).findFirst().orElseThrow();
        assertTrue(registration.inputs().toString().contains("[unknown]"), "the cluster Secret carries the endpoint: " + registration.inputs());
        var up = UP.get("production-east").ofType("aws:eks/cluster:Cluster").get(0);
        assertTrue(String.valueOf(up.outputs().get("endpoint")).startsWith("https://"), "an up knows it");
    }

    @Test
    void urnsAreTheEnginesWithoutTheRootStackType() {
        for (var stack : stacks) {
            var plan = UP.get(stack);
            for (var resource : plan.resources()) {
                var expected = EngineUrn.of(stack, plan.project(), resource.parent(), resource.type(), resource.name());
                assertEquals(expected, resource.urn(), "URN of " + resource.name() + " in " + stack);
                if (!resource.type().equals("pulumi:pulumi:Stack")) {
                    assertFalse(resource.urn().contains("pulumi:pulumi:Stack$"), resource.urn());
                }
            }
        }
        var state = UP.get("mgmt").resources().stream().filter(r -> r.name().equals("state-bucket")).findFirst().orElseThrow();
        assertEquals("urn:pulumi:mgmt::platform::platform:components:StateStore$aws:s3/bucketV2:BucketV2::state-bucket", state.urn());
    }

    @Test
    void everyAwsResourceUsesTheStacksExplicitProvider() {
        for (var stack : stacks) {
            var onDefault = UP.get(stack).resources().stream()
                    .filter(r -> r.custom() && !r.read() && r.type().startsWith("aws:"))
                    .filter(r -> !r.provider().startsWith("urn:"))
                    .map(r -> r.type() + " " + r.name()).toList();
            assertEquals(List.of(), onDefault, stack + ": AWS resources on the default provider miss the stack's region and tags");
        }
    }

    @Test
    void aWorkloadStackHoldsSecretsOnlyWhereASecretFlows() {
        var expected = Set.of(
                "aws:secretsmanager/secretVersion:SecretVersion secret-clusters-production-east-cloudflare-cert-manager-token secretString",
                "aws:secretsmanager/secretVersion:SecretVersion secret-clusters-production-east-cloudflare-external-dns-token secretString",
                // The remote-write login to the management cluster's Prometheus: its password, and its htpasswd line.
                "aws:secretsmanager/secretVersion:SecretVersion secret-clusters-production-east-prometheus-remote-write-password secretString",
                "aws:secretsmanager/secretVersion:SecretVersion secret-prometheus-write-users-production-east secretString",
                "pulumi:providers:cloudflare cloudflare apiToken",
                "pulumi:providers:github github token",
                "pulumi:providers:kubernetes production-east-kubernetes kubeconfig");
        // The management cluster's kubeconfig is not among them: it holds no credential (aws eks get-token).
        assertEquals(new TreeSet<>(expected), SecretInputs.of(UP.get("production-east")));
        // In a preview a secret that is not known yet (a token to be created) is sent as unknown.
        var preview = PREVIEW.get("production-east");
        var unknownInPreview = expected.stream().filter(entry -> {
            var parts = entry.split(" ");
            return preview.ofType(parts[0]).stream().anyMatch(r -> r.name().equals(parts[1])
                    && "[unknown]".equals(r.inputs().get(parts[2])));
        }).collect(Collectors.toSet());
        var knownSecrets = new TreeSet<>(expected);
        knownSecrets.removeAll(unknownInPreview);
        assertEquals(knownSecrets, SecretInputs.of(preview));
        assertTrue(knownSecrets.contains("pulumi:providers:github github token"), "the stored token is read in a preview too");
        var virtual = SecretInputs.of(UP.get("staging"));
        assertEquals(Set.of(
                "aws:secretsmanager/secretVersion:SecretVersion secret-clusters-staging-cloudflare-cert-manager-token secretString",
                "aws:secretsmanager/secretVersion:SecretVersion secret-clusters-staging-cloudflare-external-dns-token secretString",
                "pulumi:providers:cloudflare cloudflare apiToken",
                "pulumi:providers:github github token"), virtual);
        assertEquals(List.of(), UP.get("production-east").secretOutputs(), "a workload stack's outputs are not secret");
    }

    @Test
    void theManagementStackExportsOnlyTheKubeconfigAsSecret() {
        assertEquals(List.of(ManagementOutputs.KUBECONFIG), UP.get("mgmt").secretOutputs());
    }
}
