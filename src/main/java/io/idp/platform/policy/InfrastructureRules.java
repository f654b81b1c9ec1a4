package io.idp.platform.policy;

import java.util.List;
import java.util.Map;

import static io.idp.platform.policy.PlanFacts.*;

/** Network, keys, logs and secrets: checkov's VPC, EC2, KMS, CloudWatch and Secrets Manager checks. */
final class InfrastructureRules {
    static final String VPC = "aws:ec2/vpc:Vpc";
    static final String FLOW_LOG = "aws:ec2/flowLog:FlowLog";
    static final String DEFAULT_SG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
    static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    static final String SUBNET = "aws:ec2/subnet:Subnet";
    static final String KEY = "aws:kms/key:Key";
    static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    static final String SECRET = "aws:secretsmanager/secret:Secret";
    static final String ECR = "aws:ecr/repository:Repository";

    private InfrastructureRules() {
    }

    static List<Rule> rules() {
        var vpc = resource(VPC, "vpc", Map.of("cidrBlock", "10.0.0.0/16"));
        return List.of(
                new Rule("CKV2_AWS_11", "checkov CKV2_AWS_11", Severity.MANDATORY, VPC, "VPC flow logs are enabled",
                        "add a FlowLog of all traffic for the VPC",
                        (r, p) -> fail(referencing(p, FLOW_LOG, "vpcId", r).isEmpty(), "the VPC has no flow log"),
                        examples(plan(vpc, resource(FLOW_LOG, "fl", Map.of("vpcId", "vpc-id", "trafficType", "ALL"))), plan(vpc))),
                new Rule("CKV2_AWS_12", "checkov CKV2_AWS_12", Severity.MANDATORY, VPC, "the default security group allows no traffic",
                        "manage the DefaultSecurityGroup without ingress or egress rules",
                        (r, p) -> fail(referencing(p, DEFAULT_SG, "vpcId", r).stream().noneMatch(sg -> sg.inputs().get("ingress") == null
                                        && sg.inputs().get("egress") == null), "the default security group is not closed"),
                        examples(plan(vpc, resource(DEFAULT_SG, "d", Map.of("vpcId", "vpc-id"))),
                                plan(vpc, resource(DEFAULT_SG, "d", Map.of("vpcId", "vpc-id", "ingress", List.of(Map.of("protocol", "-1"))))))),
                new Rule("CKV_AWS_24", "checkov CKV_AWS_24, CKV_AWS_25, CKV_AWS_260", Severity.MANDATORY, INGRESS,
                        "no ingress from the whole internet", "allow ingress from security groups or named networks",
                        (r, p) -> fail("0.0.0.0/0".equals(input(r, "cidrIpv4")) || "::/0".equals(input(r, "cidrIpv6")),
                                "ingress is open to the internet"),
                        examples(INGRESS, Map.of("referencedSecurityGroupId", "sg-1", "description", "d"),
                                Map.of("cidrIpv4", "0.0.0.0/0", "fromPort", 22L, "description", "ssh"))),
                new Rule("CKV_AWS_23", "checkov CKV_AWS_23", Severity.ADVISORY, INGRESS, "every ingress rule says why it exists",
                        "add a description", (r, p) -> fail(String.valueOf(input(r, "description")).isBlank() || input(r, "description") == null,
                        "the rule has no description"),
                        examples(INGRESS, Map.of("description", "API from nodes"), Map.of("referencedSecurityGroupId", "sg-1"))),
                new Rule("PLAT_NET_1", "checkov CKV_AWS_23 (egress)", Severity.ADVISORY, EGRESS, "every egress rule says why it exists",
                        "add a description", (r, p) -> fail(input(r, "description") == null || String.valueOf(input(r, "description")).isBlank(),
                        "the rule has no description"),
                        examples(EGRESS, Map.of("description", "NAT egress"), Map.of("cidrIpv4", "0.0.0.0/0"))),
                new Rule("CKV_AWS_130", "checkov CKV_AWS_130", Severity.ADVISORY, SUBNET, "subnets do not give instances public addresses",
                        "set mapPublicIpOnLaunch false", (r, p) -> fail(isTrue(r, "mapPublicIpOnLaunch"), "instances get public addresses"),
                        examples(SUBNET, Map.of("mapPublicIpOnLaunch", false), Map.of("mapPublicIpOnLaunch", true))),
                new Rule("CKV_AWS_7", "checkov CKV_AWS_7", Severity.MANDATORY, KEY, "key rotation is enabled", "set enableKeyRotation true",
                        (r, p) -> fail(!isTrue(r, "enableKeyRotation"), "the key does not rotate"),
                        examples(KEY, Map.of("enableKeyRotation", true), Map.of("enableKeyRotation", false))),
                new Rule("PLAT_KMS_1", "AWS KMS best practices: waiting period before deletion", Severity.ADVISORY, KEY,
                        "a deleted key can be recovered for 30 days", "set deletionWindowInDays 30",
                        (r, p) -> fail(!(input(r, "deletionWindowInDays") instanceof Number n && n.longValue() >= 30),
                                "the deletion window is " + input(r, "deletionWindowInDays") + " days"),
                        examples(KEY, Map.of("deletionWindowInDays", 30L), Map.of("deletionWindowInDays", 7L))),
                new Rule("CKV_AWS_338", "checkov CKV_AWS_338", Severity.ADVISORY, LOG_GROUP, "logs are kept at least a year",
                        "set retentionInDays 365 or more",
                        (r, p) -> fail(!(input(r, "retentionInDays") instanceof Number n && (n.longValue() == 0 || n.longValue() >= 365)),
                                "logs are kept " + input(r, "retentionInDays") + " days"),
                        examples(LOG_GROUP, Map.of("retentionInDays", 365L), Map.of("retentionInDays", 30L))),
                new Rule("CKV_AWS_51", "checkov CKV_AWS_51", Severity.MANDATORY, ECR, "image tags are immutable",
                        "set imageTagMutability IMMUTABLE", (r, p) -> fail(!"IMMUTABLE".equals(input(r, "imageTagMutability")),
                        "tags can be overwritten"),
                        examples(ECR, Map.of("imageTagMutability", "IMMUTABLE"), Map.of("imageTagMutability", "MUTABLE"))),
                new Rule("CKV_AWS_163", "checkov CKV_AWS_163", Severity.MANDATORY, ECR, "images are scanned on push",
                        "set imageScanningConfiguration.scanOnPush true",
                        (r, p) -> fail(!isTrue(r, "imageScanningConfiguration.scanOnPush"), "images are not scanned"),
                        examples(ECR, Map.of("imageScanningConfiguration", Map.of("scanOnPush", true)),
                                Map.of("imageScanningConfiguration", Map.of("scanOnPush", false)))),
                new Rule("CKV_AWS_136", "checkov CKV_AWS_136", Severity.ADVISORY, ECR, "repositories are encrypted with KMS",
                        "set encryptionConfigurations encryptionType KMS",
                        (r, p) -> fail(!"KMS".equals(input(r, "encryptionConfigurations.0.encryptionType")), "not encrypted with KMS"),
                        examples(ECR, Map.of("encryptionConfigurations", List.of(Map.of("encryptionType", "KMS"))),
                                Map.of("encryptionConfigurations", List.of(Map.of("encryptionType", "AES256"))))),
                new Rule("CKV_AWS_149", "checkov CKV_AWS_149", Severity.MANDATORY, SECRET, "secrets are encrypted with a customer KMS key",
                        "set kmsKeyId to the secret store's key", (r, p) -> fail(input(r, "kmsKeyId") == null, "the secret uses the AWS managed key"),
                        examples(SECRET, Map.of("name", "s", "kmsKeyId", "arn:aws:kms:k"), Map.of("name", "s"))));
    }
}
