package io.idp.platform.local;

import java.util.Map;
import java.util.Set;

/**
 * Input properties whose change makes the provider replace the resource instead of updating it in
 * place (the providers' ForceNew schema flags). A diff marks such changes, because a replacement of
 * a cluster or a bucket is the change a reviewer most needs to see.
 */
public final class ReplaceRules {
    private static final Set<String> S3_CONFIG = Set.of("bucket", "expectedBucketOwner");
    private static final Map<String, Set<String>> BY_TYPE = Map.ofEntries(
            Map.entry("pulumi:providers:aws", Set.of("region")),
            // pulumi-kubernetes replaces its provider, and so every object it manages, when the cluster changes.
            Map.entry("pulumi:providers:kubernetes", Set.of("kubeconfig")),
            Map.entry("aws:s3/bucketV2:BucketV2", Set.of("bucket", "bucketPrefix", "objectLockEnabled")),
            Map.entry("aws:s3/bucketVersioningV2:BucketVersioningV2", S3_CONFIG),
            Map.entry("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", S3_CONFIG),
            Map.entry("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", Set.of("bucket")),
            Map.entry("aws:s3/bucketOwnershipControls:BucketOwnershipControls", Set.of("bucket")),
            Map.entry("aws:s3/bucketPolicy:BucketPolicy", Set.of("bucket")),
            Map.entry("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", S3_CONFIG),
            Map.entry("aws:kms/key:Key", Set.of("customerMasterKeySpec", "keyUsage", "customKeyStoreId", "multiRegion", "xksKeyId")),
            Map.entry("aws:kms/alias:Alias", Set.of("name", "namePrefix")),
            Map.entry("aws:ec2/vpc:Vpc", Set.of("cidrBlock", "ipv4IpamPoolId", "ipv4NetmaskLength")),
            Map.entry("aws:ec2/subnet:Subnet", Set.of("vpcId", "cidrBlock", "availabilityZone", "availabilityZoneId", "outpostArn")),
            Map.entry("aws:ec2/eip:Eip", Set.of("domain", "address", "publicIpv4Pool")),
            Map.entry("aws:ec2/natGateway:NatGateway", Set.of("allocationId", "subnetId", "connectivityType", "privateIp")),
            Map.entry("aws:ec2/routeTable:RouteTable", Set.of("vpcId")),
            Map.entry("aws:ec2/route:Route", Set.of("routeTableId", "destinationCidrBlock", "destinationIpv6CidrBlock", "destinationPrefixListId")),
            Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", Set.of("subnetId", "gatewayId")),
            Map.entry("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", Set.of("vpcId")),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", Set.of("name", "namePrefix", "description", "vpcId")),
            Map.entry("aws:ec2/flowLog:FlowLog", Set.of("vpcId", "subnetId", "eniId", "trafficType", "logDestination",
                    "logDestinationType", "iamRoleArn", "maxAggregationInterval", "logFormat", "destinationOptions")),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", Set.of("name", "namePrefix", "logGroupClass")),
            Map.entry("aws:iam/role:Role", Set.of("name", "namePrefix", "path")),
            Map.entry("aws:iam/policy:Policy", Set.of("name", "namePrefix", "path", "description")),
            Map.entry("aws:iam/rolePolicy:RolePolicy", Set.of("name", "namePrefix", "role")),
            Map.entry("aws:iam/rolePolicyAttachment:RolePolicyAttachment", Set.of("role", "policyArn")),
            Map.entry("aws:iam/openIdConnectProvider:OpenIdConnectProvider", Set.of("url")),
            Map.entry("aws:eks/cluster:Cluster", Set.of("name", "kubernetesNetworkConfig", "bootstrapSelfManagedAddons",
                    "vpcConfig.securityGroupIds", "accessConfig.bootstrapClusterCreatorAdminPermissions", "outpostConfig")),
            Map.entry("aws:eks/nodeGroup:NodeGroup", Set.of("clusterName", "nodeGroupName", "nodeGroupNamePrefix", "nodeRoleArn",
                    "subnetIds", "instanceTypes", "amiType", "capacityType", "diskSize", "remoteAccess")),
            Map.entry("aws:eks/addon:Addon", Set.of("clusterName", "addonName")),
            Map.entry("aws:eks/accessEntry:AccessEntry", Set.of("clusterName", "principalArn", "type")),
            Map.entry("aws:secretsmanager/secret:Secret", Set.of("name", "namePrefix")),
            Map.entry("aws:secretsmanager/secretVersion:SecretVersion", Set.of("secretId", "secretString", "secretBinary")));

    private ReplaceRules() {
    }

    /**
     * True when changing the property at this path replaces the resource: the provider's rule, the
     * program's own replaceOnChanges, or Kubernetes objects' identity (name and namespace).
     */
    public static boolean replaces(String type, String path, java.util.List<String> replaceOnChanges) {
        if (replaceOnChanges.contains("*")) {
            return true;
        }
        for (var property : replaceOnChanges) {
            if (matches(path, property)) {
                return true;
            }
        }
        if (type.startsWith("kubernetes:") && (matches(path, "metadata.name") || matches(path, "metadata.namespace"))) {
            return true;
        }
        for (var property : BY_TYPE.getOrDefault(type, Set.of())) {
            if (matches(path, property)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String path, String property) {
        return path.equals(property) || path.startsWith(property + ".") || path.startsWith(property + "[");
    }
}
