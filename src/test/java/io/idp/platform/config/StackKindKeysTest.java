package io.idp.platform.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.idp.platform.config.PlatformConfigTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** Keys of another role or cluster kind, typos and unknown namespaces: each an error naming what this stack reads. */
class StackKindKeysTest {
    private static Map<String, String> vcluster() {
        var values = workload();
        values.remove("platform:vpcCidr");
        values.put("platform:clusterType", "vcluster");
        return values;
    }

    @Test
    void aManagementKeyInAnEksWorkloadStackNamesTheManagementStacks() {
        var values = workload();
        values.put("platform:domain", "example.com");
        var error = only(values);
        assertEquals("example.com", error.value());
        assertEquals("is not read by an eks workload stack: only management stacks use it", error.problem());
        assertEquals("remove the key from this stack file", error.allowed());
        assertEquals("the keys of an eks workload stack: ./platform config-keys", error.example());
    }

    @Test
    void aWorkloadKeyInAManagementStackNamesTheWorkloadStacks() {
        var values = management();
        values.put("platform:managementStack", "mgmt");
        var error = only(values);
        assertEquals("platform:managementStack", error.key());
        assertEquals("is not read by a management stack: only workload stacks use it", error.problem());
        assertEquals("the keys of a management stack: ./platform config-keys", error.example());
    }

    @Test
    void aNetworkKeyInAVclusterStackPointsToAClusterOfItsOwn() {
        var values = vcluster();
        values.put("platform:vpcCidr", "10.20.0.0/16");
        var error = only(values);
        assertEquals("platform:vpcCidr", error.key());
        assertEquals("10.20.0.0/16", error.value());
        assertEquals("is not read by a vcluster workload stack: only stacks with their own EKS cluster and VPC "
                + "(management, or workload with platform:clusterType: eks) use it", error.problem());
        assertEquals("platform:clusterType: eks (a cluster of its own, which reads platform:vpcCidr)", error.example());
    }

    @Test
    void aBadNetworkValueInAVclusterStackIsReportedOnlyAsAStrayKey() {
        var values = vcluster();
        values.put("platform:availabilityZones", "nine");
        var error = only(values);
        assertEquals("platform:availabilityZones", error.key());
        assertTrue(error.problem().startsWith("is not read by a vcluster workload stack"), error.problem());
    }

    @Test
    void aManagementKeyInAVclusterStackNamesTheManagementStacks() {
        var values = vcluster();
        values.put("platform:domain", "example.com");
        var error = only(values);
        assertEquals("is not read by a vcluster workload stack: only management stacks use it", error.problem());
        assertEquals("the keys of a vcluster workload stack: ./platform config-keys", error.example());
    }

    @Test
    void aVclusterStackHasNoNetwork() {
        var config = load(vcluster());
        assertTrue(config.networkSettings().isEmpty());
        var e = assertThrows(IllegalStateException.class, config::network);
        assertEquals("stack test is a virtual cluster: it has no network", e.getMessage());
        assertEquals(WorkloadSettings.ClusterType.VCLUSTER, config.workloadSettings().clusterType());
    }

    @Test
    void anUnknownClusterTypeIsTheOnlyErrorEvenWithNetworkKeys() {
        var values = workload();
        values.put("platform:clusterType", "vm");
        values.put("platform:availabilityZones", "nine");
        var error = only(values);
        assertEquals("platform:clusterType", error.key());
        assertEquals("vm", error.value());
        assertEquals("is not one of the allowed values", error.problem());
    }

    @Test
    void aWorkloadStackIsNotAManagementStack() {
        var config = load(workload());
        var e = assertThrows(IllegalStateException.class, config::managementSettings);
        assertEquals("stack test is not a management stack", e.getMessage());
    }

    @Test
    void aManagementStackIsNotAWorkloadStack() {
        var config = load(management());
        var e = assertThrows(IllegalStateException.class, config::workloadSettings);
        assertEquals("stack test is not a workload stack", e.getMessage());
        assertEquals(Role.MANAGEMENT, config.role());
    }

    @Test
    void anUnrelatedPlatformKeyGetsTheClusterNameExample() {
        var values = management();
        values.put("platform:zzzzzzzz", "1");
        var error = only(values);
        assertEquals("is not a platform setting", error.problem());
        assertEquals("the keys of a management stack listed in docs/configuration.md (./platform config-keys)", error.allowed());
        assertEquals("platform:clusterName: mgmt", error.example());
    }

    @Test
    void aMisspelledPlatformKeyGetsTheExampleOfTheKeyItResembles() {
        var values = management();
        values.put("platform:domian", "example.org");
        var error = only(values);
        assertEquals("is not a platform setting; did you mean platform:domain?", error.problem());
        assertEquals("platform:domain: example.com", error.example());
    }

    @Test
    void anUnknownNamespaceListsTheProviderNamespaces() {
        var values = management();
        values.put("zzzz:qqqqqqqq", "1");
        var error = only(values);
        assertEquals("is in no known namespace", error.problem());
        assertEquals("platform:<key> or a provider's own key (aws, cloudflare, github, kubernetes, pulumi, tls)", error.allowed());
        assertEquals("aws:region: us-east-1", error.example());
    }

    @Test
    void aMisspelledNamespaceGetsTheExampleOfTheKeyItResembles() {
        var values = management();
        values.put("platfrom:domain", "example.org");
        var error = only(values);
        assertEquals("is in no known namespace; did you mean platform:domain?", error.problem());
        assertEquals("platform:domain: example.com", error.example());
    }

    @Test
    void aKeyWithoutNamespaceIsInNoKnownNamespace() {
        var values = management();
        values.put("region", "eu-west-1");
        var error = only(values);
        assertEquals("region", error.key());
        assertTrue(error.problem().startsWith("is in no known namespace"), error.problem());
    }

    @Test
    void aStrayKeySetAsSecretIsShownMasked() {
        var values = workload();
        values.put("platform:zzzzzzzz", "v1:cipher");
        var raw = new RawConfig("Pulumi.test.yaml", values, java.util.Set.of("platform:zzzzzzzz"));
        var e = assertThrows(ConfigException.class, () -> PlatformConfig.load("test", raw));
        assertEquals(SecretValue.MASK, e.errors().get(0).value());
        assertFalse(e.getMessage().contains("v1:cipher"), e.getMessage());
    }
}
