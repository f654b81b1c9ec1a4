package io.idp.platform.components;

import com.pulumi.core.Output;
import io.idp.platform.support.RequiredArgs;

/** The arguments of {@link Firewall}; build with {@link #builder()}. */
public final class FirewallArgs {
    private final Builder b;

    private FirewallArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String clusterName() {
        return b.clusterName;
    }

    public Output<String> vpcId() {
        return b.vpcId;
    }

    public static final class Builder {
        private String clusterName;
        private Output<String> vpcId;

        private Builder() {
        }

        /** Required: the cluster the security groups are for; it names and tags them. */
        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /** Required: the VPC the groups belong to ({@link Network#vpcId()}). */
        public Builder vpcId(Output<String> vpcId) {
            this.vpcId = vpcId;
            return this;
        }

        public FirewallArgs build() {
            RequiredArgs.of(FirewallArgs.class)
                    .require("clusterName", clusterName).require("vpcId", vpcId)
                    .check();
            return new FirewallArgs(this);
        }
    }
}
