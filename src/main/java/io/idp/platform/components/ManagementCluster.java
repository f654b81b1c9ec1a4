package io.idp.platform.components;

import io.idp.platform.config.People;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.idp.platform.support.FormerlyAtRoot;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The management cluster: its network and firewall, the EKS cluster, Argo CD with its root
 * application on the gitops repository, the single sign-on secrets, the cluster's DNS tokens and
 * CAA record, and the role its External Secrets reads the secret store with.
 *
 * <pre>{@code
 * var cluster = new ManagementCluster("mgmt", ManagementClusterArgs.builder()
 *         .clusterName("mgmt").region("us-east-1").clusterSettings(settings)
 *         .vpcCidr(Cidr.parse("10.0.0.0/16").orElseThrow()).addonVersions(addonVersions).argoCdChart(argoCdChart)
 *         .ciDeployRoleArn(bots.ciDeployRoleArn()).secretStore(secrets).gitopsRepo(gitops).dnsZone(dns)
 *         .ssoClientId(clientId).ssoClientSecret(clientSecret).ssoAdminsTeam("admins").ssoDevelopersTeam("developers")
 *         .build(), ComponentResourceOptions.builder().providers(aws).build());
 * ctx.export("kubeconfig", cluster.kubeconfig());
 * }</pre>
 *
 * It is also the {@link ManagementPlane} a {@link WorkloadCluster} of the same program registers with.
 */
public final class ManagementCluster extends ComponentResource implements ManagementPlane {
    public static final String TYPE = "platform:components:ManagementCluster";

    private final ManagementClusterArgs args;
    private final String hostname;
    private final Network network;
    private final EksCluster eks;
    private final ArgoCd argocd;
    private final Output<String> externalSecretsRoleArn;
    private final KarpenterInfrastructure karpenter;
    private final ClusterBackups backups;
    private final ObservabilityStores observabilityStores;
    private final WorkflowArtifacts workflowArtifacts;

    public ManagementCluster(String name, ManagementClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, FormerlyAtRoot.children(ManagementCluster.class, options));
        this.args = args;
        var clusterName = args.clusterName();
        var secrets = args.secretStore();
        var dns = args.dnsZone();
        var child = ComponentResourceOptions.builder().parent(this).build();
        this.hostname = clusterName + "." + dns.domain();

        var net = args.network();
        this.network = new Network(clusterName, NetworkArgs.builder().clusterName(clusterName).cidr(net.vpcCidr())
                .availabilityZones(net.availabilityZones()).natGateways(net.natGateways()).build(), child);
        var firewall = new Firewall(clusterName + "-firewall",
                FirewallArgs.builder().clusterName(clusterName).vpcId(network.vpcId()).build(), child);
        this.eks = new EksCluster(clusterName, EksClusterArgs.builder()
                .clusterName(clusterName)
                .region(args.region())
                .settings(args.clusterSettings())
                .privateSubnetIds(network.privateSubnetIds())
                .controlPlaneSecurityGroupId(firewall.controlPlaneSecurityGroupId())
                .nodeSecurityGroupId(firewall.nodeSecurityGroupId())
                .publicAccessCidrs(net.apiPublicAccessCidrs())
                .deployRoleArn(args.ciDeployRoleArn())
                .addonVersions(args.addonVersions())
                .protect(args.protect())
                .build(), child);
        args.people().ifPresent(people -> new ClusterAccess(clusterName + "-access",
                ClusterAccessArgs.builder().clusterName(eks.name()).people(people).build(), child));
        this.karpenter = new KarpenterInfrastructure(clusterName + "-karpenter", KarpenterInfrastructureArgs.builder().cluster(eks)
                .region(args.region()).autoscaling(args.autoscaling()).build(), child);
        this.backups = new ClusterBackups(clusterName + "-backups", ClusterBackupsArgs.builder().cluster(eks).region(args.region())
                .backups(args.backups()).protect(args.protect()).build(), child);
        this.observabilityStores = new ObservabilityStores(clusterName + "-observability", ObservabilityStoresArgs.builder()
                .cluster(eks).region(args.region()).retention(args.telemetryRetention()).protect(args.protect()).build(), child);
        new SingleSignOn("sso", new SingleSignOn.Args(clusterName, args.ssoClientSecret(), secrets, args.fleetSignOn()), child);
        // Alertmanager's chat receiver reads its URL from the store (the gitops template names only the path).
        args.alertsChatWebhook().ifPresent(url -> secrets.put("clusters/" + clusterName + "/" + io.idp.platform.gitops.FleetMonitoring.CHAT_WEBHOOK_PATH,
                "Chat webhook Alertmanager sends the platform's alerts to", url));
        this.workflowArtifacts = new WorkflowArtifacts(clusterName + "-workflow-artifacts", new WorkflowArtifacts.Args(eks, args.region(),
                args.ci().artifactExpiryDays(), args.protect()), child);
        args.ci().githubApp().ifPresent(app -> new RunnerCredentials("runners", new RunnerCredentials.Args(clusterName, app, secrets), child));
        this.argocd = new ArgoCd("argocd", ArgoCdArgs.builder().clusterName(clusterName).hostname("argocd." + hostname)
                .highlyAvailable(args.argocdHighlyAvailable()).scale(args.argocdScale()).chart(args.argoCdChart())
                .repositoryUrl(args.gitopsRepo().sshCloneUrl()).deployKeyPrivate(args.gitopsRepo().deployKeyPrivate()).cluster(eks)
                .sso(new ArgoCdValues.Sso(args.gitopsRepo().owner(), args.ssoAdminsTeam(), args.ssoDevelopersTeam(),
                        args.ssoClientId(), "grafana." + hostname, args.people().map(People::narrowerTeams).orElse(List.of()).stream()
                        .map(People.Team::githubSlug).toList(), args.fleetSignOn()))
                .dependsOn(eks.ready()).build(), child);
        this.externalSecretsRoleArn = ExternalSecretsRole.withChartPulls(eks,
                ExternalSecretsRole.withReplicas(secrets.secretArnPattern("clusters/" + clusterName + "/"), secrets.replica()),
                ExternalSecretsRole.keysWithReplicas(secrets.kmsKeyArn(), secrets.replica())).arn();
        new ClusterDnsTokens(clusterName + "-dns-tokens", ClusterDnsTokensArgs.builder().clusterName(clusterName).domain(domain())
                .zoneId(dnsZoneId()).settings(args.dnsTokenLimits()).egressIps(network.natPublicIps())
                .cloudflare(dns.cloudflare()).store(secrets.writer()).build(), child);
        // The CAA record stays with the zone it belongs to.
        DnsZone.clusterSubdomain(clusterName, this, dns);

