package io.idp.platform.components;

import com.pulumi.core.Output;
import io.idp.platform.config.Cidr;
import io.idp.platform.config.ClusterSettings;
import io.idp.platform.support.RequiredArgs;

import java.util.List;
import java.util.Map;

/** The arguments of an {@link EksCluster}; build with {@link #builder()}. */
public final class EksClusterArgs {
    public static final int DEFAULT_LOG_RETENTION_DAYS = 365;
    public static final int DEFAULT_NODE_VOLUME_GIB = 50;

    private final Builder b;

    private EksClusterArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String clusterName() { return b.clusterName; }
    public String region() { return b.region; }
    public ClusterSettings settings() { return b.settings; }
    public Output<List<String>> privateSubnetIds() { return b.privateSubnetIds; }
    public Output<String> controlPlaneSecurityGroupId() { return b.controlPlaneSecurityGroupId; }
    public Output<String> nodeSecurityGroupId() { return b.nodeSecurityGroupId; }
    public List<Cidr> publicAccessCidrs() { return b.publicAccessCidrs; }
    public Output<String> deployRoleArn() { return b.deployRoleArn; }
    public Map<String, String> addonVersions() { return b.addonVersions; }
    public boolean protect() { return b.protect; }
    public int logRetentionDays() { return b.logRetentionDays; }
    public int nodeVolumeGiB() { return b.nodeVolumeGiB; }

    public static final class Builder {
        private String clusterName;
        private String region;
        private ClusterSettings settings;
        private Output<List<String>> privateSubnetIds;
        private Output<String> controlPlaneSecurityGroupId;
        private Output<String> nodeSecurityGroupId;
        private List<Cidr> publicAccessCidrs = List.of();
        private Output<String> deployRoleArn;
        private Map<String, String> addonVersions;
        private boolean protect = true;
        private int logRetentionDays = DEFAULT_LOG_RETENTION_DAYS;
        private int nodeVolumeGiB = DEFAULT_NODE_VOLUME_GIB;

        private Builder() {
        }

        /** Required: the EKS cluster's name, which also names its roles, key and log group. */
        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /** Required: the cluster's region, written into its kubeconfig. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Required: Kubernetes version, node group and the people's admin roles. */
        public Builder settings(ClusterSettings settings) {
            this.settings = settings;
            return this;
        }

        /** Required: the subnets of the control plane's interfaces and the nodes (see {@link Network#privateSubnetIds()}). */
        public Builder privateSubnetIds(Output<List<String>> privateSubnetIds) {
            this.privateSubnetIds = privateSubnetIds;
            return this;
        }

        /** Required: the control plane's security group (see {@link Firewall}). */
        public Builder controlPlaneSecurityGroupId(Output<String> controlPlaneSecurityGroupId) {
            this.controlPlaneSecurityGroupId = controlPlaneSecurityGroupId;
            return this;
        }

        /** Required: the nodes' security group (see {@link Firewall}). */
        public Builder nodeSecurityGroupId(Output<String> nodeSecurityGroupId) {
            this.nodeSecurityGroupId = nodeSecurityGroupId;
            return this;
        }

        /** Networks the API endpoint is public to. Default: none, a private endpoint only. */
        public Builder publicAccessCidrs(List<Cidr> publicAccessCidrs) {
            this.publicAccessCidrs = List.copyOf(publicAccessCidrs);
            return this;
        }

        /** Required: CI's deploy role, made cluster admin through an access entry. */
        public Builder deployRoleArn(Output<String> deployRoleArn) {
            this.deployRoleArn = deployRoleArn;
            return this;
        }

        /** Required: EKS managed add-on versions for this Kubernetes version (the catalog's {@code addonsFor}). */
        public Builder addonVersions(Map<String, String> addonVersions) {
            this.addonVersions = Map.copyOf(addonVersions);
            return this;
        }

        /** Protect the cluster and its secrets key from deletion. Default: true. */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        /** Days control-plane logs are kept. Default: {@value #DEFAULT_LOG_RETENTION_DAYS}. */
        public Builder logRetentionDays(int logRetentionDays) {
            this.logRetentionDays = logRetentionDays;
            return this;
        }

        /** Size of each node's encrypted gp3 root volume. Default: {@value #DEFAULT_NODE_VOLUME_GIB} GiB. */
        public Builder nodeVolumeGiB(int nodeVolumeGiB) {
            this.nodeVolumeGiB = nodeVolumeGiB;
            return this;
        }

        public EksClusterArgs build() {
            RequiredArgs.of(EksClusterArgs.class).require("clusterName", clusterName).require("region", region)
                    .require("settings", settings).require("privateSubnetIds", privateSubnetIds)
                    .require("controlPlaneSecurityGroupId", controlPlaneSecurityGroupId)
                    .require("nodeSecurityGroupId", nodeSecurityGroupId).require("deployRoleArn", deployRoleArn)
                    .require("addonVersions", addonVersions).check();
            return new EksClusterArgs(this);
        }
    }
}
