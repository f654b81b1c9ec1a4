package io.idp.platform.components;

import io.idp.platform.support.PolicyDocuments;

import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.eks.AccessEntry;
import com.pulumi.aws.eks.AccessEntryArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.aws.sqs.QueuePolicy;
import com.pulumi.aws.sqs.QueuePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.idp.platform.config.NodeAutoscaling;
import io.idp.platform.support.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Karpenter needs from AWS on a physical cluster: the controller's role (IRSA, the documented
 * least-privilege policy), the role its nodes run with and the EKS access entry (type EC2_LINUX)
 * that lets them join, and the interruption queue (SSE, only EventBridge and SQS may send) fed by
 * EventBridge rules for spot interruptions, rebalance recommendations, instance state changes and
 * scheduled health events. The subnets and security group it launches into carry
 * {@value #DISCOVERY_TAG} (see {@link Network} and {@link Firewall}).
 *
 * <pre>{@code
 * var karpenter = new KarpenterInfrastructure("mgmt-karpenter", KarpenterInfrastructureArgs.builder()
 *         .cluster(eks).region("us-east-1").build(), ComponentResourceOptions.builder().parent(this).build());
 * ctx.export("karpenterRoleArn", karpenter.controllerRoleArn());
 * }</pre>
 */
public final class KarpenterInfrastructure extends ComponentResource {
    public static final String TYPE = "platform:components:KarpenterInfrastructure";
    /** The tag Karpenter's EC2NodeClass selects subnets and security groups by; its value is the cluster's name. */
    public static final String DISCOVERY_TAG = "karpenter.sh/discovery";
    /** Karpenter's documented namespace and service account. */
    public static final String NAMESPACE = "kube-system";
    public static final String SERVICE_ACCOUNT = "karpenter";
    /** What each EventBridge rule forwards: the events Karpenter's interruption handling reads. */
    public static final Map<String, Map<String, Object>> INTERRUPTION_EVENTS = interruptionEvents();

    private final String clusterName;
    private final NodeAutoscaling autoscaling;
    private final int nodeVolumeGiB;
    private final Output<String> controllerRoleArn;
    private final Output<String> nodeRoleName;
    private final Output<String> nodeRoleArn;
    private final Output<String> queueName;

    public KarpenterInfrastructure(String name, KarpenterInfrastructureArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var cluster = args.cluster();
        this.clusterName = cluster.clusterName();
        this.autoscaling = args.autoscaling();
        this.nodeVolumeGiB = cluster.nodeVolumeGiB();
        var child = CustomResourceOptions.builder().parent(this).build();

        var nodeRole = new Role(name + "-nodes", RoleArgs.builder()
                .name(clusterName + "-karpenter-nodes")
                .description("Nodes Karpenter launches in " + clusterName)
                .assumeRolePolicy(PolicyDocuments.serviceTrust("ec2.amazonaws.com"))
                .build(), child);
        // As for the managed node group: no CNI policy on the node, vpc-cni has its own role through IRSA.
        for (var policy : List.of("AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly", "AmazonSSMManagedInstanceCore")) {
            new RolePolicyAttachment(name + "-nodes-" + policy, RolePolicyAttachmentArgs.builder()
                    .role(nodeRole.name()).policyArn("arn:aws:iam::aws:policy/" + policy).build(), child);
        }
        // EC2_LINUX: EKS maps the role to system:nodes itself, so nodes join without the aws-auth ConfigMap.
        new AccessEntry(name + "-nodes", AccessEntryArgs.builder()
                .clusterName(cluster.name())
                .principalArn(nodeRole.arn())
                .type("EC2_LINUX")
                .build(), child);

        var queue = new Queue(name + "-interruptions", QueueArgs.builder()
                .name(clusterName + "-karpenter-interruptions")
                // Karpenter acts within seconds; an older notice is about an instance long gone.
                .messageRetentionSeconds(300)
                .sqsManagedSseEnabled(true)
                .build(), child);
        new QueuePolicy(name + "-interruptions", QueuePolicyArgs.builder()
                .queueUrl(queue.url())
                .policy(queue.arn().applyValue(KarpenterInfrastructure::queuePolicy))
                .build(), child);
        INTERRUPTION_EVENTS.forEach((suffix, pattern) -> {
            var rule = new EventRule(name + "-" + suffix, EventRuleArgs.builder()
                    .name(clusterName + "-karpenter-" + suffix)
                    .description("Karpenter in " + clusterName + ": " + pattern.get("detail-type"))
                    .eventPattern(Json.render(pattern))
                    .build(), child);
            new EventTarget(name + "-" + suffix, EventTargetArgs.builder()
                    .rule(rule.name())
                    .targetId("KarpenterInterruptionQueue")
                    .arn(queue.arn())
                    .build(), child);
        });

        var controller = cluster.serviceAccountRole(name + "-controller", clusterName + "-karpenter", NAMESPACE,
                List.of(SERVICE_ACCOUNT), List.of());
        new RolePolicy(name + "-controller", RolePolicyArgs.builder()
                .role(controller.id())
                .name("karpenter-controller")
                .policy(Output.tuple(nodeRole.arn(), queue.arn()).applyValue(t -> KarpenterControllerPolicy.document(
                        clusterName, args.region(), t.t1.split(":")[4], t.t1, t.t2)))
                .build(), child);

        this.controllerRoleArn = controller.arn();
        this.nodeRoleName = nodeRole.name();
        this.nodeRoleArn = nodeRole.arn();
        this.queueName = queue.name();
        registerOutputs(Map.of("controllerRoleArn", controllerRoleArn, "nodeRoleName", nodeRoleName, "interruptionQueue", queueName));
    }

    /** Only EventBridge and SQS itself may send; nothing may use the queue without TLS (Karpenter's documented policy). */
    static String queuePolicy(String queueArn) {
        return PolicyDocuments.document(List.of(
                PolicyDocuments.statement("AllowEventsToSend", "Allow",
                        Map.of("Service", List.of("events.amazonaws.com", "sqs.amazonaws.com")),
                        List.of("sqs:SendMessage"), queueArn, null),
                PolicyDocuments.statement("DenyHTTP", "Deny", "*", List.of("sqs:*"), queueArn,
                        Map.of("Bool", Map.of("aws:SecureTransport", "false")))));
    }

    private static Map<String, Map<String, Object>> interruptionEvents() {
        var events = new LinkedHashMap<String, Map<String, Object>>();
        events.put("scheduled-change", pattern("aws.health", "AWS Health Event"));
        events.put("spot-interruption", pattern("aws.ec2", "EC2 Spot Instance Interruption Warning"));
        events.put("rebalance", pattern("aws.ec2", "EC2 Instance Rebalance Recommendation"));
        events.put("state-change", pattern("aws.ec2", "EC2 Instance State-change Notification"));
        return java.util.Collections.unmodifiableMap(events);
    }

    private static Map<String, Object> pattern(String source, String detailType) {
        var pattern = new LinkedHashMap<String, Object>();
        pattern.put("source", List.of(source));
        pattern.put("detail-type", List.of(detailType));
        return pattern;
    }

    /** The role Karpenter's controller assumes (IRSA, {@value #NAMESPACE}/{@value #SERVICE_ACCOUNT}). */
    public Output<String> controllerRoleArn() {
        return controllerRoleArn;
    }

    /** The node role's name, which the default EC2NodeClass names ({@code spec.role}). */
    public Output<String> nodeRoleName() {
        return nodeRoleName;
    }

    public Output<String> nodeRoleArn() {
        return nodeRoleArn;
    }

    /** The interruption queue's name (Karpenter's {@code settings.interruptionQueue}). */
    public Output<String> interruptionQueueName() {
        return queueName;
    }

    /** The root volume of the nodes Karpenter launches, GiB: the cluster's default node group's. */
    public int nodeVolumeGiB() {
        return nodeVolumeGiB;
    }

    /** The NodePool's limits and capacity types. */
    public NodeAutoscaling autoscaling() {
        return autoscaling;
    }

    /**
     * Per-cluster facts the Karpenter chart and its default NodePool read, as cluster Secret annotations
     * (GitOps Bridge style, like the External Secrets role).
     */
    public Output<Map<String, String>> annotations() {
        return Output.tuple(controllerRoleArn, nodeRoleName, queueName).applyValue(t -> {
            var annotations = new java.util.TreeMap<String, String>();
            annotations.put("karpenter_role_arn", t.t1);
            annotations.put("karpenter_node_role", t.t2);
            annotations.put("karpenter_interruption_queue", t.t3);
            annotations.put("karpenter_discovery", clusterName);
            annotations.put("karpenter_cpu_limit", String.valueOf(autoscaling.cpuLimit()));
            annotations.put("karpenter_memory_limit", autoscaling.memoryLimit());
            annotations.put("karpenter_capacity_types", String.join(",", autoscaling.capacityTypeValues()));
            return annotations;
        });
    }
}
