package io.idp.platform.components;

import io.idp.platform.support.FleetSignOn;

import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.idp.platform.config.WorkloadSettings.ClusterType;
import io.idp.platform.support.FormerlyAtRoot;
import io.idp.platform.support.SecretReadAccess;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A workload cluster registered with the management cluster's Argo CD. Kind {@code EKS}: its own
 * {@link Network}, {@link Firewall} and {@link EksCluster}, admitting Argo CD's fleet role by an access
 * entry, with its own External Secrets role; kind {@code VCLUSTER}: a {@link VirtualCluster} in the
 * management cluster. Either way its own {@link ClusterDnsTokens} and CAA record, and the Argo CD
 * cluster Secret, labelled GitOps Bridge style for the fleet's ApplicationSets.
 *
 * <pre>{@code
 * var staging = new WorkloadCluster("staging", WorkloadClusterArgs.builder()
 *         .clusterName("staging").kind(ClusterType.VCLUSTER).region("us-east-1")
 *         .management(managementCluster).vclusterChart(vclusterChart).addons(addons).environments(List.of("staging"))
 *         .build(), ComponentResourceOptions.Empty);
 * ctx.export("server", staging.server());
 * }</pre>
 */
public final class WorkloadCluster extends ComponentResource {
    public static final String TYPE = "platform:components:WorkloadCluster";

    private final WorkloadClusterArgs args;
    private final Output<String> server;
    /** The cluster Secret's annotation the environments' ApplicationSets build applications' hostnames from. */
    public static final String APPS_HOSTNAME_SUFFIX = "apps_hostname_suffix";
    private final Output<String> hostname;
    private final Network network;
    private final Map<String, String> labels;
    private final KarpenterInfrastructure karpenter;
    private final ClusterBackups backups;

    public WorkloadCluster(String name, WorkloadClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, FormerlyAtRoot.children(WorkloadCluster.class, options));
        this.args = args;
        var clusterName = args.clusterName();
        var management = args.management();
        var child = ComponentResourceOptions.builder().parent(this).build();
        this.labels = ClusterRegistration.labels(args.kind() == ClusterType.EKS ? "workload-eks" : "workload-vcluster",
                args.addons(), args.environments());
        this.hostname = management.domain().applyValue(domain -> clusterName + "." + domain);


