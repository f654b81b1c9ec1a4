package io.idp.platform.components;

import io.idp.platform.support.PolicyDocuments;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.idp.platform.config.NetworkSettings.NatGateways;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cluster's VPC: a public and a private subnet in each availability zone, carved evenly from the
 * VPC range; internet egress through NAT gateways (one per zone, or one in all); flow logs of all
 * traffic; the default security group left without rules so nothing can use it by accident.
 */
public final class Network extends ComponentResource {
    public static final String TYPE = "platform:components:Network";

    private final Output<String> vpcId;
    private final Output<String> vpcCidr;
    private final Output<List<String>> publicSubnetIds;
    private final Output<List<String>> privateSubnetIds;
    private final Output<List<String>> natPublicIps;

    public Network(String name, NetworkArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var zones = AwsFunctions.getAvailabilityZones(GetAvailabilityZonesArgs.builder().state("available").build())
                .applyValue(result -> result.names());

        var vpc = new Vpc(name + "-vpc", VpcArgs.builder()
                .cidrBlock(args.cidr().toString())
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .tags(Map.of("Name", args.clusterName()))
                .build(), child);
        new DefaultSecurityGroup(name + "-default-sg", DefaultSecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .tags(Map.of("Name", args.clusterName() + "-default-closed"))
                .build(), child);
        var gateway = new InternetGateway(name + "-igw", InternetGatewayArgs.builder()
                .vpcId(vpc.id())
                .tags(Map.of("Name", args.clusterName()))
                .build(), child);
        var publicRoutes = new RouteTable(name + "-public", RouteTableArgs.builder()
                .vpcId(vpc.id())
                .tags(Map.of("Name", args.clusterName() + "-public"))
                .build(), child);
        new Route(name + "-public-internet", RouteArgs.builder()
                .routeTableId(publicRoutes.id())
                .destinationCidrBlock("0.0.0.0/0")
                .gatewayId(gateway.id())
                .build(), child);

        var publicIds = new ArrayList<Output<String>>();
        var privateIds = new ArrayList<Output<String>>();
        var natIds = new ArrayList<Output<String>>();
        var natIps = new ArrayList<Output<String>>();
        for (int zone = 0; zone < args.availabilityZones(); zone++) {
            final int index = zone;
            var zoneName = zones.applyValue(names -> names.get(index));
            var suffix = "-" + (char) ('a' + zone);
            var publicSubnet = new Subnet(name + "-public" + suffix, SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .cidrBlock(args.publicSubnet(zone).toString())
                    .availabilityZone(zoneName)
                    .mapPublicIpOnLaunch(false)
                    .tags(Map.of("Name", args.clusterName() + "-public" + suffix, "kubernetes.io/role/elb", "1"))
                    .build(), child);
            new RouteTableAssociation(name + "-public" + suffix, RouteTableAssociationArgs.builder()
                    .subnetId(publicSubnet.id())
                    .routeTableId(publicRoutes.id())
                    .build(), child);
            var privateSubnet = new Subnet(name + "-private" + suffix, SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .cidrBlock(args.privateSubnet(zone).toString())
                    .availabilityZone(zoneName)
                    .tags(Map.of("Name", args.clusterName() + "-private" + suffix, "kubernetes.io/role/internal-elb", "1",
                            KarpenterInfrastructure.DISCOVERY_TAG, args.clusterName()))
                    .build(), child);
            if (zone == 0 || args.natGateways() == NatGateways.ONE_PER_AZ) {
                var address = new Eip(name + "-nat" + suffix, EipArgs.builder()
                        .domain("vpc")
                        .tags(Map.of("Name", args.clusterName() + "-nat" + suffix))
                        .build(), child);
                var nat = new NatGateway(name + "-nat" + suffix, NatGatewayArgs.builder()
                        .allocationId(address.allocationId())
                        .subnetId(publicSubnet.id())
                        .tags(Map.of("Name", args.clusterName() + "-nat" + suffix))
                        .build(), CustomResourceOptions.builder().parent(this).dependsOn(gateway).build());
                natIds.add(nat.id());
                natIps.add(address.publicIp());
            }
            var privateRoutes = new RouteTable(name + "-private" + suffix, RouteTableArgs.builder()
                    .vpcId(vpc.id())
                    .tags(Map.of("Name", args.clusterName() + "-private" + suffix))
                    .build(), child);
            new Route(name + "-private" + suffix + "-egress", RouteArgs.builder()
                    .routeTableId(privateRoutes.id())
                    .destinationCidrBlock("0.0.0.0/0")
                    .natGatewayId(natIds.get(natIds.size() - 1))
                    .build(), child);
            new RouteTableAssociation(name + "-private" + suffix, RouteTableAssociationArgs.builder()
                    .subnetId(privateSubnet.id())
                    .routeTableId(privateRoutes.id())
                    .build(), child);
            publicIds.add(publicSubnet.id());
            privateIds.add(privateSubnet.id());
        }
        flowLogs(name, args, vpc);

        this.vpcId = vpc.id();
        this.vpcCidr = vpc.cidrBlock();
        this.publicSubnetIds = Output.all(publicIds);
        this.privateSubnetIds = Output.all(privateIds);
        this.natPublicIps = Output.all(natIps);
        registerOutputs(Map.of("vpcId", vpcId, "vpcCidr", vpcCidr,
                "publicSubnetIds", publicSubnetIds, "privateSubnetIds", privateSubnetIds));
    }

    /** All accepted and rejected traffic to CloudWatch Logs, written through a role only flow logs can assume. */
    private void flowLogs(String name, NetworkArgs args, Vpc vpc) {
        var child = CustomResourceOptions.builder().parent(this).build();
        var group = new LogGroup(name + "-flow-logs", LogGroupArgs.builder()
                .name("/platform/" + args.clusterName() + "/vpc-flow-logs")
                .retentionInDays(args.flowLogRetentionDays())
                .build(), child);
        var role = new Role(name + "-flow-logs", RoleArgs.builder()
                .name(args.clusterName() + "-vpc-flow-logs")
                .description("Lets VPC flow logs of " + args.clusterName() + " write to CloudWatch Logs")
                .assumeRolePolicy(PolicyDocuments.serviceTrust("vpc-flow-logs.amazonaws.com"))
                .build(), child);
        new RolePolicy(name + "-flow-logs", RolePolicyArgs.builder()
                .role(role.id())
                .name("write-flow-logs")
                .policy(group.arn().applyValue(arn -> PolicyDocuments.document(List.of(PolicyDocuments.statement(
                        "WriteFlowLogs", "Allow", null,
                        List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
                        List.of(arn, arn + ":*"), null)))))
                .build(), child);
        new FlowLog(name + "-flow-log", FlowLogArgs.builder()
                .vpcId(vpc.id())
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(group.arn())
                .iamRoleArn(role.arn())
                .maxAggregationInterval(60)
                .build(), child);
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    public Output<String> vpcCidr() {
        return vpcCidr;
    }

    public Output<List<String>> publicSubnetIds() {
        return publicSubnetIds;
    }

    public Output<List<String>> privateSubnetIds() {
        return privateSubnetIds;
    }

    /** The NAT gateways' public addresses: where the cluster's egress to the internet comes from. */
    public Output<List<String>> natPublicIps() {
        return natPublicIps;
    }
}