        registerOutputs(Map.of(
                "endpoint", eks.endpoint(),
                "argocdUrl", argocdUrl(),
                "gitopsRepo", gitopsRepo(),
                "kubeconfig", eks.kubeconfig()));
    }

    /** A kubeconfig that authenticates with {@code aws eks get-token}; secret. */
    public Output<String> kubeconfig() {
        return eks.kubeconfig();
    }

    /** Karpenter's roles and interruption queue, and the NodePool's limits, for its chart's values. */
    public KarpenterInfrastructure karpenter() {
        return karpenter;
    }

    /** The backup bucket, its key and Velero's role, for Velero's chart values. */
    public ClusterBackups backups() {
        return backups;
    }

    /** The buckets, keys and roles of the fleet's log and trace stores (Loki and Tempo), for their values. */
    public ObservabilityStores observabilityStores() {
        return observabilityStores;
    }

    /** Argo Workflows' artifact bucket, its key and the role its server and workflows assume. */
    public WorkflowArtifacts workflowArtifacts() {
        return workflowArtifacts;
    }

    /** Argo CD's web address, {@code https://argocd.<cluster>.<domain>}. */
    public Output<String> argocdUrl() {
        return Output.of(argocd.url());
    }

    /** The gitops repository Argo CD follows, {@code <owner>/<name>}. */
    public Output<String> gitopsRepo() {
        return Output.of(args.gitopsRepo().fullName());
    }

    /** The cluster's own path of the secret store; its External Secrets reads nothing else. */
    public String ownSecretsPrefix() {
        return args.secretStore().clusterPrefix(args.clusterName());
    }

    /** {@code <cluster>.<domain>}: the cluster's tools are served under it. */
    public String hostname() {
        return hostname;
    }

    public Output<String> endpoint() {
        return eks.endpoint();
    }

    public Output<String> certificateAuthority() {
        return eks.certificateAuthority();
    }

    public Output<String> vpcId() {
        return network.vpcId();
    }

    public Output<String> vpcCidr() {
        return network.vpcCidr();
    }

    public Output<List<String>> privateSubnetIds() {
        return network.privateSubnetIds();
    }

    /** The NAT gateways' public addresses: where the cluster's (and its virtual clusters') traffic leaves from. */
    @Override
    public Output<List<String>> natPublicIps() {
        return network.natPublicIps();
    }

    /** The role the cluster's External Secrets reads its own secrets (and pulls charts) with. */
    public Output<String> externalSecretsRoleArn() {
        return externalSecretsRoleArn;
    }

    @Override
    public Output<String> clusterName() {
        return Output.of(args.clusterName());
    }

    @Override
    public Output<String> region() {
        return Output.of(args.region());
    }

    @Override
    public Output<String> domain() {
        return Output.of(args.dnsZone().domain());
    }

    @Override
    public Output<String> dnsZoneId() {
        return args.dnsZone().zoneId();
    }

    @Override
    public Output<String> oidcProviderArn() {
        return eks.oidcProviderArn();
    }

    @Override
    public Output<String> oidcIssuerUrl() {
        return eks.oidcIssuerUrl();
    }

    @Override
    public Output<String> argocdFleetRoleArn() {
        return argocd.fleetRoleArn();
    }

    @Override
    public Output<String> ciDeployRoleArn() {
        return args.ciDeployRoleArn();
    }

    @Override
    public Output<String> secretStorePrefix() {
        return Output.of(args.secretStore().prefix());
    }

    @Override
    public Output<String> secretStoreKmsKeyArn() {
        return args.secretStore().kmsKeyArn();
    }

    @Override
    public com.pulumi.kubernetes.Provider kubernetes() {
        return eks.kubernetes();
    }

    @Override
    public com.pulumi.cloudflare.Provider cloudflare() {
        return args.dnsZone().cloudflare();
    }

    /** None of its own: the management cluster's resources use the AWS provider they inherit. */
    @Override
    public Optional<com.pulumi.aws.Provider> awsProvider() {
        return Optional.empty();
    }

    @Override
    public Optional<SecretWriter.Replica> secretReplica() {
        return args.secretStore().replica();
    }

    @Override
    public SecretWriter secretWriter(boolean protect, Resource parent) {
        return SecretWriter.builder().prefix(secretStorePrefix()).kmsKeyArn(secretStoreKmsKeyArn()).protect(protect).parent(parent)
                .replica(secretReplica().orElse(null)).build();
    }
}
