package io.idp.platform.local.cloud;

/** What AWS returns on create: ids in each service's format, ARNs, computed names. */
final class AwsModels {
    private AwsModels() {
    }

    /** The account as seen from the resource's provider: a provider pinned to another region creates there. */
    private static Account regional(Account account, ResourceModels.Created c) {
        return account.inRegion(c.providerSetting("region", account.region()));
    }

    static void register(ResourceModels m, Account account, Ids ids) {
        m.model("aws:s3/bucketV2:BucketV2", c -> {
            var bucket = c.autoName("bucket");
            c.id = bucket;
            c.put("arn", "arn:aws:s3:::" + bucket);
            c.put("bucketDomainName", bucket + ".s3.amazonaws.com");
            c.put("bucketRegionalDomainName", bucket + ".s3." + regional(account, c).region() + ".amazonaws.com");
            c.put("region", regional(account, c).region());
        });
        // S3 configuration resources are identified by their bucket.
        for (var config : new String[]{"bucketVersioningV2:BucketVersioningV2",
                "bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "bucketPublicAccessBlock:BucketPublicAccessBlock", "bucketOwnershipControls:BucketOwnershipControls",
                "bucketPolicy:BucketPolicy", "bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "bucketLoggingV2:BucketLoggingV2", "bucketReplicationConfig:BucketReplicationConfig"}) {
            m.model("aws:s3/" + config, c -> c.id = c.input("bucket"));
        }
        m.model("aws:kms/key:Key", c -> {
            c.id = ids.uuid(c.type, c.name);
            c.put("keyId", c.id);
            c.put("arn", regional(account, c).arn("kms", "key/" + c.id));
        });
        m.model("aws:kms/alias:Alias", c -> {
            var name = c.input("name") != null ? c.input("name") : "alias/" + c.name + "-" + c.hex(7);
            c.put("name", name);
            c.id = name;
            c.put("arn", regional(account, c).arn("kms", name));
            c.put("targetKeyArn", regional(account, c).arn("kms", "key/" + c.input("targetKeyId")));
        });
        m.model("aws:ec2/vpc:Vpc", c -> {
            c.id = "vpc-" + c.hex(17);
            c.put("arn", account.arn("ec2", "vpc/" + c.id));
            c.put("defaultSecurityGroupId", "sg-" + ids.hex(17, c.id, "default-sg"));
            c.put("defaultNetworkAclId", "acl-" + ids.hex(17, c.id, "default-acl"));
            c.put("defaultRouteTableId", "rtb-" + ids.hex(17, c.id, "main-rtb"));
            c.put("mainRouteTableId", "rtb-" + ids.hex(17, c.id, "main-rtb"));
            c.put("ownerId", account.accountId());
        });
        m.model("aws:ec2/subnet:Subnet", c -> {
            c.id = "subnet-" + c.hex(17);
            c.put("arn", account.arn("ec2", "subnet/" + c.id));
            c.put("ownerId", account.accountId());
        });
        m.model("aws:ec2/internetGateway:InternetGateway", c -> {
            c.id = "igw-" + c.hex(17);
            c.put("arn", account.arn("ec2", "internet-gateway/" + c.id));
        });
        m.model("aws:ec2/eip:Eip", c -> {
            c.id = "eipalloc-" + c.hex(17);
            c.put("allocationId", c.id);
            // Addresses from TEST-NET-2, never a real public address.
            c.put("publicIp", "198.51.100." + (ids.number(254, c.type, c.name) + 1));
        });
        m.model("aws:ec2/natGateway:NatGateway", c -> {
            c.id = "nat-" + c.hex(17);
            c.put("networkInterfaceId", "eni-" + c.hex(17));
        });
        m.model("aws:ec2/routeTable:RouteTable", c -> {
            c.id = "rtb-" + c.hex(17);
            c.put("arn", account.arn("ec2", "route-table/" + c.id));
        });
        m.model("aws:ec2/route:Route", c -> c.id = "r-" + c.input("routeTableId") + "1080289494");
        m.model("aws:ec2/routeTableAssociation:RouteTableAssociation", c -> c.id = "rtbassoc-" + c.hex(17));
        m.model("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", c -> {
            c.id = "sg-" + c.hex(17);
            c.put("arn", account.arn("ec2", "security-group/" + c.id));
            c.put("name", "default");
        });
        m.model("aws:ec2/securityGroup:SecurityGroup", c -> {
            c.autoName("name");
            c.id = "sg-" + c.hex(17);
            c.put("arn", account.arn("ec2", "security-group/" + c.id));
        });
        m.model("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", c -> c.id = "sgr-" + c.hex(17));
        m.model("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", c -> c.id = "sgr-" + c.hex(17));
        m.model("aws:ec2/flowLog:FlowLog", c -> {
            c.id = "fl-" + c.hex(17);
            c.put("arn", account.arn("ec2", "vpc-flow-log/" + c.id));
        });
        m.model("aws:cloudwatch/logGroup:LogGroup", c -> {
            c.id = c.autoName("name");
            c.put("arn", account.arn("logs", "log-group:" + c.id));
        });
        m.model("aws:iam/role:Role", c -> {
            c.id = c.autoName("name");
            var path = c.input("path") != null ? c.input("path") : "/";
            c.put("arn", account.globalArn("iam", "role" + path + c.id));
            c.put("uniqueId", "AROA" + ids.upper(17, c.type, c.name));
        });
        m.model("aws:iam/policy:Policy", c -> {
            c.autoName("name");
            c.id = account.globalArn("iam", "policy/" + c.input("name"));
            c.put("arn", c.id);
            c.put("policyId", "ANPA" + ids.upper(17, c.type, c.name));
        });
        m.model("aws:iam/rolePolicy:RolePolicy", c -> c.id = c.input("role") + ":" + c.autoName("name"));
        m.model("aws:iam/rolePolicyAttachment:RolePolicyAttachment", c -> c.id = c.input("role") + "-" + c.hex(26));
        m.model("aws:iam/openIdConnectProvider:OpenIdConnectProvider", c -> {
            var host = String.valueOf(c.input("url")).replaceFirst("^https://", "");
            c.id = account.globalArn("iam", "oidc-provider/" + host);
            c.put("arn", c.id);
        });
        m.model("aws:secretsmanager/secret:Secret", c -> {
            var name = c.autoName("name");
            c.id = regional(account, c).arn("secretsmanager", "secret:" + name + "-" + ids.hex(6, c.type, c.name));
            c.put("arn", c.id);
        });
        m.model("aws:secretsmanager/secretVersion:SecretVersion", c -> {
            c.put("versionId", ids.uuid(c.type, c.name));
            c.id = c.input("secretId") + "|" + c.state.get("versionId");
            c.put("arn", c.input("secretId"));
        });
        m.model("aws:eks/cluster:Cluster", c -> {
            var name = c.input("name");
            c.id = name;
            var endpointId = ids.upper(32, "eks", name).replaceAll("[^A-Z0-9]", "7");
            c.put("arn", account.arn("eks", "cluster/" + name));
            c.put("endpoint", "https://" + endpointId + ".gr7." + account.region() + ".eks.amazonaws.com");
            c.put("certificateAuthority", java.util.Map.of("data", java.util.Base64.getEncoder().encodeToString(
                    ("-----BEGIN CERTIFICATE-----\n" + ids.hex(96, "ca", name) + "\n-----END CERTIFICATE-----\n").getBytes())));
            c.put("identities", java.util.List.of(java.util.Map.of("oidcs", java.util.List.of(java.util.Map.of(
                    "issuer", "https://oidc.eks." + account.region() + ".amazonaws.com/id/" + endpointId)))));
            c.put("status", "ACTIVE");
            c.put("platformVersion", "eks.1");
            c.put("clusterId", ids.uuid(c.type, name));
            if (c.state.get("vpcConfig") instanceof java.util.Map<?, ?> vpc) {
                var withComputed = new java.util.HashMap<String, Object>();
                vpc.forEach((k, v) -> withComputed.put(String.valueOf(k), v));
                withComputed.put("clusterSecurityGroupId", "sg-" + ids.hex(17, "eks-cluster-sg", name));
                withComputed.put("vpcId", "vpc-" + ids.hex(17, "eks-vpc", name));
                c.put("vpcConfig", withComputed);
            }
        });
        m.model("aws:eks/nodeGroup:NodeGroup", c -> {
            c.id = c.input("clusterName") + ":" + c.input("nodeGroupName");
            c.put("arn", account.arn("eks", "nodegroup/" + c.input("clusterName") + "/" + c.input("nodeGroupName") + "/" + ids.uuid(c.type, c.name)));
            c.put("status", "ACTIVE");
        });
        m.model("aws:eks/addon:Addon", c -> {
            c.id = c.input("clusterName") + ":" + c.input("addonName");
            c.put("arn", account.arn("eks", "addon/" + c.input("clusterName") + "/" + c.input("addonName") + "/" + ids.uuid(c.type, c.name)));
        });
        m.model("aws:eks/accessEntry:AccessEntry", c -> {
            c.id = c.input("clusterName") + ":" + c.input("principalArn");
            c.put("accessEntryArn", account.arn("eks", "access-entry/" + c.input("clusterName") + "/role/" + c.hex(8)));
        });
        m.model("aws:eks/accessPolicyAssociation:AccessPolicyAssociation", c ->
                c.id = c.input("clusterName") + "#" + c.input("principalArn") + "#" + c.input("policyArn"));
        m.model("aws:ec2/launchTemplate:LaunchTemplate", c -> {
            c.autoName("name");
            c.id = "lt-" + c.hex(17);
            c.put("arn", account.arn("ec2", "launch-template/" + c.id));
            c.put("latestVersion", 1);
            c.put("defaultVersion", 1);
        });
        // SQS: a queue is known by its URL; its policy by the queue's URL.
        m.model("aws:sqs/queue:Queue", c -> {
            var name = c.autoName("name");
            var at = regional(account, c);
            c.id = "https://sqs." + at.region() + ".amazonaws.com/" + at.accountId() + "/" + name;
            c.put("url", c.id);
            c.put("arn", at.arn("sqs", name));
        });
        m.model("aws:sqs/queuePolicy:QueuePolicy", c -> c.id = c.input("queueUrl"));
        // EventBridge: a rule on the default bus is known by its name, a target by its rule and target id.
        m.model("aws:cloudwatch/eventRule:EventRule", c -> {
            c.id = c.autoName("name");
            c.put("arn", regional(account, c).arn("events", "rule/" + c.id));
            c.put("eventBusName", "default");
        });
        m.model("aws:cloudwatch/eventTarget:EventTarget", c -> {
            c.id = c.input("rule") + "-" + c.input("targetId");
            c.put("eventBusName", "default");
        });
        m.model("aws:ecr/repository:Repository", c -> {
            var name = c.autoName("name");
            c.id = name;
            c.put("arn", account.arn("ecr", "repository/" + name));
            c.put("registryId", account.accountId());
            c.put("repositoryUrl", account.accountId() + ".dkr.ecr." + account.region() + ".amazonaws.com/" + name);
        });
        m.model("aws:ecr/lifecyclePolicy:LifecyclePolicy", c -> {
            c.id = c.input("repository");
            c.put("registryId", account.accountId());
        });
    }
}