package io.idp.platform.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** "Did you mean" offers the nearest key by edit distance, and only a near miss. */
class DidYouMeanTest {
    static final List<String> KEYS = List.of("platform:clusterName", "platform:clusterType", "platform:domain", "platform:tags",
            "platform:vpcCidr", "aws:region");

    @Test
    void oneLetterOffIsFound() {
        assertEquals(Optional.of("platform:tags"), Validators.closest("platform:tag", KEYS));
        assertEquals(Optional.of("platform:vpcCidr"), Validators.closest("platform:vpcCid", KEYS));
        assertEquals(Optional.of("platform:domain"), Validators.closest("platform:domian", KEYS));
    }

    @Test
    void aSwapOfNeighboursCountsAsOneEdit() {
        assertEquals(1, Validators.editDistance("clusterNmae", "clusterName"));
        assertEquals(Optional.of("platform:clusterName"), Validators.closest("platform:clusterNmae", KEYS));
    }

    @Test
    void caseDoesNotCount() {
        assertEquals(Optional.of("platform:clusterType"), Validators.closest("platform:clustertype", KEYS));
    }

    @Test
    void anUnrelatedKeyIsNeverOffered() {
        assertEquals(Optional.empty(), Validators.closest("platform:x", KEYS));
        assertEquals(Optional.empty(), Validators.closest("platform:owner", KEYS));
        assertEquals(Optional.empty(), Validators.closest("platform:githubOwner", KEYS), "a key of another role is not in the list");
    }

    @Test
    void aWorkloadStackIsNotOfferedAManagementKey() {
        var values = new java.util.HashMap<String, String>(java.util.Map.of(
                "platform:role", "workload", "platform:clusterName", "staging", "aws:region", "us-east-1",
                "platform:managementStack", "mgmt", "platform:clusterType", "vcluster", "platform:domian", "example.com"));
        var e = assertThrows(ConfigException.class, () -> PlatformConfig.load("staging", new RawConfig("Pulumi.staging.yaml", values,
                java.util.Set.of())));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertFalse(e.errors().get(0).problem().contains("did you mean"), e.getMessage());
    }
}
