package io.idp.platform.components;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * The cluster's security groups, each rule described and no wider than EKS needs: the control
 * plane takes HTTPS from the nodes only; nodes take traffic from each other and from the control
 * plane (kubelet, webhooks); nodes reach out through NAT. The API endpoint's public access is set
 * on the cluster ({@link EksCluster}), not here.
 */
public final class Firewall extends ComponentResource {
    public static final String TYPE = "platform:components:Firewall";

    private final SecurityGroup controlPlane;
    private final SecurityGroup nodes;

    public Firewall(String name, FirewallArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        this.controlPlane = new SecurityGroup(name + "-control-plane", SecurityGroupArgs.builder()
                .name(args.clusterName() + "-control-plane")
                .description("EKS control plane of " + args.clusterName() + ": HTTPS from its nodes only")
                .vpcId(args.vpcId())
                .tags(Map.of("Name", args.clusterName() + "-control-plane"))
                .build(), child);
        this.nodes = new SecurityGroup(name + "-nodes", SecurityGroupArgs.builder()
                .name(args.clusterName() + "-nodes")
                .description("Worker nodes of " + args.clusterName())
                .vpcId(args.vpcId())
                .tags(Map.of("Name", args.clusterName() + "-nodes", "kubernetes.io/cluster/" + args.clusterName(), "owned",
                        KarpenterInfrastructure.DISCOVERY_TAG, args.clusterName()))
                .build(), child);

        new SecurityGroupIngressRule(name + "-api-from-nodes", tcp(controlPlane, nodes).fromPort(443).toPort(443)
                .description("Kubernetes API from the nodes").build(), child);
        new SecurityGroupEgressRule(name + "-control-plane-to-nodes", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(controlPlane.id())
                .referencedSecurityGroupId(nodes.id())
                .ipProtocol("tcp").fromPort(1025).toPort(65535)
                .description("Kubelet and admission webhooks on the nodes")
                .build(), child);
        new SecurityGroupEgressRule(name + "-control-plane-to-nodes-https", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(controlPlane.id())
                .referencedSecurityGroupId(nodes.id())
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .description("Admission webhooks served on 443 by the nodes")
                .build(), child);

        new SecurityGroupIngressRule(name + "-node-to-node", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(nodes.id())
                .referencedSecurityGroupId(nodes.id())
                .ipProtocol("-1")
                .description("Pods and nodes talk to each other (CNI, DNS, services)")
                .build(), child);
        new SecurityGroupIngressRule(name + "-kubelet-from-control-plane", tcp(nodes, controlPlane).fromPort(1025).toPort(65535)
                .description("Kubelet and webhooks from the control plane").build(), child);
        new SecurityGroupIngressRule(name + "-https-from-control-plane", tcp(nodes, controlPlane).fromPort(443).toPort(443)
                .description("Webhooks on 443 from the control plane").build(), child);
        new SecurityGroupEgressRule(name + "-nodes-egress", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(nodes.id())
                .cidrIpv4("0.0.0.0/0")
                .ipProtocol("-1")
                .description("Nodes pull images and call AWS APIs through the NAT gateways")
                .build(), child);

        registerOutputs(Map.of("controlPlaneSecurityGroupId", controlPlane.id(), "nodeSecurityGroupId", nodes.id()));
    }

    /** TCP into {@code group} from members of {@code from}; the caller sets the ports and the description. */
    private static SecurityGroupIngressRuleArgs.Builder tcp(SecurityGroup group, SecurityGroup from) {
        return SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(group.id())
                .referencedSecurityGroupId(from.id())
                .ipProtocol("tcp");
    }

    public Output<String> controlPlaneSecurityGroupId() {
        return controlPlane.id();
    }

    public Output<String> nodeSecurityGroupId() {
        return nodes.id();
    }
}
