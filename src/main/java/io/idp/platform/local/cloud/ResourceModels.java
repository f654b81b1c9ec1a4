package io.idp.platform.local.cloud;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a real provider returns on create, per resource type: ids in each service's format, ARNs,
 * endpoints, provider-computed names (Pulumi's auto-naming: logical name plus seven hex digits).
 * Types without a model echo their inputs with a generated id, as a provider with no computed
 * outputs would.
 */
final class ResourceModels {
    private final Account account;
    private final Ids ids;
    private final Map<String, Consumer<Created>> models = new HashMap<>();

    /** A resource being created: its inputs become its state, the model adds what the cloud computes. */
    final class Created {
        final String type;
        final String name;
        final Map<String, Object> state;
        String id;

        Created(String type, String name, Map<String, Object> inputs) {
            this.type = type;
            this.name = name;
            this.state = new HashMap<>(inputs);
        }

        String hex(int length) {
            return ids.hex(length, type, name);
        }

        String input(String key) {
            var value = state.get(key);
            return value == null ? null : String.valueOf(value);
        }

        /** Pulumi auto-names a resource whose name property is not set. */
        String autoName(String property) {
            var given = input(property);
            if (given == null) {
                var prefix = input("namePrefix");
                given = (prefix != null ? prefix : name + "-") + hex(7);
                state.put(property, given);
            }
            return given;
        }

        void put(String key, Object value) {
            state.put(key, value);
        }
    }

    ResourceModels(Account account, Ids ids) {
        this.account = account;
        this.ids = ids;
        aws();
    }

    Created create(String type, String name, Map<String, Object> inputs) {
        var created = new Created(type, name, inputs);
        models.getOrDefault(type, c -> c.id = c.name + "-" + c.hex(8)).accept(created);
        if (type.startsWith("pulumi:providers:")) {
            created.id = ids.uuid(type, name);
        }
        if (type.startsWith("aws:") && created.state.containsKey("tags")) {
            created.put("tagsAll", created.state.get("tags"));
        }
        return created;
    }

    private void model(String type, Consumer<Created> model) {
        models.put(type, model);
    }

    /** S3 configuration resources are identified by their bucket. */
    private void bucketConfig(String type) {
        model(type, c -> c.id = c.input("bucket"));
    }

    private void aws() {
        model("aws:s3/bucketV2:BucketV2", c -> {
            var bucket = c.autoName("bucket");
            c.id = bucket;
            c.put("arn", "arn:aws:s3:::" + bucket);
            c.put("bucketDomainName", bucket + ".s3.amazonaws.com");
            c.put("bucketRegionalDomainName", bucket + ".s3." + account.region() + ".amazonaws.com");
            c.put("region", account.region());
        });
        for (var config : new String[]{"bucketVersioningV2:BucketVersioningV2",
                "bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "bucketPublicAccessBlock:BucketPublicAccessBlock", "bucketOwnershipControls:BucketOwnershipControls",
                "bucketPolicy:BucketPolicy", "bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "bucketLoggingV2:BucketLoggingV2"}) {
            bucketConfig("aws:s3/" + config);
        }
        model("aws:kms/key:Key", c -> {
            c.id = ids.uuid(c.type, c.name);
            c.put("keyId", c.id);
            c.put("arn", account.arn("kms", "key/" + c.id));
        });
        model("aws:kms/alias:Alias", c -> {
            var name = c.input("name") != null ? c.input("name") : "alias/" + c.name + "-" + c.hex(7);
            c.put("name", name);
            c.id = name;
            c.put("arn", account.arn("kms", name));
            c.put("targetKeyArn", account.arn("kms", "key/" + c.input("targetKeyId")));
        });
        model("aws:ec2/vpc:Vpc", c -> {
            c.id = "vpc-" + c.hex(17);
            c.put("arn", account.arn("ec2", "vpc/" + c.id));
            c.put("defaultSecurityGroupId", "sg-" + ids.hex(17, c.id, "default-sg"));
            c.put("defaultNetworkAclId", "acl-" + ids.hex(17, c.id, "default-acl"));
            c.put("defaultRouteTableId", "rtb-" + ids.hex(17, c.id, "main-rtb"));
            c.put("mainRouteTableId", "rtb-" + ids.hex(17, c.id, "main-rtb"));
            c.put("ownerId", account.accountId());
        });
        model("aws:ec2/subnet:Subnet", c -> {
            c.id = "subnet-" + c.hex(17);
            c.put("arn", account.arn("ec2", "subnet/" + c.id));
            c.put("ownerId", account.accountId());
        });
        model("aws:ec2/internetGateway:InternetGateway", c -> {
            c.id = "igw-" + c.hex(17);
            c.put("arn", account.arn("ec2", "internet-gateway/" + c.id));
        });
        model("aws:ec2/eip:Eip", c -> {
            c.id = "eipalloc-" + c.hex(17);
            c.put("allocationId", c.id);
            // Addresses from TEST-NET-2, never a real public address.
            c.put("publicIp", "198.51.100." + (ids.number(254, c.type, c.name) + 1));
        });
        model("aws:ec2/natGateway:NatGateway", c -> {
            c.id = "nat-" + c.hex(17);
            c.put("networkInterfaceId", "eni-" + c.hex(17));
        });
        model("aws:ec2/routeTable:RouteTable", c -> {
            c.id = "rtb-" + c.hex(17);
            c.put("arn", account.arn("ec2", "route-table/" + c.id));
        });
        model("aws:ec2/route:Route", c -> c.id = "r-" + c.input("routeTableId") + "1080289494");
        model("aws:ec2/routeTableAssociation:RouteTableAssociation", c -> c.id = "rtbassoc-" + c.hex(17));
        model("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", c -> {
            c.id = "sg-" + c.hex(17);
            c.put("arn", account.arn("ec2", "security-group/" + c.id));
            c.put("name", "default");
        });
        model("aws:ec2/securityGroup:SecurityGroup", c -> {
            c.autoName("name");
            c.id = "sg-" + c.hex(17);
            c.put("arn", account.arn("ec2", "security-group/" + c.id));
        });
        model("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", c -> c.id = "sgr-" + c.hex(17));
        model("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", c -> c.id = "sgr-" + c.hex(17));
        model("aws:ec2/flowLog:FlowLog", c -> {
            c.id = "fl-" + c.hex(17);
            c.put("arn", account.arn("ec2", "vpc-flow-log/" + c.id));
        });
        model("aws:cloudwatch/logGroup:LogGroup", c -> {
            c.id = c.autoName("name");
            c.put("arn", account.arn("logs", "log-group:" + c.id));
        });
        model("aws:iam/role:Role", c -> {
            c.id = c.autoName("name");
            var path = c.input("path") != null ? c.input("path") : "/";
            c.put("arn", account.globalArn("iam", "role" + path + c.id));
            c.put("uniqueId", "AROA" + ids.upper(17, c.type, c.name));
        });
        model("aws:iam/policy:Policy", c -> {
            c.autoName("name");
            c.id = account.globalArn("iam", "policy/" + c.input("name"));
            c.put("arn", c.id);
            c.put("policyId", "ANPA" + ids.upper(17, c.type, c.name));
        });
        model("aws:iam/rolePolicy:RolePolicy", c -> c.id = c.input("role") + ":" + c.autoName("name"));
        model("aws:iam/rolePolicyAttachment:RolePolicyAttachment", c -> c.id = c.input("role") + "-" + c.hex(26));
        model("aws:iam/openIdConnectProvider:OpenIdConnectProvider", c -> {
            var host = String.valueOf(c.input("url")).replaceFirst("^https://", "");
            c.id = account.globalArn("iam", "oidc-provider/" + host);
            c.put("arn", c.id);
        });
        model("aws:secretsmanager/secret:Secret", c -> {
            var name = c.autoName("name");
            c.id = account.arn("secretsmanager", "secret:" + name + "-" + ids.hex(6, c.type, c.name));
            c.put("arn", c.id);
        });
        model("aws:secretsmanager/secretVersion:SecretVersion", c -> {
            c.put("versionId", ids.uuid(c.type, c.name));
            c.id = c.input("secretId") + "|" + c.state.get("versionId");
            c.put("arn", c.input("secretId"));
        });
    }
}
