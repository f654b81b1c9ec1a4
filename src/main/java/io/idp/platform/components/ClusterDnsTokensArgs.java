package io.idp.platform.components;

import java.util.List;

import com.pulumi.cloudflare.Provider;
import com.pulumi.core.Output;
import io.idp.platform.config.DnsSettings;
import io.idp.platform.support.RequiredArgs;

/** The arguments of {@link ClusterDnsTokens}; build with {@link #builder()}. */
public final class ClusterDnsTokensArgs {
    private final Builder b;

    private ClusterDnsTokensArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String clusterName() {
        return b.clusterName;
    }

    public Output<String> domain() {
        return b.domain;
    }

    public Output<String> zoneId() {
        return b.zoneId;
    }

    public DnsSettings settings() {
        return b.settings;
    }

    public Output<List<String>> egressIps() {
        return b.egressIps;
    }

    public Provider cloudflare() {
        return b.cloudflare;
    }

    public SecretWriter store() {
        return b.store;
    }

    public static final class Builder {
        private String clusterName;
        private Output<String> domain;
        private Output<String> zoneId;
        private DnsSettings settings;
        private Output<List<String>> egressIps;
        private Provider cloudflare;
        private SecretWriter store;

        private Builder() {
        }

        /** Required: the cluster the tokens are for; their secrets go under its path of the store. */
        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /** Required: the platform's domain, named in the tokens. */
        public Builder domain(Output<String> domain) {
            this.domain = domain;
            return this;
        }

        /** Required: the zone the tokens may write to, and nothing else. */
        public Builder zoneId(Output<String> zoneId) {
            this.zoneId = zoneId;
            return this;
        }

        /** Required: the networks the tokens may be used from and the day they expire. */
        public Builder settings(DnsSettings settings) {
            this.settings = settings;
            return this;
        }

        /**
         * Required: the cluster's NAT gateways' public addresses (a virtual cluster's are the management
         * VPC's), the tokens' allowed addresses unless {@code platform:dnsTokenAllowedCidrs} is set.
         */
        public Builder egressIps(Output<List<String>> egressIps) {
            this.egressIps = egressIps;
            return this;
        }

        /** Required: the DNS bot's provider, which creates the tokens. */
        public Builder cloudflare(Provider cloudflare) {
            this.cloudflare = cloudflare;
            return this;
        }

        /** Required: where the token values are stored. */
        public Builder store(SecretWriter store) {
            this.store = store;
            return this;
        }

        public ClusterDnsTokensArgs build() {
            RequiredArgs.of(ClusterDnsTokensArgs.class)
                    .require("clusterName", clusterName).require("domain", domain)
                    .require("zoneId", zoneId).require("settings", settings)
                    .require("egressIps", egressIps).require("cloudflare", cloudflare).require("store", store)
                    .check();
            return new ClusterDnsTokensArgs(this);
        }
    }
}
