package io.idp.platform.components;

import io.idp.platform.config.NodeAutoscaling;
import io.idp.platform.support.RequiredArgs;

import java.util.List;

/** The arguments of {@link KarpenterInfrastructure}; build with {@link #builder()}. */
public final class KarpenterInfrastructureArgs {
    /** 100 vCPUs, 400 GiB, on-demand and spot: room for a few dozen large nodes, no more. */
    public static final NodeAutoscaling DEFAULT_AUTOSCALING = new NodeAutoscaling(100, 400,
            List.of(NodeAutoscaling.CapacityType.ON_DEMAND, NodeAutoscaling.CapacityType.SPOT));

    private final Builder b;

    private KarpenterInfrastructureArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public EksCluster cluster() {
        return b.cluster;
    }

    public String region() {
        return b.region;
    }

    public NodeAutoscaling autoscaling() {
        return b.autoscaling;
    }

    public static final class Builder {
        private EksCluster cluster;
        private String region;
        private NodeAutoscaling autoscaling = DEFAULT_AUTOSCALING;

        private Builder() {
        }

        /** Required: the cluster Karpenter adds nodes to; its name scopes every permission and names the resources. */
        public Builder cluster(EksCluster cluster) {
            this.cluster = cluster;
            return this;
        }

        /** Required: the cluster's region; the controller may read and launch only there. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** The default NodePool's limits and capacity types. Default: {@link #DEFAULT_AUTOSCALING}. */
        public Builder autoscaling(NodeAutoscaling autoscaling) {
            this.autoscaling = autoscaling;
            return this;
        }

        public KarpenterInfrastructureArgs build() {
            RequiredArgs.of(KarpenterInfrastructureArgs.class)
                    .require("cluster", cluster)
                    .require("region", region)
                    .require("autoscaling", autoscaling)
                    .check();
            return new KarpenterInfrastructureArgs(this);
        }
    }
}
