package io.idp.platform.components;

import io.idp.platform.support.PolicyDocuments;

import java.util.List;
import java.util.Map;

/**
 * The Karpenter controller's permissions, statement for statement as Karpenter's documentation
 * states its least-privilege controller policy (karpenter.sh, Reference, CloudFormation: the
 * {@code KarpenterControllerPolicy} of the getting-started template, v1): instances, fleets and
 * launch templates only with the cluster's ownership and NodePool tags, deletion only of what it
 * tagged, reads limited to the cluster's region, instance profiles only for its EC2NodeClasses,
 * its own interruption queue, and passing only the node role to EC2.
 */
public final class KarpenterControllerPolicy {
    private KarpenterControllerPolicy() {
    }

    /** The policy document for a cluster in a region of an account, with its node role and queue. */
    public static String document(String clusterName, String region, String accountId, String nodeRoleArn, String queueArn) {
        var ec2 = "arn:aws:ec2:" + region;
        var owned = "aws:RequestTag/kubernetes.io/cluster/" + clusterName;
        var resourceOwned = "aws:ResourceTag/kubernetes.io/cluster/" + clusterName;
        var launched = List.of(ec2 + ":*:fleet/*", ec2 + ":*:instance/*", ec2 + ":*:volume/*", ec2 + ":*:network-interface/*",
                ec2 + ":*:launch-template/*", ec2 + ":*:spot-instances-request/*");
        var profiles = "arn:aws:iam::" + accountId + ":instance-profile/*";
        return PolicyDocuments.document(List.of(
                allow("AllowScopedEC2InstanceAccessActions", List.of("ec2:RunInstances", "ec2:CreateFleet"),
                        List.of(ec2 + "::image/*", ec2 + "::snapshot/*", ec2 + ":*:security-group/*", ec2 + ":*:subnet/*",
                                ec2 + ":*:capacity-reservation/*"), null),
                allow("AllowScopedEC2LaunchTemplateAccessActions", List.of("ec2:RunInstances", "ec2:CreateFleet"),
                        List.of(ec2 + ":*:launch-template/*"),
                        Map.of("StringEquals", Map.of(resourceOwned, "owned"),
                                "StringLike", Map.of("aws:ResourceTag/karpenter.sh/nodepool", "*"))),
                allow("AllowScopedEC2InstanceActionsWithTags", List.of("ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate"),
                        launched,
                        Map.of("StringEquals", Map.of(owned, "owned", "aws:RequestTag/eks:eks-cluster-name", clusterName),
                                "StringLike", Map.of("aws:RequestTag/karpenter.sh/nodepool", "*"))),
                allow("AllowScopedResourceCreationTagging", List.of("ec2:CreateTags"), launched,
                        Map.of("StringEquals", Map.of(owned, "owned", "aws:RequestTag/eks:eks-cluster-name", clusterName,
                                        "ec2:CreateAction", List.of("RunInstances", "CreateFleet", "CreateLaunchTemplate")),
                                "StringLike", Map.of("aws:RequestTag/karpenter.sh/nodepool", "*"))),
                allow("AllowScopedResourceTagging", List.of("ec2:CreateTags"), List.of(ec2 + ":*:instance/*"),
                        Map.of("StringEquals", Map.of(resourceOwned, "owned"),
                                "StringLike", Map.of("aws:ResourceTag/karpenter.sh/nodepool", "*"),
                                "StringEqualsIfExists", Map.of("aws:RequestTag/eks:eks-cluster-name", clusterName),
                                "ForAllValues:StringEquals", Map.of("aws:TagKeys",
                                        List.of("eks:eks-cluster-name", "karpenter.sh/nodeclaim", "Name")))),
                allow("AllowScopedDeletion", List.of("ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"),
                        List.of(ec2 + ":*:instance/*", ec2 + ":*:launch-template/*"),
                        Map.of("StringEquals", Map.of(resourceOwned, "owned"),
                                "StringLike", Map.of("aws:ResourceTag/karpenter.sh/nodepool", "*"))),
                allow("AllowRegionalReadActions", List.of("ec2:DescribeCapacityReservations", "ec2:DescribeImages",
                                "ec2:DescribeInstances", "ec2:DescribeInstanceTypeOfferings", "ec2:DescribeInstanceTypes",
                                "ec2:DescribeLaunchTemplates", "ec2:DescribeSecurityGroups", "ec2:DescribeSpotPriceHistory",
                                "ec2:DescribeSubnets"), List.of("*"),
                        Map.of("StringEquals", Map.of("aws:RequestedRegion", region))),
                allow("AllowSSMReadActions", List.of("ssm:GetParameter"),
                        List.of("arn:aws:ssm:" + region + "::parameter/aws/service/*"), null),
                allow("AllowPricingReadActions", List.of("pricing:GetProducts"), List.of("*"), null),
                allow("AllowInterruptionQueueActions", List.of("sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"),
                        List.of(queueArn), null),
                allow("AllowPassingInstanceRole", List.of("iam:PassRole"), List.of(nodeRoleArn),
                        Map.of("StringEquals", Map.of("iam:PassedToService", List.of("ec2.amazonaws.com")))),
                allow("AllowScopedInstanceProfileCreationActions", List.of("iam:CreateInstanceProfile"), List.of(profiles),
                        Map.of("StringEquals", Map.of(owned, "owned", "aws:RequestTag/eks:eks-cluster-name", clusterName,
                                        "aws:RequestTag/topology.kubernetes.io/region", region),
                                "StringLike", Map.of("aws:RequestTag/karpenter.k8s.aws/ec2nodeclass", "*"))),
                allow("AllowScopedInstanceProfileTagActions", List.of("iam:TagInstanceProfile"), List.of(profiles),
                        Map.of("StringEquals", Map.of(resourceOwned, "owned", "aws:ResourceTag/topology.kubernetes.io/region", region,
                                        owned, "owned", "aws:RequestTag/eks:eks-cluster-name", clusterName,
                                        "aws:RequestTag/topology.kubernetes.io/region", region),
                                "StringLike", Map.of("aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass", "*",
                                        "aws:RequestTag/karpenter.k8s.aws/ec2nodeclass", "*"))),
                allow("AllowScopedInstanceProfileActions", List.of("iam:AddRoleToInstanceProfile",
                                "iam:RemoveRoleFromInstanceProfile", "iam:DeleteInstanceProfile"), List.of(profiles),
                        Map.of("StringEquals", Map.of(resourceOwned, "owned", "aws:ResourceTag/topology.kubernetes.io/region", region),
                                "StringLike", Map.of("aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass", "*"))),
                allow("AllowInstanceProfileReadActions", List.of("iam:GetInstanceProfile"), List.of(profiles), null),
                allow("AllowUnscopedInstanceProfileListAction", List.of("iam:ListInstanceProfiles"), List.of("*"), null),
                allow("AllowAPIServerEndpointDiscovery", List.of("eks:DescribeCluster"),
                        List.of("arn:aws:eks:" + region + ":" + accountId + ":cluster/" + clusterName), null)));
    }

    private static Map<String, Object> allow(String sid, List<String> actions, List<String> resources, Map<String, Object> condition) {
        return PolicyDocuments.statement(sid, "Allow", null, actions, resources, condition);
    }
}
