package io.idp.platform.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.idp.platform.TestProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The management cluster rebuilt with {@code ./platform plan mgmt --replace <cluster>}: refused while
 * it is protected, and with --allow-loss only the cluster and what depends on it come back, never a
 * data resource; then each workload stack, planned against the new outputs, recreates exactly what
 * lived in the old management cluster.
 */
class RebuildManagementClusterTest {
    static final String CLUSTER_URN = "urn:pulumi:mgmt::platform::platform:components:ManagementCluster$platform:components:EksCluster$aws:eks/cluster:Cluster::mgmt-cluster";
    /** The data a rebuild must never touch: state, keys, secrets, the gitops repository, their replicas. */
    static final Set<String> DATA_TYPES = Set.of("aws:s3/bucketV2:BucketV2", "aws:kms/key:Key", "aws:secretsmanager/secret:Secret",
            "aws:secretsmanager/secretVersion:SecretVersion", "github:index/repository:Repository",
            "aws:s3/bucketReplicationConfig:BucketReplicationConfig", "aws:ec2/vpc:Vpc");

    @TempDir
    Path dir;
    TestProject project;

    @BeforeEach
    void planTheFleet() {
        project = TestProject.copyOfRepository(dir);
        for (var stack : List.of("mgmt", "production-east", "production-west", "staging")) {
            assertEquals(0, project.cli("plan", stack), project.err());
        }
    }

    JsonObject planJson(String... args) {
        project.cli(args);
        return JsonParser.parseString(project.out()).getAsJsonObject();
    }

    static Set<String> replaced(JsonObject plan) {
        var names = new TreeSet<String>();
        plan.getAsJsonArray("changes").forEach(c -> {
            var change = c.getAsJsonObject();
            if (change.get("op").getAsString().equals("replace")) {
                names.add(change.get("type").getAsString() + " " + change.get("name").getAsString());
            }
        });
        return names;
    }

    static Set<String> ops(JsonObject plan, String op) {
        var names = new TreeSet<String>();
        plan.getAsJsonArray("changes").forEach(c -> {
            if (c.getAsJsonObject().get("op").getAsString().equals(op)) {
                names.add(c.getAsJsonObject().get("name").getAsString());
            }
        });
        return names;
    }

    @Test
    void replacingTheProtectedClusterIsRefusedWithoutAllowLoss() {
        var plan = planJson("plan", "mgmt", "--replace", CLUSTER_URN, "--json");
        assertFalse(plan.get("ok").getAsBoolean());
        assertEquals(CLUSTER_URN, plan.getAsJsonArray("protectedLosses").get(0).getAsJsonObject().get("urn").getAsString());
        assertEquals(1, plan.getAsJsonArray("protectedLosses").size());
        assertEquals(PlatformCli.PLAN_ERROR, project.cli("plan", "mgmt", "--replace", CLUSTER_URN));
        assertTrue(project.out().contains("refused: re-run with --allow-loss"), project.out());
    }

    @Test
    void anAmbiguousOrUnknownTargetIsAUsageError() {
        assertEquals(PlatformCli.USAGE_ERROR, project.cli("plan", "mgmt", "--replace", "mgmt-cluster"));
        assertTrue(project.err().contains("names 2 resources; give one URN"), project.err());
        assertEquals(PlatformCli.USAGE_ERROR, project.cli("plan", "mgmt", "--replace", "mgmt-nodez"));
        assertTrue(project.err().contains("did you mean mgmt-nodes?"), project.err());
    }

