package io.idp.platform.components;

import com.pulumi.aws.Provider;
import io.idp.platform.support.RequiredArgs;

/** The arguments of {@link StateReplica}; build with {@link #builder()}. */
public final class StateReplicaArgs {
    private final Builder b;

    private StateReplicaArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public StateStore source() { return b.source; }
    public String sourceBucket() { return b.sourceBucket; }
    public String sourceRegion() { return b.sourceRegion; }
    public String region() { return b.region; }
    public Provider replicaRegion() { return b.replicaRegion; }
    public int noncurrentDays() { return b.noncurrentDays; }
    public boolean protect() { return b.protect; }

    /** The replica bucket's name: the primary's with the recovery region appended. */
    public String bucketName() {
        return b.sourceBucket + "-" + b.region;
    }

    public static final class Builder {
        private StateStore source;
        private String sourceBucket;
        private String sourceRegion;
        private String region;
        private Provider replicaRegion;
        private int noncurrentDays = StateStoreArgs.DEFAULT_NONCURRENT_DAYS;
        private boolean protect = true;

        private Builder() {
        }

        /** Required: the primary state store, replicated from. */
        public Builder source(StateStore source) {
            this.source = source;
            return this;
        }

        /** Required: the primary bucket's name; the replica's is it with the recovery region appended. */
        public Builder sourceBucket(String sourceBucket) {
            this.sourceBucket = sourceBucket;
            return this;
        }

        /** Required: the primary's region. */
        public Builder sourceRegion(String sourceRegion) {
            this.sourceRegion = sourceRegion;
            return this;
        }

        /** Required: the recovery region the replica lives in; not the primary's. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Required: an AWS provider pinned to the recovery region. */
        public Builder replicaRegion(Provider replicaRegion) {
            this.replicaRegion = replicaRegion;
            return this;
        }

        /** Days a replaced state version is kept, as in the primary. Default: {@value StateStoreArgs#DEFAULT_NONCURRENT_DAYS}. */
        public Builder noncurrentDays(int noncurrentDays) {
            this.noncurrentDays = noncurrentDays;
            return this;
        }

        /** Protect the replica bucket and key from deletion. Default: true. */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        public StateReplicaArgs build() {
            RequiredArgs.of(StateReplicaArgs.class).require("source", source).require("sourceBucket", sourceBucket)
                    .require("sourceRegion", sourceRegion).require("region", region).require("replicaRegion", replicaRegion).check();
            if (region.equals(sourceRegion)) {
                throw new IllegalArgumentException("StateReplicaArgs.region must differ from the source region " + sourceRegion);
            }
            if (noncurrentDays < 1) {
                throw new IllegalArgumentException("StateReplicaArgs.noncurrentDays must be at least 1, was " + noncurrentDays);
            }
            return new StateReplicaArgs(this);
        }
    }
}