        if (args.kind() == ClusterType.EKS) {
            var net = args.network();
            this.network = new Network(clusterName, NetworkArgs.builder().clusterName(clusterName).cidr(net.vpcCidr())
                    .availabilityZones(net.availabilityZones()).natGateways(net.natGateways()).build(), child);
            var firewall = new Firewall(clusterName + "-firewall",
                    FirewallArgs.builder().clusterName(clusterName).vpcId(network.vpcId()).build(), child);
            var eks = new EksCluster(clusterName, EksClusterArgs.builder()
                    .clusterName(clusterName)
                    .region(args.region())
                    .settings(args.clusterSettings())
                    .privateSubnetIds(network.privateSubnetIds())
                    .controlPlaneSecurityGroupId(firewall.controlPlaneSecurityGroupId())
                    .nodeSecurityGroupId(firewall.nodeSecurityGroupId())
                    .publicAccessCidrs(net.apiPublicAccessCidrs())
                    .deployRoleArn(management.ciDeployRoleArn())
                    .addonVersions(args.addonVersions())
                    .protect(args.protect())
                    .build(), child);
            // Argo CD in the management cluster reaches this one through its fleet role: an access entry, no token.
            var fleetAccess = eks.admin(clusterName + "-argocd-fleet", management.argocdFleetRoleArn());
            args.people().ifPresent(people -> new ClusterAccess(clusterName + "-access", ClusterAccessArgs.builder().clusterName(eks.name())
                    .people(people).environments(args.environments()).applications(args.applications()).build(), child));
            var readable = Output.tuple(management.secretStoreKmsKeyArn(), ownSecrets(management))
                    .applyValue(t -> SecretReadAccess.arnPattern(t.t1, t.t2));
            var externalSecrets = ExternalSecretsRole.create(eks, ExternalSecretsRole.withReplicas(readable, management.secretReplica()),
                    ExternalSecretsRole.keysWithReplicas(management.secretStoreKmsKeyArn(), management.secretReplica()));
            this.karpenter = new KarpenterInfrastructure(clusterName + "-karpenter", KarpenterInfrastructureArgs.builder().cluster(eks)
                    .region(args.region()).autoscaling(args.autoscaling()).build(), child);
            this.backups = new ClusterBackups(clusterName + "-backups", ClusterBackupsArgs.builder().cluster(eks).region(args.region())
                    .backups(args.backups()).protect(args.protect()).build(), child);
            if (args.addons().contains("kube-prometheus-stack")) {
                new FleetMetricsLogin(clusterName + "-fleet-metrics", new FleetMetricsLogin.Args(clusterName, management.clusterName(),
                        management.secretWriter(args.protect(), this)), child);
            }
            var annotations = Output.tuple(hostname, externalSecrets.arn(), karpenter.annotations(), backups.annotations())
                    .applyValue(t -> withCapabilities(annotations(t.t1, t.t2, "." + t.t1), t.t3, t.t4, metricsFacts()));
            // The Secret depends on the cluster (through its endpoint) and on Argo CD's access to it, so a destroy
            // removes it first. It does not wait for nodes: Argo CD retries until the add-ons can run.
            register(eks, annotations, fleetAccess);
            this.server = eks.endpoint();
        } else {
            this.network = null;
            this.karpenter = null;
            this.backups = null;
            var secretsRole = VirtualClusterSecrets.role(clusterName, management, this);
            var vcluster = new VirtualCluster(clusterName, new VirtualCluster.Args(clusterName, args.vclusterChart(), labels,
                    // Its applications are served by the host's Gateway, one label under the host's hostname.
                    Output.tuple(hostname, management.clusterName(), management.domain())
                            .applyValue(t -> annotations(t.t1, "", "-" + clusterName + "." + t.t2 + "." + t.t3)),
                    management.kubernetes(), secretsRole,
                    ownSecrets(management), management.region().applyValue(region -> args.secretStoreRegion().orElse(region)),
                    Output.tuple(management.clusterName(), management.domain()).applyValue(t -> FleetSignOn.issuer(t.t1 + "." + t.t2))), child);
            this.server = Output.of(vcluster.server());
        }
        // A physical cluster's DNS traffic leaves through its own NAT gateways, a virtual one's through the management VPC's.
        new ClusterDnsTokens(clusterName + "-dns-tokens", ClusterDnsTokensArgs.builder().clusterName(clusterName)
                .domain(management.domain()).zoneId(management.dnsZoneId()).settings(args.dnsTokenLimits())
                .egressIps(network != null ? network.natPublicIps() : management.natPublicIps())
                .cloudflare(management.cloudflare()).store(management.secretWriter(args.protect(), this)).build(), child);
        DnsZone.clusterSubdomain(clusterName, management, this);
        registerOutputs(Map.of("server", server, "hostname", hostname));
    }

    /** The cluster's own path of the secret store; its External Secrets reads nothing else. */
    private Output<String> ownSecrets(ManagementPlane management) {
        return management.secretStorePrefix().applyValue(prefix -> prefix + "clusters/" + args.clusterName() + "/");
    }

    /**
     * The Argo CD cluster Secret of a physical cluster: Argo CD reaches it with the fleet role through
     * {@code aws eks get-token}, never a static token; the CA is public data.
     */
    private void register(EksCluster eks, Output<Map<String, String>> annotations, Resource fleetAccess) {
        var clusterName = args.clusterName();
        var config = eks.certificateAuthority().applyValue(ca -> ClusterRegistration.eksConfig(clusterName, ca));
        new Secret("cluster-" + clusterName, SecretArgs.builder()
                .metadata(annotations.applyValue(a -> ObjectMetaArgs.builder()
                        .name("cluster-" + clusterName).namespace(ArgoCd.NAMESPACE).labels(labels).annotations(a).build()))
                .stringData(Output.tuple(eks.endpoint(), config).applyValue(t -> Map.of("name", clusterName, "server", t.t1, "config", t.t2)))
                .build(), CustomResourceOptions.builder().parent(this).provider(args.management().kubernetes()).dependsOn(fleetAccess).build());
    }

    /** Per-cluster facts the fleet's add-ons read from the cluster Secret's annotations. */
    private Map<String, String> annotations(String hostname, String externalSecretsRoleArn, String appsHostnameSuffix) {
        var annotations = new TreeMap<String, String>();
        annotations.put("cluster_hostname", hostname);
        // What follows <app>-<env> in an application's hostname (Edge.applicationHostname).
        annotations.put(APPS_HOSTNAME_SUFFIX, appsHostnameSuffix);
        annotations.put("region", args.region());
        annotations.put("platform/stack", args.stackName().orElseGet(() -> Deployment.getInstance().getStackName()));
        if (!externalSecretsRoleArn.isEmpty()) {
            annotations.put("external_secrets_role_arn", externalSecretsRoleArn);
        }
        return annotations;
    }

    /** The cluster's own facts plus Karpenter's, Velero's and its metrics', which their charts read from the cluster Secret. */
    private static Map<String, String> withCapabilities(Map<String, String> own, Map<String, String> karpenter, Map<String, String> backups,
                                                        Map<String, String> metrics) {
        var all = new TreeMap<>(own);
        all.putAll(karpenter);
        all.putAll(backups);
        all.putAll(metrics);
        return all;
    }

    /**
     * What the fleet's Prometheus values read: the local retention, and the environment label of the
     * cluster's series (its environments joined with '+', or "none"), so fleet dashboards can filter by it.
     */
    private Map<String, String> metricsFacts() {
        var environments = args.environments();
        return Map.of(METRICS_RETENTION, args.metricsRetention(),
                ENVIRONMENT, environments.isEmpty() ? "none" : String.join("+", environments));
    }

    /** The cluster Secret's annotations the fleet's kube-prometheus-stack values read. */
    public static final String METRICS_RETENTION = "metrics_retention";
    public static final String ENVIRONMENT = "environment";


    /** Karpenter's AWS side, for its chart and NodePool; empty for a virtual cluster. */
    public java.util.Optional<KarpenterInfrastructure> karpenter() {
        return java.util.Optional.ofNullable(karpenter);
    }

    /** Velero's bucket, key and role; empty for a virtual cluster. */
    public java.util.Optional<ClusterBackups> backups() {
        return java.util.Optional.ofNullable(backups);
    }

    /** The Kubernetes API server Argo CD deploys to. */
    public Output<String> server() {
        return server;
    }

    /** {@code <cluster>.<domain>}: the cluster's applications are served under it. */
    public Output<String> hostname() {
        return hostname;
    }

    public Output<String> clusterName() {
        return Output.of(args.clusterName());
    }

    /** The cluster's own VPC, for kind {@code EKS}. */
    public Optional<Output<String>> vpcId() {
        return Optional.ofNullable(network).map(Network::vpcId);
    }

    /** The range of the cluster's own VPC, for kind {@code EKS}. */
    public Optional<Output<String>> vpcCidr() {
        return Optional.ofNullable(network).map(Network::vpcCidr);
    }

    /** The subnets of the cluster's own VPC, for kind {@code EKS}. */
    public Optional<Output<List<String>>> privateSubnetIds() {
        return Optional.ofNullable(network).map(Network::privateSubnetIds);
    }
}
