package io.idp.platform.graph;

import java.util.Map;

/**
 * Typical time to create one resource of a type, in seconds, for estimating how long {@code pulumi up}
 * takes at the least. Sources: the AWS documentation's stated creation times (EKS clusters "10 to 15
 * minutes", managed node groups, NAT gateways), the EKS add-on and Helm waits the program asks for,
 * and timings seen in Pulumi and Terraform runs of these resources; see docs/critical-path.md.
 * Types not listed take {@link #DEFAULT_SECONDS}.
 */
public final class ProvisioningTimes {
    public static final int DEFAULT_SECONDS = 3;

    private static final Map<String, Integer> SECONDS = Map.ofEntries(
            Map.entry("aws:eks/cluster:Cluster", 600),
            Map.entry("aws:eks/nodeGroup:NodeGroup", 240),
            Map.entry("aws:eks/addon:Addon", 60),
            Map.entry("aws:eks/accessEntry:AccessEntry", 5),
            Map.entry("aws:eks/accessPolicyAssociation:AccessPolicyAssociation", 5),
            Map.entry("aws:ec2/natGateway:NatGateway", 120),
            Map.entry("aws:ec2/vpc:Vpc", 5),
            Map.entry("aws:ec2/subnet:Subnet", 5),
            Map.entry("aws:ec2/internetGateway:InternetGateway", 5),
            Map.entry("aws:ec2/eip:Eip", 3),
            Map.entry("aws:ec2/launchTemplate:LaunchTemplate", 3),
            Map.entry("aws:ec2/flowLog:FlowLog", 5),
            Map.entry("aws:iam/role:Role", 10),
            Map.entry("aws:iam/openIdConnectProvider:OpenIdConnectProvider", 5),
            Map.entry("aws:kms/key:Key", 10),
            Map.entry("aws:s3/bucketV2:BucketV2", 5),
            Map.entry("aws:secretsmanager/secret:Secret", 3),
            Map.entry("kubernetes:helm.sh/v3:Release", 180),
            Map.entry("kubernetes:core/v1:Namespace", 2),
            Map.entry("github:index/repository:Repository", 5),
            Map.entry("github:index/repositoryFile:RepositoryFile", 2),
            Map.entry("cloudflare:index/apiToken:ApiToken", 2),
            Map.entry("cloudflare:index/zoneDnssec:ZoneDnssec", 10));

    private ProvisioningTimes() {
    }

    public static int seconds(String type) {
        if (type.startsWith("pulumi:providers:")) {
            return 0;
        }
        return SECONDS.getOrDefault(type, DEFAULT_SECONDS);
    }
}
