package io.idp.platform.stacks;

import io.idp.platform.contract.ManagementOutputs;
import com.google.gson.JsonParser;
import io.idp.platform.TestProject;
import io.idp.platform.config.ConfigException;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlanFailure;
import io.idp.platform.local.PlanStore;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** Workload stacks, physical and virtual, planned after the management stack. */
class WorkloadStackTest {
    @TempDir
    Path dir;
    TestProject project;
    OfflineEngine engine;
    Plan management;

    @BeforeEach
    void setUp() {
        project = TestProject.copyOfRepository(dir);
        engine = new OfflineEngine(dir);
        management = engine.plan("mgmt").plan();
        engine.plans().write(management);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    static PlannedResource named(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    @Test
    void physicalClusterUsesTheSameCatalogAsManagement() {
        var plan = engine.plan("production-east").plan();
        var versions = (java.util.function.Function<Plan, Map<String, String>>) p -> p.ofType("aws:eks/addon:Addon").stream()
                .collect(Collectors.toMap(a -> String.valueOf(a.inputs().get("addonName")), a -> String.valueOf(a.inputs().get("addonVersion")), (a, b) -> a, TreeMap::new));
        assertEquals(versions.apply(management), versions.apply(plan));
        assertEquals("1.35", named(plan, "aws:eks/cluster:Cluster", "production-east-cluster").inputs().get("version"));
        assertEquals("10.10.0.0/16", named(plan, "aws:ec2/vpc:Vpc", "production-east-vpc").inputs().get("cidrBlock"));
    }

    @Test
    void argoCdReachesAPhysicalClusterThroughItsFleetRoleNotAToken() {
        var plan = engine.plan("production-east").plan();
        var fleetRole = management.outputs().get(ManagementOutputs.ARGOCD_FLEET_ROLE_ARN);
        var entry = named(plan, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation", "production-east-argocd-fleet").inputs();
        assertEquals(fleetRole, entry.get("principalArn"));
        assertEquals("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", entry.get("policyArn"));
        assertEquals(management.outputs().get(ManagementOutputs.CI_DEPLOY_ROLE_ARN),
                named(plan, "aws:eks/accessEntry:AccessEntry", "production-east-deploy-admin").inputs().get("principalArn"));

        var secret = named(plan, "kubernetes:core/v1:Secret", "cluster-production-east");
        var data = map(secret.inputs().get("stringData"));
        var config = JsonParser.parseString(String.valueOf(data.get("config"))).getAsJsonObject();
        assertEquals("production-east", config.getAsJsonObject("awsAuthConfig").get("clusterName").getAsString());
        assertFalse(config.getAsJsonObject("awsAuthConfig").has("roleARN"), "Argo CD uses its own IRSA identity, the fleet role");
        assertFalse(config.has("bearerToken"), "no static token");
        assertEquals(plan.outputs().get("server"), data.get("server"));
    }

    @Test
    void registrationCarriesGitopsBridgeLabelsAndAnnotations() {
        var secret = named(engine.plan("production-east").plan(), "kubernetes:core/v1:Secret", "cluster-production-east");
        var metadata = map(secret.inputs().get("metadata"));
        assertEquals("argocd", metadata.get("namespace"));
        var labels = map(metadata.get("labels"));
        assertEquals("cluster", labels.get("argocd.argoproj.io/secret-type"));
        assertEquals("true", labels.get("environment_production"));
        for (var addon : List.of("cert_manager", "external_dns", "external_secrets", "envoy_gateway", "kyverno", "kube_prometheus_stack")) {
            assertEquals("true", labels.get("enable_" + addon), addon);
        }
        var annotations = map(metadata.get("annotations"));
        assertEquals("production-east.example.com", annotations.get("cluster_hostname"));
        // Applications: <app>-<env>.production-east.example.com, on the cluster's own Gateway.
        assertEquals(".production-east.example.com", annotations.get("apps_hostname_suffix"));
        assertEquals("arn:aws:iam::111122223333:role/production-east-external-secrets", annotations.get("external_secrets_role_arn"));
    }

    @Test
    void eachClusterReadsOnlyItsOwnSecretPath() {
        var plan = engine.plan("production-east").plan();
        var policy = JsonParser.parseString(String.valueOf(named(plan, "aws:iam/rolePolicy:RolePolicy", "production-east-external-secrets-read")
                .inputs().get("policy"))).getAsJsonObject();
        assertEquals("arn:aws:secretsmanager:us-east-1:111122223333:secret:platform/mgmt/clusters/production-east/*",
                policy.getAsJsonArray("Statement").get(0).getAsJsonObject().getAsJsonArray("Resource").get(0).getAsString());
    }

    @Test
    void virtualClusterStaysNearOneCpuAndOneGibAndIsRegisteredWithoutCopyingCredentials() {
        var plan = engine.plan("staging").plan();
        var release = plan.ofType("kubernetes:helm.sh/v3:Release").get(0);
        assertEquals("vcluster", release.inputs().get("chart"));
        assertEquals("vcluster-staging", release.inputs().get("namespace"));
        var resources = map(map(map(map(release.inputs().get("values")).get("controlPlane")).get("statefulSet")).get("resources"));
        assertEquals(Map.of("cpu", "1", "memory", "1Gi"), resources.get("limits"));
        assertEquals(Map.of("cpu", "500m", "memory", "512Mi"), resources.get("requests"));
        var registration = named(plan, "kubernetes:external-secrets.io/v1:ExternalSecret", "staging-registration").inputs();
        assertEquals("argocd", map(registration.get("metadata")).get("namespace"));
        var template = map(map(map(registration.get("spec")).get("target")).get("template"));
        var labels = map(map(template.get("metadata")).get("labels"));
        assertEquals("cluster", labels.get("argocd.argoproj.io/secret-type"));
        assertEquals("true", labels.get("environment_development"));
        assertEquals("true", labels.get("environment_staging"));
        assertNull(labels.get("enable_envoy_gateway"), "virtual clusters share the host's Gateway");
        // Its applications ride the host's edge: routes synced to the host, whose Gateway appears inside under its
        // own name, and hostnames one label under the host's (its wildcard certificate, its external-dns filter).
        var sync = map(map(release.inputs().get("values")).get("sync"));
        assertEquals(Map.of("enabled", true, "httpRoutes", Map.of("enabled", true)), map(sync.get("toHost")).get("gatewayApi"));
        assertEquals(Map.of("enabled", true, "mappings", Map.of("byName", Map.of("envoy-gateway-system/platform", "envoy-gateway-system/platform"))),
                map(sync.get("fromHost")).get("gateways"));
        var annotations = map(map(template.get("metadata")).get("annotations"));
        assertEquals("-staging.mgmt.example.com", annotations.get("apps_hostname_suffix"));
        assertEquals("hello-development-staging.mgmt.example.com",
                io.idp.platform.gitops.Edge.applicationHostname("hello", "development", String.valueOf(annotations.get("apps_hostname_suffix"))));
        var server = String.valueOf(map(template.get("data")).get("server"));
        assertEquals("https://staging.vcluster-staging.svc", server);
        assertTrue(server.matches("https://[^/:]*\\.svc"), "the fleet project's destination pattern https://*.svc admits it");
        assertTrue(plan.ofType("aws:eks/cluster:Cluster").isEmpty());
        var role = plan.ofType("kubernetes:rbac.authorization.k8s.io/v1:Role").get(0).inputs();
        assertEquals(List.of("vc-staging-argocd"), map(((List<?>) role.get("rules")).get(0)).get("resourceNames"));
    }

    @Test
    void aVirtualClusterGetsItsDnsTokenFromItsOwnPathThroughItsHostNamespace() {
        var plan = engine.plan("staging").plan();
        var token = named(plan, "kubernetes:external-secrets.io/v1:ExternalSecret", "staging-dns-token").inputs();
        assertEquals("vcluster-staging", map(token.get("metadata")).get("namespace"));
        var data = map(((List<?>) map(token.get("spec")).get("data")).get(0));
        assertEquals("platform/mgmt/clusters/staging/cloudflare/cert-manager-token", map(data.get("remoteRef")).get("key"));
        var values = map(plan.ofType("kubernetes:helm.sh/v3:Release").get(0).inputs().get("values"));
        assertEquals(Map.of("vcluster-staging/cloudflare-api-token", "cert-manager/cloudflare-api-token"),
                map(map(map(map(values.get("sync")).get("fromHost")).get("secrets")).get("mappings")).get("byName"));
        var trust = JsonParser.parseString(String.valueOf(named(plan, "aws:iam/role:Role", "staging-vcluster-secrets")
                .inputs().get("assumeRolePolicy"))).getAsJsonObject().getAsJsonArray("Statement").get(0).getAsJsonObject()
                .getAsJsonObject("Condition").getAsJsonObject("StringEquals").toString();
        assertTrue(trust.contains("system:serviceaccount:vcluster-staging:vcluster-secrets"), trust);
        assertEquals(2, plan.ofType("cloudflare:index/apiToken:ApiToken").size());
    }

    @Test
    void eachWorkloadCommitsItsOwnRegistryDirectory() throws Exception {
        assertEquals(0, project.cli("plan", "mgmt"));
        assertEquals(0, project.cli("plan", "production-east"), project.err());
        assertEquals(0, project.cli("plan", "staging"), project.err());
        var gitops = dir.resolve(".platform/github/acme-platform/gitops/registry/clusters");
        assertTrue(Files.isRegularFile(gitops.resolve("production-east/platform-secrets.yaml")));
        assertTrue(Files.isRegularFile(gitops.resolve("staging/cluster-issuers.yaml")));
        assertTrue(Files.readString(gitops.resolve("production-east/cluster-issuers.yaml")).contains("- production-east.example.com"));
        var github = engine.plan("production-east").plan().ofType("pulumi:providers:github").get(0);
        assertEquals("[secret]", github.inputs().get("token"), "read from the secret store, kept secret");
        assertEquals("acme-platform", github.inputs().get("owner"));
    }

    @Test
    void aNewRegionPlansCleanlyFromNewStack() throws Exception {
        assertEquals(0, project.cli("new-stack", "production-eu", "--from", "production-east", "--region", "eu-west-1"), project.err());
        var text = Files.readString(dir.resolve("Pulumi.production-eu.yaml"));
        assertTrue(text.contains("aws:region: eu-west-1"));
        assertTrue(text.contains("platform:clusterName: production-eu"));
        var plan = engine.plan("production-eu").plan();
        var vpc = String.valueOf(plan.ofType("aws:ec2/vpc:Vpc").get(0).inputs().get("cidrBlock"));
        for (var other : List.of("10.0.0.0/16", "10.10.0.0/16", "10.1.0.0/16")) {
            assertNotEquals(other, vpc);
        }
        assertEquals("eu-west-1a", plan.ofType("aws:ec2/subnet:Subnet").stream().filter(s -> s.name().endsWith("private-a"))
                .findFirst().orElseThrow().inputs().get("availabilityZone"));
    }

    @Test
    void newStackRefusesAnExistingFileAndABadRegion() {
        assertEquals(1, project.cli("new-stack", "production-west", "--from", "production-east", "--region", "us-west-2"));
        assertTrue(project.err().contains("Pulumi.production-west.yaml already exists"), project.err());
        assertEquals(1, project.cli("new-stack", "quality", "--from", "production-east", "--region", "us-moon-1"));
        assertTrue(project.err().contains("aws:region = \"us-moon-1\": is not an AWS commercial region"), project.err());
        assertFalse(Files.exists(dir.resolve("Pulumi.quality.yaml")));
        assertEquals(2, project.cli("new-stack", "qa", "--from", "production-east"), "--region is required");
    }

    @Test
    void aVpcOverlappingAnotherStackIsAnErrorNamingIt() {
        project.set("production-west", "platform:vpcCidr", "10.10.128.0/17");
        var e = assertThrows(ConfigException.class, () -> engine.plan("production-west"));
        assertEquals("platform:vpcCidr", e.errors().get(0).key());
        assertTrue(e.errors().get(0).problem().contains("overlaps the VPC of stack production-east (10.10.0.0/16)"), e.getMessage());
        assertEquals("platform:vpcCidr: 10.1.0.0/17", e.errors().get(0).example(), "the first free range of that size");
    }

    @Test
    void aMissingContractOutputIsAClearError() throws Exception {
        var file = engine.plans().path("mgmt");
        var json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        json.getAsJsonObject("outputs").remove(ManagementOutputs.ARGOCD_FLEET_ROLE_ARN);
        Files.writeString(file, PlanStore.toJson(json));
        var failure = assertThrows(PlanFailure.class, () -> engine.plan("production-east"));
        assertEquals(List.of("management stack 'mgmt' does not export 'argocdFleetRoleArn' (a non-empty string), which this "
                + "workload stack needs; update the management stack first: pulumi up -s mgmt (offline: ./platform plan mgmt), or set "
                + "platform:managementStack in Pulumi.production-east.yaml to the stack that manages this platform"), failure.reasons());
    }

    @Test
    void environmentsMustBeThePlatformsOwn() {
        project.set("staging", "platform:environments", List.of("qa"));
        // Checked from the stack files before anything is registered; the contract check on the outputs stays behind it.
        var e = assertThrows(ConfigException.class, () -> engine.plan("staging"));
        assertTrue(e.getMessage().contains("platform:environments = \"qa\": is not an environment of the platform: management stack "
                + "mgmt has development, staging, production"), e.getMessage());
    }

    @Test
    void aVirtualClusterHasNoNetworkSettings() {
        project.set("staging", "platform:vpcCidr", "10.50.0.0/16");
        var e = assertThrows(ConfigException.class, () -> engine.plan("staging"));
        assertTrue(e.getMessage().contains("platform:vpcCidr = \"10.50.0.0/16\": is not read by a vcluster workload stack"), e.getMessage());
    }
}
