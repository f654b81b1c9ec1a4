package io.idp.platform.policy;

import io.idp.platform.config.Validators;

import java.util.List;
import java.util.Map;

import static io.idp.platform.policy.PlanFacts.*;

/** The EKS control plane and nodes: CIS Amazon EKS Benchmark and checkov's EKS checks. */
final class EksRules {
    static final String CLUSTER = "aws:eks/cluster:Cluster";
    static final String LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
    static final String NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
    static final List<String> LOG_TYPES = List.of("api", "audit", "authenticator", "controllerManager", "scheduler");

    private EksRules() {
    }

    static List<Rule> rules() {
        var good = Map.<String, Object>of(
                "enabledClusterLogTypes", LOG_TYPES,
                "vpcConfig", Map.of("endpointPublicAccess", false, "endpointPrivateAccess", true),
                "encryptionConfig", Map.of("resources", List.of("secrets"), "provider", Map.of("keyArn", "arn:aws:kms:x")),
                "accessConfig", Map.of("authenticationMode", "API", "bootstrapClusterCreatorAdminPermissions", false),
                "version", "1.33");
        return List.of(
                new Rule("CKV_AWS_37", "checkov CKV_AWS_37; CIS Amazon EKS Benchmark 2.1.1", Severity.MANDATORY, CLUSTER,
                        "control plane logging is enabled for every log type",
                        "set enabledClusterLogTypes to api, audit, authenticator, controllerManager, scheduler",
                        (r, p) -> {
                            var types = input(r, "enabledClusterLogTypes");
                            var missing = LOG_TYPES.stream().filter(t -> !(types instanceof List<?> l && l.contains(t))).toList();
                            return fail(!missing.isEmpty(), "control-plane log types not enabled: " + missing);
                        }, examples(CLUSTER, good, Map.of("enabledClusterLogTypes", List.of("api")))),
                new Rule("CKV_AWS_38", "checkov CKV_AWS_38; CIS Amazon EKS Benchmark 5.4.1", Severity.MANDATORY, CLUSTER,
                        "a public API endpoint is not open to the whole internet",
                        "list your networks in platform:apiPublicAccessCidrs, or keep the endpoint private",
                        (r, p) -> {
                            var open = isTrue(r, "vpcConfig.endpointPublicAccess");
                            var cidrs = input(r, "vpcConfig.publicAccessCidrs");
                            return fail(open && (cidrs == null || (cidrs instanceof List<?> l && (l.isEmpty() || l.contains("0.0.0.0/0")))),
                                    "the API endpoint is public to 0.0.0.0/0");
                        }, examples(CLUSTER, good, Map.of("vpcConfig", Map.of("endpointPublicAccess", true, "publicAccessCidrs", List.of("0.0.0.0/0"))))),
                new Rule("CKV_AWS_39", "checkov CKV_AWS_39; CIS Amazon EKS Benchmark 5.4.2", Severity.ADVISORY, CLUSTER,
                        "the API endpoint is private", "leave platform:apiPublicAccessCidrs empty and reach the API through the VPC",
                        (r, p) -> fail(isTrue(r, "vpcConfig.endpointPublicAccess"), "the API endpoint is reachable from the internet"),
                        examples(CLUSTER, good, Map.of("vpcConfig", Map.of("endpointPublicAccess", true, "publicAccessCidrs", List.of("203.0.113.0/24"))))),
                new Rule("CKV_AWS_58", "checkov CKV_AWS_58; CIS Amazon EKS Benchmark 5.3.1", Severity.MANDATORY, CLUSTER,
                        "Kubernetes secrets are envelope-encrypted with a customer KMS key",
                        "set encryptionConfig with resources [secrets] and a KMS key",
                        (r, p) -> {
                            var resources = input(r, "encryptionConfig.resources");
                            var key = input(r, "encryptionConfig.provider.keyArn");
                            return fail(!(resources instanceof List<?> l && l.contains("secrets")) || key == null, "secrets are not encrypted with a KMS key");
                        }, examples(CLUSTER, good, Map.of("version", "1.33"))),
                new Rule("PLAT_EKS_1", "CIS Amazon EKS Benchmark 5.5.1 (manage users through IAM)", Severity.MANDATORY, CLUSTER,
                        "cluster access is through access entries, with no implicit admin for the creator",
                        "set accessConfig.authenticationMode API and bootstrapClusterCreatorAdminPermissions false",
                        (r, p) -> fail(!"API".equals(input(r, "accessConfig.authenticationMode"))
                                        || !Boolean.FALSE.equals(input(r, "accessConfig.bootstrapClusterCreatorAdminPermissions")),
                                "access is not managed by access entries alone"),
                        examples(CLUSTER, good, Map.of("accessConfig", Map.of("authenticationMode", "CONFIG_MAP")))),
                new Rule("PLAT_EKS_2", "EKS version support policy", Severity.MANDATORY, CLUSTER,
                        "the Kubernetes version is in standard support",
                        "use one of " + Validators.SUPPORTED_KUBERNETES_VERSIONS,
                        (r, p) -> fail(!Validators.SUPPORTED_KUBERNETES_VERSIONS.contains(String.valueOf(input(r, "version"))),
                                "Kubernetes " + input(r, "version") + " is out of standard support"),
                        examples(CLUSTER, good, Map.of("version", "1.27"))),
                new Rule("CKV_AWS_79", "checkov CKV_AWS_79; CIS Amazon EKS Benchmark 3.2 (IMDSv2)", Severity.MANDATORY, LAUNCH_TEMPLATE,
                        "nodes require IMDSv2", "set metadataOptions.httpTokens required",
                        (r, p) -> fail(!"required".equals(input(r, "metadataOptions.httpTokens")), "IMDSv1 is allowed on the nodes"),
                        examples(LAUNCH_TEMPLATE, Map.of("metadataOptions", Map.of("httpTokens", "required", "httpPutResponseHopLimit", 1L)),
                                Map.of("metadataOptions", Map.of("httpTokens", "optional")))),
                new Rule("CKV_AWS_341", "checkov CKV_AWS_341", Severity.ADVISORY, LAUNCH_TEMPLATE,
                        "pods cannot reach the node's metadata service (hop limit 1)", "set metadataOptions.httpPutResponseHopLimit 1",
                        (r, p) -> {
                            var hops = input(r, "metadataOptions.httpPutResponseHopLimit");
                            return fail(!(hops instanceof Number n && n.longValue() <= 1), "the metadata hop limit is " + hops);
                        }, examples(LAUNCH_TEMPLATE, Map.of("metadataOptions", Map.of("httpTokens", "required", "httpPutResponseHopLimit", 1L)),
                                Map.of("metadataOptions", Map.of("httpTokens", "required", "httpPutResponseHopLimit", 2L)))),
                new Rule("CKV_AWS_8", "checkov CKV_AWS_8", Severity.MANDATORY, LAUNCH_TEMPLATE,
                        "node volumes are encrypted", "set blockDeviceMappings[].ebs.encrypted true",
                        (r, p) -> {
                            var mappings = input(r, "blockDeviceMappings");
                            var unencrypted = mappings instanceof List<?> l && l.stream().anyMatch(m -> m instanceof Map<?, ?> mm
                                    && mm.get("ebs") instanceof Map<?, ?> ebs && !"true".equals(String.valueOf(ebs.get("encrypted"))));
                            return fail(unencrypted, "a node volume is not encrypted");
                        }, examples(LAUNCH_TEMPLATE, Map.of("blockDeviceMappings", List.of(Map.of("ebs", Map.of("encrypted", "true")))),
                                Map.of("blockDeviceMappings", List.of(Map.of("ebs", Map.of("encrypted", "false")))))),
                new Rule("CKV_AWS_100", "checkov CKV_AWS_100", Severity.MANDATORY, NODE_GROUP,
                        "node groups allow no SSH access", "remove remoteAccess; use SSM Session Manager",
                        (r, p) -> fail(input(r, "remoteAccess") != null, "the node group allows SSH"),
                        examples(NODE_GROUP, Map.of("clusterName", "c"), Map.of("clusterName", "c", "remoteAccess", Map.of("ec2SshKey", "k")))));
    }
}
