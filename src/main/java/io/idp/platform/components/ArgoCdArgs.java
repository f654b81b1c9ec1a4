package io.idp.platform.components;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.idp.platform.support.RequiredArgs;
import java.util.List;

/** The arguments of {@link ArgoCd}; build with {@link #builder()}. */
public final class ArgoCdArgs {
    private final Builder b;

    private ArgoCdArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String clusterName() {
        return b.clusterName;
    }

    public String hostname() {
        return b.hostname;
    }

    public io.idp.platform.config.ArgoCdScale scale() {
        return b.scale;
    }

    public boolean highlyAvailable() {
        return b.highlyAvailable;
    }

    public HelmChart chart() {
        return b.chart;
    }

    public Output<String> repositoryUrl() {
        return b.repositoryUrl;
    }

    public Output<String> deployKeyPrivate() {
        return b.deployKeyPrivate;
    }

    public EksCluster cluster() {
        return b.cluster;
    }

    public ArgoCdValues.Sso sso() {
        return b.sso;
    }

    public List<Resource> dependsOn() {
        return b.dependsOn;
    }

    public static final class Builder {
        private String clusterName;
        private String hostname;
        private boolean highlyAvailable = true;
        private io.idp.platform.config.ArgoCdScale scale = io.idp.platform.config.ArgoCdScale.DEFAULT;
        private HelmChart chart;
        private Output<String> repositoryUrl;
        private Output<String> deployKeyPrivate;
        private EksCluster cluster;
        private ArgoCdValues.Sso sso;
        private List<Resource> dependsOn = List.of();

        private Builder() {
        }

        /** Required: the management cluster; the root application follows {@code registry/clusters/<clusterName>}. */
        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /** Required: where the UI is served, {@code argocd.<cluster>.<domain>}. */
        public Builder hostname(String hostname) {
            this.hostname = hostname;
            return this;
        }

        /** Run Argo CD highly available. Default: true. */
        public Builder highlyAvailable(boolean highlyAvailable) {
            this.highlyAvailable = highlyAvailable;
            return this;
        }

        /** Required: the argo-cd chart at the catalog's pin. */
        /** The fleet Argo CD is sized for: controller shards, sharding algorithm, repo servers. Default: ten clusters, ten per shard. */
        public Builder scale(io.idp.platform.config.ArgoCdScale scale) {
            this.scale = java.util.Objects.requireNonNull(scale, "scale");
            return this;
        }

        public Builder chart(HelmChart chart) {
            this.chart = chart;
            return this;
        }

        /** Required: the gitops repository's SSH clone URL. */
        public Builder repositoryUrl(Output<String> repositoryUrl) {
            this.repositoryUrl = repositoryUrl;
            return this;
        }

        /** Required: the repository's read-only deploy key (secret). */
        public Builder deployKeyPrivate(Output<String> deployKeyPrivate) {
            this.deployKeyPrivate = deployKeyPrivate;
            return this;
        }

        /** Required: the cluster Argo CD runs in. */
        public Builder cluster(EksCluster cluster) {
            this.cluster = cluster;
            return this;
        }

        /** Required: how people sign in (GitHub through Dex). */
        public Builder sso(ArgoCdValues.Sso sso) {
            this.sso = sso;
            return this;
        }

        /** What must be ready first (nodes, add-ons). Default: nothing. */
        public Builder dependsOn(List<Resource> dependsOn) {
            this.dependsOn = dependsOn;
            return this;
        }

        public ArgoCdArgs build() {
            RequiredArgs.of(ArgoCdArgs.class)
                    .require("clusterName", clusterName).require("hostname", hostname)
                    .require("chart", chart).require("repositoryUrl", repositoryUrl)
                    .require("deployKeyPrivate", deployKeyPrivate).require("cluster", cluster)
                    .require("sso", sso)
                    .check();
            return new ArgoCdArgs(this);
        }
    }
}
