package io.idp.platform.components;

import com.pulumi.core.Output;
import io.idp.platform.config.WorkloadSettings.ClusterType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Args builders name every missing required argument at build(), and defaults are stated once. */
class ComponentArgsTest {
    @Test
    void aMissingRequiredArgumentIsNamedWithItsSetter() {
        var error = assertThrows(IllegalArgumentException.class, () -> GitopsRepoArgs.builder().owner("acme").build());
        assertEquals("GitopsRepoArgs is missing the required arguments clusterName, webhookUrl, secretStore, botTeamId; "
                + "set them with GitopsRepoArgs.builder().clusterName(...)", error.getMessage());
    }

    @Test
    void everyMissingArgumentOfAManagementClusterIsNamedTogether() {
        var error = assertThrows(IllegalArgumentException.class, () -> ManagementClusterArgs.builder().clusterName("mgmt").build());
        for (var name : List.of("region", "clusterSettings", "vpcCidr", "addonVersions", "argoCdChart", "ciDeployRoleArn", "secretStore", "gitopsRepo",
                "dnsZone", "ssoClientId", "ssoClientSecret", "ssoAdminsTeam", "ssoDevelopersTeam")) {
            assertTrue(error.getMessage().contains(name), name + " in " + error.getMessage());
        }
        assertFalse(error.getMessage().contains("clusterName"), error.getMessage());
    }

    @Test
    void anEksWorkloadClusterNeedsItsNetworkAndSettingsAVirtualOneDoesNot() {
        var eks = assertThrows(IllegalArgumentException.class, () -> WorkloadClusterArgs.builder().clusterName("w")
                .kind(ClusterType.EKS).region("us-east-1").environments(List.of("dev")).build());
        assertTrue(eks.getMessage().contains("clusterSettings, vpcCidr, addonVersions"), eks.getMessage());
        assertFalse(eks.getMessage().contains("vclusterChart"), eks.getMessage());
        var virtual = assertThrows(IllegalArgumentException.class, () -> WorkloadClusterArgs.builder().clusterName("w")
                .kind(ClusterType.VCLUSTER).region("us-east-1").environments(List.of("dev")).build());
        assertFalse(virtual.getMessage().contains("vpcCidr"), virtual.getMessage());
        assertTrue(virtual.getMessage().contains("management, addons, vclusterChart"), virtual.getMessage());
        assertFalse(virtual.getMessage().contains("addonVersions"), virtual.getMessage());
    }

    @Test
    void aNodeGroupNamesWhatItLacksAndRefusesSizesThatContradict() {
        var missing = assertThrows(IllegalArgumentException.class, () -> ManagedNodeGroupArgs.builder().clusterName("mgmt").build());
        assertEquals("ManagedNodeGroupArgs is missing the required arguments cluster, nodeRoleArn, subnetIds, securityGroupId, "
                + "instanceTypes, minSize, desiredSize, maxSize, amiType; set them with ManagedNodeGroupArgs.builder().cluster(...)",
                missing.getMessage());
        var group = ManagedNodeGroupArgs.builder().clusterName("mgmt").cluster(Output.of("mgmt")).nodeRoleArn(Output.of("arn"))
                .subnetIds(Output.of(List.of("s"))).securityGroupId(Output.of("sg")).instanceTypes(List.of("m6i.large"))
                .amiType("AL2023_x86_64_STANDARD").minSize(0).desiredSize(0).maxSize(2);
        var built = group.build();
        assertEquals("default", built.groupName());
        assertTrue(built.isDefault());
        assertEquals(50, built.diskGiB());
        assertEquals(io.idp.platform.config.NodeGroupSettings.CapacityType.ON_DEMAND, built.capacityType());
        var contradiction = assertThrows(IllegalArgumentException.class, () -> group.desiredSize(3).build());
        assertTrue(contradiction.getMessage().contains("0, 3, 2"), contradiction.getMessage());
        assertThrows(IllegalArgumentException.class, () -> group.desiredSize(0).maxSize(0).build());
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        var store = SecretStoreArgs.builder().clusterName("mgmt").build();
        assertEquals(30, store.recoveryWindowDays());
        assertTrue(store.protect());
        var dns = DnsZoneArgs.builder().domain("example.com").apiToken(Output.of("t")).build();
        assertFalse(dns.createZone());
        assertFalse(dns.dnssec());
        assertEquals("gitops", GitopsRepoArgs.DEFAULT_NAME);
        assertEquals(365, EksClusterArgs.DEFAULT_LOG_RETENTION_DAYS);
    }

    @Test
    void aCreatedZoneNeedsItsAccount() {
        var error = assertThrows(IllegalArgumentException.class, () -> DnsZoneArgs.builder().domain("example.com")
                .apiToken(Output.of("t")).createZone(true).build());
        assertTrue(error.getMessage().contains("accountId"), error.getMessage());
    }

    @Test
    void karpenterAndBackupArgsNameWhatIsMissing() {
        var karpenter = assertThrows(IllegalArgumentException.class, () -> KarpenterInfrastructureArgs.builder().build());
        assertEquals("KarpenterInfrastructureArgs is missing the required arguments cluster, region; "
                + "set them with KarpenterInfrastructureArgs.builder().cluster(...)", karpenter.getMessage());
        var backups = assertThrows(IllegalArgumentException.class, () -> ClusterBackupsArgs.builder().region("us-east-1").build());
        assertEquals("ClusterBackupsArgs is missing the required argument cluster; set it with ClusterBackupsArgs.builder().cluster(...)",
                backups.getMessage());
        var noSettings = assertThrows(IllegalArgumentException.class, () -> KarpenterInfrastructureArgs.builder().autoscaling(null).build());
        assertTrue(noSettings.getMessage().contains("autoscaling"), noSettings.getMessage());
    }

    @Test
    void karpenterAndBackupDefaultsAreTheConfigurationDefaults() {
        var config = io.idp.platform.config.PlatformConfig.load("test", new io.idp.platform.config.RawConfig("Pulumi.test.yaml",
                java.util.Map.of("aws:region", "us-east-1", "platform:role", "workload", "platform:clusterName", "east",
                        "platform:clusterType", "eks", "platform:vpcCidr", "10.9.0.0/16", "platform:managementStack", "mgmt"),
                java.util.Set.of()));
        assertEquals(config.autoscaling(), KarpenterInfrastructureArgs.DEFAULT_AUTOSCALING);
        assertEquals(config.backups(), ClusterBackupsArgs.DEFAULT_BACKUPS);
        assertEquals(14, ClusterBackupsArgs.DEFAULT_NONCURRENT_DAYS);
    }
}
