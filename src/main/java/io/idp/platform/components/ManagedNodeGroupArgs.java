package io.idp.platform.components;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.idp.platform.config.NodeGroupSettings.CapacityType;
import io.idp.platform.config.NodeGroupSettings.Taint;
import io.idp.platform.support.RequiredArgs;

import java.util.List;
import java.util.Map;

/** The arguments of a {@link ManagedNodeGroup}; build with {@link #builder()}. */
public final class ManagedNodeGroupArgs {
    public static final String DEFAULT_GROUP = "default";
    public static final int DEFAULT_DISK_GIB = EksClusterArgs.DEFAULT_NODE_VOLUME_GIB;

    private final Builder b;

    private ManagedNodeGroupArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String clusterName() { return b.clusterName; }
    public String groupName() { return b.groupName; }
    public Output<String> cluster() { return b.cluster; }
    public Output<String> nodeRoleArn() { return b.nodeRoleArn; }
    public Output<List<String>> subnetIds() { return b.subnetIds; }
    public Output<String> securityGroupId() { return b.securityGroupId; }
    public List<String> instanceTypes() { return b.instanceTypes; }
    public CapacityType capacityType() { return b.capacityType; }
    public int minSize() { return b.minSize; }
    public int desiredSize() { return b.desiredSize; }
    public int maxSize() { return b.maxSize; }
    public int diskGiB() { return b.diskGiB; }
    public String amiType() { return b.amiType; }
    public Map<String, String> labels() { return b.labels; }
    public List<Taint> taints() { return b.taints; }
    public List<Resource> dependsOn() { return b.dependsOn; }
    public boolean isDefault() { return DEFAULT_GROUP.equals(b.groupName); }

    public static final class Builder {
        private String clusterName;
        private String groupName = DEFAULT_GROUP;
        private Output<String> cluster;
        private Output<String> nodeRoleArn;
        private Output<List<String>> subnetIds;
        private Output<String> securityGroupId;
        private List<String> instanceTypes;
        private CapacityType capacityType = CapacityType.ON_DEMAND;
        private Integer minSize;
        private Integer desiredSize;
        private Integer maxSize;
        private int diskGiB = DEFAULT_DISK_GIB;
        private String amiType;
        private Map<String, String> labels = Map.of();
        private List<Taint> taints = List.of();
        private List<Resource> dependsOn = List.of();

        private Builder() {
        }

        /** Required: the cluster's name as configured; it names the launch template and the EKS node group. */
        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /** The group's name: the EKS node group is {@code <cluster>-<group>}. Default: {@value #DEFAULT_GROUP}. */
        public Builder groupName(String groupName) {
            this.groupName = groupName;
            return this;
        }

        /** Required: the EKS cluster's name as created ({@link EksCluster#name()}), so the group waits for it. */
        public Builder cluster(Output<String> cluster) {
            this.cluster = cluster;
            return this;
        }

        /** Required: the nodes' IAM role, shared by the cluster's groups. */
        public Builder nodeRoleArn(Output<String> nodeRoleArn) {
            this.nodeRoleArn = nodeRoleArn;
            return this;
        }

        /** Required: the private subnets the nodes run in ({@link Network#privateSubnetIds()}). */
        public Builder subnetIds(Output<List<String>> subnetIds) {
            this.subnetIds = subnetIds;
            return this;
        }

        /** Required: the nodes' security group ({@link Firewall#nodeSecurityGroupId()}). */
        public Builder securityGroupId(Output<String> securityGroupId) {
            this.securityGroupId = securityGroupId;
            return this;
        }

        /** Required: EC2 instance types of one architecture, cheapest first. */
        public Builder instanceTypes(List<String> instanceTypes) {
            this.instanceTypes = List.copyOf(instanceTypes);
            return this;
        }

        /** On-demand or spot capacity. Default: {@code ON_DEMAND}. */
        public Builder capacityType(CapacityType capacityType) {
            this.capacityType = capacityType;
            return this;
        }

        /** Required: fewest nodes (0 lets the group scale to none). */
        public Builder minSize(int minSize) {
            this.minSize = minSize;
            return this;
        }

        /** Required: nodes the group starts with; the cluster autoscaler owns it afterwards. */
        public Builder desiredSize(int desiredSize) {
            this.desiredSize = desiredSize;
            return this;
        }

        /** Required: most nodes. */
        public Builder maxSize(int maxSize) {
            this.maxSize = maxSize;
            return this;
        }

        /** Size of each node's encrypted gp3 root volume. Default: {@value #DEFAULT_DISK_GIB} GiB. */
        public Builder diskGiB(int diskGiB) {
            this.diskGiB = diskGiB;
            return this;
        }

        /** Required: the EKS AMI type, such as {@code AL2023_x86_64_STANDARD} or {@code BOTTLEROCKET_x86_64_NVIDIA}. */
        public Builder amiType(String amiType) {
            this.amiType = amiType;
            return this;
        }

        /** Kubernetes labels of the nodes, besides {@code platform/node-group: <group>}. Default: none. */
        public Builder labels(Map<String, String> labels) {
            this.labels = Map.copyOf(labels);
            return this;
        }

        /** Taints of the nodes. Default: none. */
        public Builder taints(List<Taint> taints) {
            this.taints = List.copyOf(taints);
            return this;
        }

        /** Resources the nodes need first: the node role's policy attachments. Default: none. */
        public Builder dependsOn(List<Resource> dependsOn) {
            this.dependsOn = List.copyOf(dependsOn);
            return this;
        }

        public ManagedNodeGroupArgs build() {
            RequiredArgs.of(ManagedNodeGroupArgs.class).require("clusterName", clusterName).require("groupName", groupName)
                    .require("cluster", cluster).require("nodeRoleArn", nodeRoleArn).require("subnetIds", subnetIds)
                    .require("securityGroupId", securityGroupId).require("instanceTypes", instanceTypes)
                    .require("minSize", minSize).require("desiredSize", desiredSize).require("maxSize", maxSize)
                    .require("amiType", amiType).check();
            if (!(minSize >= 0 && minSize <= desiredSize && desiredSize <= maxSize && maxSize >= 1)) {
                throw new IllegalArgumentException("ManagedNodeGroupArgs needs 0 <= minSize <= desiredSize <= maxSize and maxSize >= 1, was "
                        + minSize + ", " + desiredSize + ", " + maxSize);
            }
            if (instanceTypes.isEmpty()) {
                throw new IllegalArgumentException("ManagedNodeGroupArgs.instanceTypes is empty");
            }
            return new ManagedNodeGroupArgs(this);
        }
    }
}
