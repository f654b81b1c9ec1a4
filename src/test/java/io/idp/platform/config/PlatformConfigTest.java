package io.idp.platform.config;

import io.idp.platform.config.NetworkSettings.NatGateways;
import io.idp.platform.config.WorkloadSettings.ClusterType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class PlatformConfigTest {

    static Map<String, String> management() {
        var values = new HashMap<String, String>();
        values.put("aws:region", "eu-west-1");
        values.put("platform:role", "management");
        values.put("platform:clusterName", "mgmt");
        values.put("platform:vpcCidr", "10.0.0.0/16");
        values.put("platform:domain", "Example.com");
        values.put("platform:githubOwner", "acme");
        values.put("platform:alertsEmail", "ops@example.com");
        values.put("github:token", "v1:cipher-github");
        values.put("cloudflare:apiToken", "v1:cipher-cloudflare");
        values.put("platform:githubOAuthClientId", "Ov23liExample");
        values.put("platform:githubOAuthClientSecret", "v1:cipher-oauth");
        return values;
    }

    static Map<String, String> workload() {
        var values = new HashMap<String, String>();
        values.put("aws:region", "us-west-2");
        values.put("platform:role", "workload");
        values.put("platform:clusterName", "staging");
        values.put("platform:vpcCidr", "10.20.0.0/16");
        values.put("platform:managementStack", "acme/platform/mgmt");
        return values;
    }

    static PlatformConfig load(Map<String, String> values) {
        return PlatformConfig.load("test", new RawConfig("Pulumi.test.yaml", values,
                Set.of("github:token", "cloudflare:apiToken", "platform:githubOAuthClientSecret")));
    }

    static List<ConfigError> errors(Map<String, String> values) {
        var e = assertThrows(ConfigException.class, () -> load(values));
        return e.errors();
    }

    static ConfigError only(Map<String, String> values) {
        var errors = errors(values);
        assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
        return errors.get(0);
    }

    @Test
    void appliesDocumentedDefaultsToAManagementStack() {
        var config = load(management());
        assertEquals(Role.MANAGEMENT, config.role());
        assertEquals(3, config.network().availabilityZones());
        assertEquals(NatGateways.ONE_PER_AZ, config.network().natGateways());
        assertEquals(List.of(), config.network().apiPublicAccessCidrs());
        assertEquals("1.35", config.cluster().kubernetesVersion());
        assertEquals(List.of("m6i.large"), config.cluster().nodeInstanceTypes());
        assertEquals(2, config.cluster().nodeMinSize());
        assertEquals(3, config.cluster().nodeDesiredSize());
        assertEquals(6, config.cluster().nodeMaxSize());
        assertTrue(config.protect());
        var mgmt = config.managementSettings();
        assertEquals("example.com", mgmt.domain(), "domains are case-insensitive and kept lowercase");
        assertEquals("gitops", mgmt.gitopsRepo());
        assertEquals("platform", mgmt.platformRepo());
        assertTrue(mgmt.argocdHa());
        assertEquals("mgmt-pulumi-state-eu-west-1", mgmt.stateBucket());
        assertEquals(List.of("development", "staging", "production"), config.environments());
        assertEquals(Observability.PROMETHEUS, config.observability());
        assertTrue(config.workload().isEmpty());
    }

    @Test
    void readsAWorkloadStackWithItsOwnDefaults() {
        var values = workload();
        values.put("platform:environments", "[\"staging\",\"development\"]");
        var config = load(values);
        var settings = config.workloadSettings();
        assertEquals(ClusterType.EKS, settings.clusterType());
        assertEquals("mgmt", settings.managementStackName());
        assertEquals(List.of("staging", "development"), config.environments());
        assertTrue(config.management().isEmpty());
    }

    @Test
    void reportsEveryBadValueTogether() {
        var values = management();
        values.put("platform:vpcCidr", "10.0.0.0/33");
        values.put("aws:region", "us-east-7");
        values.put("platform:alertsEmail", "not-an-address");
        var errors = errors(values);
        assertEquals(List.of("aws:region", "platform:vpcCidr", "platform:alertsEmail"),
                errors.stream().map(ConfigError::key).toList());
        assertEquals("10.0.0.0/33", errors.get(1).value());
        assertTrue(errors.get(0).allowed().contains("us-east-1"));
        assertEquals("platform:alertsEmail: platform-team@example.com", errors.get(2).example());
    }

    @Test
    void exceptionMessageListsEachProblemWithKeyValueAllowedAndExample() {
        var values = management();
        values.put("platform:availabilityZones", "seven");
        var message = assertThrows(ConfigException.class, () -> load(values)).getMessage();
        assertTrue(message.startsWith("1 configuration problem in Pulumi.test.yaml; nothing was registered:"), message);
        assertTrue(message.contains("platform:availabilityZones = \"seven\": is not a whole number"), message);
        assertTrue(message.contains("allowed: a whole number from 2 to 6"), message);
        assertTrue(message.contains("example: platform:availabilityZones: 3"), message);
    }

    @Test
    void unknownPlatformKeySuggestsTheClosestKey() {
        var values = management();
        values.put("platform:clustrName", "x");
        var error = only(values);
        assertEquals("platform:clustrName", error.key());
        assertTrue(error.problem().contains("did you mean platform:clusterName?"), error.problem());
    }

    @Test
    void misspelledNamespaceIsAnErrorWithASuggestion() {
        var values = management();
        values.put("platfrom:domain", "example.org");
        var error = only(values);
        assertTrue(error.problem().contains("did you mean platform:domain?"), error.problem());
    }

    @Test
    void aKeyOfTheOtherRoleIsAnError() {
        var values = workload();
        values.put("platform:domain", "example.com");
        var error = only(values);
        assertEquals("platform:domain", error.key());
        assertTrue(error.problem().contains("only management stacks use it"), error.problem());
    }

    @Test
    void providerKeysOfKnownProvidersAreAccepted() {
        var values = workload();
        values.put("aws:profile", "platform");
        values.put("kubernetes:enableServerSideApply", "true");
        assertEquals("staging", load(values).clusterName());
    }

    @Test
    void aTokenInPlainTextIsRejectedWithoutShowingIt() {
        var values = management();
        var raw = new RawConfig("Pulumi.test.yaml", values, Set.of("cloudflare:apiToken", "platform:githubOAuthClientSecret"));
        var e = assertThrows(ConfigException.class, () -> PlatformConfig.load("test", raw));
        assertEquals("github:token", e.errors().get(0).key());
        assertEquals("[secret]", e.errors().get(0).value());
        assertFalse(e.getMessage().contains("v1:cipher-github"), e.getMessage());
    }

    @Test
    void missingRequiredKeysAreEachNamed() {
        var values = management();
        values.remove("platform:domain");
        values.remove("github:token");
        var keys = errors(values).stream().map(ConfigError::key).toList();
        assertEquals(List.of("platform:domain", "github:token"), keys);
    }

    @Test
    void contradictoryNodeGroupBoundsAreAnError() {
        var values = management();
        values.put("platform:nodeMinSize", "5");
        values.put("platform:nodeDesiredSize", "3");
        var error = only(values);
        assertEquals("platform:nodeDesiredSize", error.key());
        assertTrue(error.problem().contains("min 5, desired 3, max 6"), error.problem());
    }

    @Test
    void vpcRangeMustBePrivateAndSized() {
        var values = management();
        values.put("platform:vpcCidr", "8.8.0.0/16");
        assertTrue(only(values).problem().contains("not a private"));
        values.put("platform:vpcCidr", "10.0.0.0/24");
        assertTrue(only(values).problem().contains("outside /16 to /22"));
        values.put("platform:vpcCidr", "10.0.0.0/22");
        values.put("platform:availabilityZones", "3");
        assertTrue(only(values).problem().contains("too small for 3 availability zones"));
        values.put("platform:vpcCidr", "10.0.0.0/21");
        assertEquals(3, load(values).network().availabilityZones());
    }

    @Test
    void argoCdIsSizedForTheFleetInTheStackFile() {
        assertEquals(ArgoCdScale.DEFAULT, load(management()).management().orElseThrow().argocdScale());
        var values = management();
        values.put("platform:argocdClusters", "45");
        values.put("platform:argocdClustersPerShard", "15");
        values.put("platform:argocdShardingAlgorithm", "round-robin");
        var scale = load(values).management().orElseThrow().argocdScale();
        assertEquals(new ArgoCdScale(45, 15, ArgoCdScale.ShardingAlgorithm.ROUND_ROBIN), scale);
        assertEquals(3, scale.controllerReplicas());
    }

    @Test
    void badArgoCdSizingIsReportedWithEveryKey() {
        var values = management();
        values.put("platform:argocdClusters", "0");
        values.put("platform:argocdClustersPerShard", "many");
        values.put("platform:argocdShardingAlgorithm", "hash");
        var errors = errors(values);
        assertEquals(List.of("platform:argocdClusters", "platform:argocdClustersPerShard", "platform:argocdShardingAlgorithm"),
                errors.stream().map(ConfigError::key).toList());
        var algorithm = errors.get(2);
        assertEquals("hash", algorithm.value());
        assertEquals("is not one of the allowed values", algorithm.problem());
        assertEquals("legacy, round-robin, consistent-hashing", algorithm.allowed());
        assertEquals("platform:argocdShardingAlgorithm: round-robin", algorithm.example());
        assertEquals("a whole number from 1 to 1000", errors.get(0).allowed());
    }

    @Test
    void unsupportedKubernetesVersionSaysWhichAreSupported() {
        var values = management();
        values.put("platform:kubernetesVersion", "1.24");
        var error = only(values);
        assertEquals("1.24", error.value());
        assertEquals("is not a supported Kubernetes version", error.problem());
        assertEquals("one of 1.31, 1.32, 1.33, 1.34, 1.35 (the EKS support calendar)", error.allowed());
    }

    @Test
    void roleMustBeKnownAndOtherKeysAreStillChecked() {
        var values = workload();
        values.put("platform:role", "worker");
        values.put("platform:clusterName", "Bad_Name");
        var keys = errors(values).stream().map(ConfigError::key).toList();
        assertEquals(List.of("platform:role", "platform:clusterName"), keys);
    }

    @Test
    void environmentsMustBeNamesAndDistinct() {
        var values = workload();
        values.put("platform:environments", "[\"prod\",\"prod\"]");
        assertTrue(only(values).problem().contains("twice"));
        values.put("platform:environments", "production");
        assertTrue(only(values).problem().contains("not a list"));
    }

    @Test
    void engineEnvironmentIsReadAsTheSameShape() {
        var env = Map.of("PULUMI_CONFIG", "{\"platform:role\":\"workload\",\"aws:region\":\"us-east-1\"}",
                "PULUMI_CONFIG_SECRET_KEYS", "[\"github:token\"]");
        var raw = RawConfig.fromEngineEnvironment("dev", env);
        assertEquals("workload", raw.get("platform:role").orElseThrow());
        assertTrue(raw.isSecret("github:token"));
        assertFalse(raw.isSecret("aws:region"));
    }

    @Test
    void anEmptySecretFromTheEngineIsOneMaskedError() {
        var values = new java.util.LinkedHashMap<>(management());
        values.put("github:token", "");
        var config = new com.google.gson.Gson().toJson(values);
        var raw = RawConfig.fromEngineEnvironment("mgmt", Map.of("PULUMI_CONFIG", config,
                "PULUMI_CONFIG_SECRET_KEYS", "[\"github:token\",\"cloudflare:apiToken\",\"platform:githubOAuthClientSecret\"]"));
        var e = assertThrows(ConfigException.class, () -> PlatformConfig.load("mgmt", raw));
        assertEquals(1, e.errors().size(), () -> e.errors().toString());
        assertEquals("github:token", e.errors().get(0).key());
        assertEquals(SecretValue.MASK, e.errors().get(0).value());
        assertEquals("is set as a secret but its value is empty", e.errors().get(0).problem());
    }

    @Test
    void docsCarryTheCurrentTableOfKeys() throws Exception {
        var doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/configuration.md"));
        assertTrue(doc.contains(ConfigKeysTable.markdown()),
                "docs/configuration.md is out of date: replace its table with the output of ./platform config-keys");
    }
}
