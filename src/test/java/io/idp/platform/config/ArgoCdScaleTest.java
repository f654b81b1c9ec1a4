package io.idp.platform.config;

import io.idp.platform.config.ArgoCdScale.ShardingAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Argo CD's replicas follow the fleet: one controller shard per clustersPerShard clusters. */
class ArgoCdScaleTest {
    @ParameterizedTest(name = "{0} clusters, {1} per shard")
    @CsvSource({
            // clusters, per shard, controller, repo servers (HA), repo servers (not HA)
            "1, 10, 1, 2, 1",
            "10, 10, 1, 2, 1",
            "11, 10, 2, 2, 1",
            "40, 10, 4, 4, 1",
            "41, 10, 5, 5, 1",
            "1000, 100, 10, 10, 1",
            "7, 1, 7, 7, 1",
    })
    void replicasGrowWithTheFleet(int clusters, int perShard, int controller, int repoHa, int repo) {
        var scale = new ArgoCdScale(clusters, perShard, ShardingAlgorithm.CONSISTENT_HASHING);
        assertEquals(controller, scale.controllerReplicas());
        assertEquals(repoHa, scale.repoServerReplicas(true));
        assertEquals(repo, scale.repoServerReplicas(false));
        assertEquals(2, scale.applicationSetReplicas(true), "a leader and a standby");
        assertEquals(1, scale.applicationSetReplicas(false));
        assertEquals(2, scale.serverReplicas(true));
        assertEquals(1, scale.serverReplicas(false));
    }

    @Test
    void theDefaultIsOneShardWithConsistentHashing() {
        assertEquals(new ArgoCdScale(10, 10, ShardingAlgorithm.CONSISTENT_HASHING), ArgoCdScale.DEFAULT);
        assertEquals(1, ArgoCdScale.DEFAULT.controllerReplicas());
        assertEquals("10", ConfigKeys.ARGOCD_CLUSTERS.defaultValue());
        assertEquals("10", ConfigKeys.ARGOCD_CLUSTERS_PER_SHARD.defaultValue());
        assertEquals("consistent-hashing", ConfigKeys.ARGOCD_SHARDING_ALGORITHM.defaultValue());
    }

    @Test
    void algorithmsAreArgoCdsSettingValues() {
        assertEquals(List.of("legacy", "round-robin", "consistent-hashing"), ShardingAlgorithm.configValues());
        assertEquals(Optional.of(ShardingAlgorithm.ROUND_ROBIN), ShardingAlgorithm.parse("round-robin"));
        assertEquals(Optional.empty(), ShardingAlgorithm.parse("hash"));
        assertEquals("legacy, round-robin, consistent-hashing", ConfigKeys.ARGOCD_SHARDING_ALGORITHM.allowed());
    }

    @Test
    void aScaleNeedsAClusterAShardSizeAndAnAlgorithm() {
        assertThrows(IllegalArgumentException.class, () -> new ArgoCdScale(0, 10, ShardingAlgorithm.LEGACY));
        assertThrows(IllegalArgumentException.class, () -> new ArgoCdScale(10, 0, ShardingAlgorithm.LEGACY));
        assertThrows(IllegalArgumentException.class, () -> new ArgoCdScale(10, 10, null));
    }
}
