package io.idp.platform.components;

import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.inputs.NodeGroupLaunchTemplateArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupTaintArgs;
import com.pulumi.aws.eks.inputs.NodeGroupUpdateConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.idp.platform.config.NodeGroupSettings.Taint;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One EKS managed node group: its launch template (IMDSv2 only with one hop, an encrypted gp3 root
 * volume, the nodes' security group) and the group in the cluster's private subnets, labelled
 * {@code platform/node-group: <group>}, with the group's own instance types, capacity type, sizes,
 * AMI type, labels and taints. A cluster has the {@code default} group and those its configuration
 * adds ({@code platform:nodeGroups}).
 */
public final class ManagedNodeGroup extends ComponentResource {
    public static final String TYPE = "platform:components:ManagedNodeGroup";
    public static final String GROUP_LABEL = "platform/node-group";

    private final NodeGroup nodeGroup;

    /** The children are named as the component is: the default group's kept the names they had in {@link EksCluster}. */
    public ManagedNodeGroup(String name, ManagedNodeGroupArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var cluster = args.clusterName();
        var group = args.groupName();
        var template = new LaunchTemplate(name, LaunchTemplateArgs.builder()
                .name(args.isDefault() ? cluster + "-nodes" : cluster + "-nodes-" + group)
                .description("Nodes of " + cluster + (args.isDefault() ? "" : ", group " + group) + ": IMDSv2 only, encrypted gp3 volume")
                .updateDefaultVersion(true)
                .vpcSecurityGroupIds(args.securityGroupId().applyValue(List::of))
                .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder()
                        .httpEndpoint("enabled")
                        .httpTokens("required")
                        // One hop: pods cannot reach the node's credentials; they use IRSA or pod identity.
                        .httpPutResponseHopLimit(1)
                        .build())
                .blockDeviceMappings(LaunchTemplateBlockDeviceMappingArgs.builder()
                        // Bottlerocket's root is small and fixed; its data volume is the second device.
                        .deviceName(args.amiType().startsWith("BOTTLEROCKET") ? "/dev/xvdb" : "/dev/xvda")
                        .ebs(LaunchTemplateBlockDeviceMappingEbsArgs.builder()
                                .volumeSize(args.diskGiB())
                                .volumeType("gp3")
                                .encrypted("true")
                                .deleteOnTermination("true")
                                .build())
                        .build())
                .build(), child);
        var labels = new TreeMap<>(args.labels());
        labels.put(GROUP_LABEL, group);
        var builder = NodeGroupArgs.builder()
                .clusterName(args.cluster())
                .nodeGroupName(cluster + "-" + group)
                .nodeRoleArn(args.nodeRoleArn())
                .subnetIds(args.subnetIds())
                .amiType(args.amiType())
                .capacityType(args.capacityType().name())
                .instanceTypes(args.instanceTypes())
                .scalingConfig(NodeGroupScalingConfigArgs.builder()
                        .minSize(args.minSize())
                        .desiredSize(args.desiredSize())
                        .maxSize(args.maxSize())
                        .build())
                .updateConfig(NodeGroupUpdateConfigArgs.builder().maxUnavailable(1).build())
                .launchTemplate(NodeGroupLaunchTemplateArgs.builder()
                        .id(template.id())
                        .version(template.latestVersion().applyValue(String::valueOf))
                        .build())
                .labels(Map.copyOf(labels));
        if (!args.taints().isEmpty()) {
            builder.taints(args.taints().stream().map(ManagedNodeGroup::taint).toList());
        }
        this.nodeGroup = new NodeGroup(name, builder.build(), CustomResourceOptions.builder().parent(this)
                .dependsOn(args.dependsOn())
                // The cluster autoscaler owns the desired size once nodes run.
                .ignoreChanges("scalingConfig.desiredSize").build());
        registerOutputs(Map.of("nodeGroupName", nodeGroup.nodeGroupName()));
    }

    private static NodeGroupTaintArgs taint(Taint taint) {
        var builder = NodeGroupTaintArgs.builder().key(taint.key()).effect(taint.effect());
        // A taint may have no value: the key alone marks the node.
        return taint.value() == null ? builder.build() : builder.value(taint.value()).build();
    }

    /** The EKS node group: what add-ons that run as pods wait for. */
    public NodeGroup nodeGroup() {
        return nodeGroup;
    }

    public Output<String> nodeGroupName() {
        return nodeGroup.nodeGroupName();
    }
}
