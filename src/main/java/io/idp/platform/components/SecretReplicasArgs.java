package io.idp.platform.components;

import com.pulumi.aws.Provider;
import io.idp.platform.support.RequiredArgs;

/** The arguments of {@link SecretReplicas}; build with {@link #builder()}. */
public final class SecretReplicasArgs {
    private final Builder b;

    private SecretReplicasArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String clusterName() { return b.clusterName; }
    public String region() { return b.region; }
    public Provider replicaRegion() { return b.replicaRegion; }
    public boolean protect() { return b.protect; }

    public static final class Builder {
        private String clusterName;
        private String region;
        private Provider replicaRegion;
        private boolean protect = true;

        private Builder() {
        }

        /** Required: the management cluster, which names the key alias as the primary key's. */
        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /** Required: the recovery region. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Required: an AWS provider pinned to the recovery region. */
        public Builder replicaRegion(Provider replicaRegion) {
            this.replicaRegion = replicaRegion;
            return this;
        }

        /** Protect the key from deletion. Default: true. */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        public SecretReplicasArgs build() {
            RequiredArgs.of(SecretReplicasArgs.class).require("clusterName", clusterName).require("region", region)
                    .require("replicaRegion", replicaRegion).check();
            return new SecretReplicasArgs(this);
        }
    }
}