    @Test
    void withAllowLossOnlyTheClusterAndWhatDependsOnItAreRecreatedThenEachWorkloadRestoresItsRegistration() {
        var mgmt = planJson("plan", "mgmt", "--replace", CLUSTER_URN, "--allow-loss", "--json");
        assertTrue(mgmt.get("ok").getAsBoolean());
        assertEquals(new TreeSet<>(List.of(
                "aws:eks/cluster:Cluster mgmt-cluster",
                "aws:eks/nodeGroup:NodeGroup mgmt-nodes",
                "aws:eks/addon:Addon mgmt-aws-ebs-csi-driver", "aws:eks/addon:Addon mgmt-coredns",
                "aws:eks/addon:Addon mgmt-eks-pod-identity-agent", "aws:eks/addon:Addon mgmt-kube-proxy", "aws:eks/addon:Addon mgmt-vpc-cni",
                "aws:eks/accessEntry:AccessEntry mgmt-deploy-admin",
                // people's access entries (people.yaml) name the cluster too, so they come back with it
                "aws:eks/accessEntry:AccessEntry mgmt-access-admins-111122223333-AWSReservedSSO_PlatformAdmins_0a1b2c3d4e5f6a7b",
                "aws:eks/accessEntry:AccessEntry mgmt-access-contractors-111122223333-AWSReservedSSO_Contractors_2c3d4e5f6a7b8c9d",
                "aws:eks/accessEntry:AccessEntry mgmt-access-developers-111122223333-AWSReservedSSO_Developers_1b2c3d4e5f6a7b8c",
                "aws:eks/accessEntry:AccessEntry mgmt-karpenter-nodes",
                "aws:iam/openIdConnectProvider:OpenIdConnectProvider mgmt-oidc",
                "pulumi:providers:kubernetes mgmt-kubernetes",
                "kubernetes:core/v1:Namespace argocd-namespace", "kubernetes:core/v1:Secret argocd-gitops-credentials",
                "kubernetes:helm.sh/v3:Release argocd-release", "kubernetes:argoproj.io/v1alpha1:Application argocd-root",
                "kubernetes:argoproj.io/v1alpha1:AppProject argocd-root-project")),
                replaced(mgmt));
        assertEquals(Set.of(), ops(mgmt, "delete"));
        assertEquals(Set.of(), ops(mgmt, "create"));
        // The roles that trust the cluster's OIDC issuer are updated in place to trust the new one.
        assertEquals(Set.of("argocd-fleet", "mgmt-backups-velero", "mgmt-ebs-csi", "mgmt-external-secrets", "mgmt-karpenter-controller", "mgmt-vpc-cni",
                        "mgmt-observability-logs-role", "mgmt-observability-traces-role", "mgmt-workflow-artifacts-role"),
                ops(mgmt, "update"));
        mgmt.getAsJsonArray("changes").forEach(c -> assertFalse(DATA_TYPES.contains(c.getAsJsonObject().get("type").getAsString()),
                "a data resource changes: " + c));

        // Each workload stack, planned against the new outputs.
        var east = planJson("plan", "production-east", "--json");
        assertTrue(east.get("ok").getAsBoolean(), east.toString());
        assertEquals(Set.of("pulumi:providers:kubernetes management-cluster", "kubernetes:core/v1:Secret cluster-production-east"),
                replaced(east), "the registration Secret is written into the new management cluster");
        var west = planJson("plan", "production-west", "--json");
        assertEquals(Set.of("pulumi:providers:kubernetes management-cluster", "kubernetes:core/v1:Secret cluster-production-west"), replaced(west));
        var staging = planJson("plan", "staging", "--json");
        // The virtual cluster comes back from its definition, with its registration and its secrets' plumbing.
        assertEquals(new TreeSet<>(List.of("pulumi:providers:kubernetes management-cluster",
                "kubernetes:core/v1:Namespace staging-namespace", "kubernetes:helm.sh/v3:Release staging-vcluster",
                "kubernetes:core/v1:ServiceAccount staging-registration", "kubernetes:core/v1:ServiceAccount staging-secrets",
                "kubernetes:rbac.authorization.k8s.io/v1:Role staging-registration",
                "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding staging-registration",
                "kubernetes:external-secrets.io/v1:ClusterSecretStore staging-credentials-store",
                "kubernetes:external-secrets.io/v1:SecretStore staging-secret-store",
                "kubernetes:external-secrets.io/v1:ExternalSecret staging-dns-token",
                "kubernetes:external-secrets.io/v1:ExternalSecret staging-registration")), replaced(staging));
        // Its secrets role trusts the new cluster's OIDC issuer: updated in place.
        assertEquals(Set.of("staging-vcluster-secrets"), ops(staging, "update"));
        for (var plan : List.of(east, west, staging)) {
            plan.getAsJsonArray("changes").forEach(c -> assertFalse(DATA_TYPES.contains(c.getAsJsonObject().get("type").getAsString()),
                    "a data resource changes: " + c));
            assertEquals(Set.of(), ops(plan, "delete"));
        }
    }
}
