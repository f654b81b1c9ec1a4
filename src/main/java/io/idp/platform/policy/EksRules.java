package io.idp.platform.policy;

import io.idp.platform.config.KubernetesSupport;
import io.idp.platform.config.KubernetesSupport.Standing;

import java.time.Clock;
import java.time.LocalDate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        return rules(KubernetesSupport.planClock());
    }

    /** The rules, judging Kubernetes versions on the plan date of {@code clock}. */
    static List<Rule> rules(Clock clock) {
        var good = Map.<String, Object>of(
                "enabledClusterLogTypes", LOG_TYPES,
                "vpcConfig", Map.of("endpointPublicAccess", false, "endpointPrivateAccess", true),
                "encryptionConfig", Map.of("resources", List.of("secrets"), "provider", Map.of("keyArn", "arn:aws:kms:x")),
                "accessConfig", Map.of("authenticationMode", "API", "bootstrapClusterCreatorAdminPermissions", false),
                "version", KubernetesSupport.newest());
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
                        }, examples(CLUSTER, good, Map.of("version", KubernetesSupport.newest()))),
                new Rule("PLAT_EKS_1", "CIS Amazon EKS Benchmark 5.5.1 (manage users through IAM)", Severity.MANDATORY, CLUSTER,
                        "cluster access is through access entries, with no implicit admin for the creator",
                        "set accessConfig.authenticationMode API and bootstrapClusterCreatorAdminPermissions false",
                        (r, p) -> fail(!"API".equals(input(r, "accessConfig.authenticationMode"))
                                        || !Boolean.FALSE.equals(input(r, "accessConfig.bootstrapClusterCreatorAdminPermissions")),
                                "access is not managed by access entries alone"),
                        examples(CLUSTER, good, Map.of("accessConfig", Map.of("authenticationMode", "CONFIG_MAP")))),
                supportEnded(clock),
                supportEnding(clock),
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

    /**
     * Past the end of standard support on the plan date (or a version the calendar does not know):
     * EKS bills extended support, six times the standard price, and upgrades the cluster when that ends.
     */
    static Rule supportEnded(Clock clock) {
        return new Rule("PLAT_EKS_2", "Amazon EKS Kubernetes version lifecycle (release calendar, " + KubernetesSupport.RESOURCE + ")",
                Severity.MANDATORY, CLUSTER,
                "the Kubernetes version is in EKS standard support on the plan date",
                "set platform:kubernetesVersion to a version in standard support (" + KubernetesSupport.newest()
                        + "), one minor at a time for an existing cluster (docs/kubernetes-versions.md)",
                (r, p) -> {
                    var version = String.valueOf(input(r, "version"));
                    var today = LocalDate.now(clock);
                    var standing = KubernetesSupport.standing(version, today);
                    return switch (standing) {
                        case UNKNOWN -> Optional.of("Kubernetes " + version + " is not in the EKS support calendar ("
                                + String.join(", ", KubernetesSupport.versions()) + ")");
                        case EXTENDED, UNSUPPORTED -> Optional.of("Kubernetes " + version + " left EKS standard support on "
                                + KubernetesSupport.release(version).orElseThrow().endOfStandardSupport() + " (plan date " + today + ")"
                                + (standing == Standing.UNSUPPORTED ? "; extended support has ended too" : "; it bills extended support"));
                        case STANDARD, ENDING_SOON -> Optional.empty();
                    };
                },
                examples(CLUSTER, Map.of("version", KubernetesSupport.newest()), Map.of("version", "1.27")));
    }

    /** Within {@value KubernetesSupport#WARNING_DAYS} days of the end of standard support: time to plan the upgrade. */
    static Rule supportEnding(Clock clock) {
        return new Rule("PLAT_EKS_3", "Amazon EKS Kubernetes version lifecycle (release calendar, " + KubernetesSupport.RESOURCE + ")",
                Severity.ADVISORY, CLUSTER,
                "standard support of the Kubernetes version does not end within " + KubernetesSupport.WARNING_DAYS + " days of the plan date",
                "upgrade to the next minor version before standard support ends (docs/kubernetes-versions.md)",
                (r, p) -> {
                    var version = String.valueOf(input(r, "version"));
                    var today = LocalDate.now(clock);
                    return fail(KubernetesSupport.standing(version, today) == Standing.ENDING_SOON,
                            "EKS standard support of Kubernetes " + version + " ends on "
                                    + KubernetesSupport.release(version).map(KubernetesSupport.Release::endOfStandardSupport).orElse(null)
                                    + ", within " + KubernetesSupport.WARNING_DAYS + " days of the plan date " + today);
                },
                examples(CLUSTER, Map.of("version", KubernetesSupport.newest()), Map.of("version", endingOn(clock))));
    }

    /** The violating example on the plan date: the version whose standard support ends within the warning window. */
    private static String endingOn(Clock clock) {
        var today = LocalDate.now(clock);
        return KubernetesSupport.releases().stream()
                .filter(r -> KubernetesSupport.standing(r.version(), today) == Standing.ENDING_SOON)
                .map(KubernetesSupport.Release::version).findFirst()
                .orElse(KubernetesSupport.releases().get(0).version());
    }
}
