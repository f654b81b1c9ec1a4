package io.idp.platform.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How big Argo CD runs for the fleet it manages. The application controller shards clusters across
 * its replicas (one shard per replica); Argo CD's high-availability guide says to shard when one
 * controller "is managing too many clusters and uses too much memory" but gives no number, so the
 * clusters per shard is a setting, and the replicas follow from the fleet's size.
 *
 * @param clusters          clusters Argo CD manages, itself included
 * @param clustersPerShard  clusters one controller replica should hold
 * @param algorithm         how clusters are spread over the shards
 */
public record ArgoCdScale(int clusters, int clustersPerShard, ShardingAlgorithm algorithm) {
    /** The controller's sharding methods ({@code controller.sharding.algorithm} in argocd-cmd-params-cm). */
    public enum ShardingAlgorithm {
        LEGACY("legacy"), ROUND_ROBIN("round-robin"), CONSISTENT_HASHING("consistent-hashing");

        private final String configValue;

        ShardingAlgorithm(String configValue) {
            this.configValue = configValue;
        }

        public String configValue() {
            return configValue;
        }

        public static Optional<ShardingAlgorithm> parse(String value) {
            return Arrays.stream(values()).filter(a -> a.configValue.equals(value)).findFirst();
        }

        public static List<String> configValues() {
            return Arrays.stream(values()).map(ShardingAlgorithm::configValue).toList();
        }
    }

    /** A small fleet: ten clusters, ten per shard, consistent hashing (one controller). */
    public static final ArgoCdScale DEFAULT = new ArgoCdScale(10, 10, ShardingAlgorithm.CONSISTENT_HASHING);

    public ArgoCdScale {
        if (clusters < 1 || clustersPerShard < 1 || algorithm == null) {
            throw new IllegalArgumentException("clusters and clustersPerShard must be at least 1, and an algorithm given");
        }
    }

    /** One replica per shard, enough shards that none holds more than {@code clustersPerShard} clusters. */
    public int controllerReplicas() {
        return (clusters + clustersPerShard - 1) / clustersPerShard;
    }

    /**
     * Repo servers render the manifests every shard asks for: as many as there are shards, and at least
     * two when highly available so a rollout or a lost node never stops rendering.
     */
    public int repoServerReplicas(boolean highlyAvailable) {
        return highlyAvailable ? Math.max(2, controllerReplicas()) : 1;
    }

    /**
     * The ApplicationSet controller elects one leader and the others wait, so replicas beyond two add
     * no throughput: two when highly available (a standby), one otherwise, whatever the fleet's size.
     */
    public int applicationSetReplicas(boolean highlyAvailable) {
        return highlyAvailable ? 2 : 1;
    }

    /** The API server: two when highly available, so a rollout or a lost node keeps the UI up. */
    public int serverReplicas(boolean highlyAvailable) {
        return highlyAvailable ? 2 : 1;
    }
}
