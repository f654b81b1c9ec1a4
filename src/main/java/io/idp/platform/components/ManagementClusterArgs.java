package io.idp.platform.components;

import com.pulumi.core.Output;
import io.idp.platform.config.Cidr;
import io.idp.platform.config.ClusterSettings;
import io.idp.platform.config.DnsSettings;
import io.idp.platform.config.NetworkSettings;
import io.idp.platform.config.NetworkSettings.NatGateways;
import io.idp.platform.support.RequiredArgs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The arguments of a {@link ManagementCluster}; build with {@link #builder()}. */
public final class ManagementClusterArgs {
    public static final int DEFAULT_AVAILABILITY_ZONES = 3;
    public static final NatGateways DEFAULT_NAT_GATEWAYS = NatGateways.ONE_PER_AZ;
    public static final boolean DEFAULT_ARGOCD_HIGHLY_AVAILABLE = true;

    private final Builder b;

    private ManagementClusterArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String clusterName() { return b.clusterName; }
    public String region() { return b.region; }
    public ClusterSettings clusterSettings() { return b.clusterSettings; }
    public NetworkSettings network() {
        return new NetworkSettings(b.vpcCidr, b.availabilityZones, b.natGateways, b.apiPublicAccessCidrs);
    }
    public Map<String, String> addonVersions() { return b.addonVersions; }
    public HelmChart argoCdChart() { return b.argoCdChart; }
    public Output<String> ciDeployRoleArn() { return b.ciDeployRoleArn; }
    public SecretStore secretStore() { return b.secretStore; }
    public GitopsRepo gitopsRepo() { return b.gitopsRepo; }
    public DnsZone dnsZone() { return b.dnsZone; }
    public String ssoClientId() { return b.ssoClientId; }
    public Output<String> ssoClientSecret() { return b.ssoClientSecret; }
    public java.util.Optional<Output<String>> alertsChatWebhook() { return java.util.Optional.ofNullable(b.alertsChatWebhook); }
    public String ssoAdminsTeam() { return b.ssoAdminsTeam; }
    public String ssoDevelopersTeam() { return b.ssoDevelopersTeam; }
    public boolean argocdHighlyAvailable() { return b.argocdHighlyAvailable; }
    public Optional<io.idp.platform.config.People> people() { return Optional.ofNullable(b.people); }
    public io.idp.platform.support.FleetSignOn fleetSignOn() { return b.fleetSignOn; }
    public io.idp.platform.config.ArgoCdScale argocdScale() { return b.argocdScale; }
    /** The limits of the cluster's DNS tokens, as {@link ClusterDnsTokens} reads them. */
    public DnsSettings dnsTokenLimits() {
        return new DnsSettings(false, Optional.empty(), false, b.dnsTokenAllowedCidrs, b.dnsTokenExpiresOn);
    }
    public boolean protect() { return b.protect; }
    /** Karpenter's NodePool limits and capacity types (physical clusters). */
    public io.idp.platform.config.NodeAutoscaling autoscaling() { return b.autoscaling; }
    /** Velero's schedule and retention (physical clusters). */
    public io.idp.platform.config.BackupSettings backups() { return b.backups; }
    /** How long Loki and Tempo keep the fleet's logs and traces, and their buckets' expiry. */
    public io.idp.platform.config.TelemetryRetention telemetryRetention() { return b.telemetryRetention; }
    public io.idp.platform.config.CiSettings ci() { return b.ci; }

    public static final class Builder {
        private String clusterName;
        private String region;
        private ClusterSettings clusterSettings;
        private Cidr vpcCidr;
        private int availabilityZones = DEFAULT_AVAILABILITY_ZONES;
        private NatGateways natGateways = DEFAULT_NAT_GATEWAYS;
        private List<Cidr> apiPublicAccessCidrs = List.of();
        private Map<String, String> addonVersions;
        private HelmChart argoCdChart;
        private Output<String> ciDeployRoleArn;
        private SecretStore secretStore;
        private GitopsRepo gitopsRepo;
        private DnsZone dnsZone;
        private String ssoClientId;
        private Output<String> ssoClientSecret;
        private Output<String> alertsChatWebhook;
        private String ssoAdminsTeam;
        private String ssoDevelopersTeam;
        private boolean argocdHighlyAvailable = DEFAULT_ARGOCD_HIGHLY_AVAILABLE;
        private io.idp.platform.config.People people;
        private io.idp.platform.support.FleetSignOn fleetSignOn = io.idp.platform.support.FleetSignOn.NONE;
        private io.idp.platform.config.ArgoCdScale argocdScale = io.idp.platform.config.ArgoCdScale.DEFAULT;
        private List<Cidr> dnsTokenAllowedCidrs = List.of();
        private Optional<String> dnsTokenExpiresOn = Optional.empty();
        private boolean protect = true;
        private io.idp.platform.config.NodeAutoscaling autoscaling = KarpenterInfrastructureArgs.DEFAULT_AUTOSCALING;
        private io.idp.platform.config.BackupSettings backups = ClusterBackupsArgs.DEFAULT_BACKUPS;
        private io.idp.platform.config.TelemetryRetention telemetryRetention = ObservabilityStoresArgs.DEFAULT_RETENTION;
        private io.idp.platform.config.CiSettings ci = io.idp.platform.config.CiSettings.DEFAULT;

        private Builder() {
        }

        /** Required: the cluster's name; it names the EKS cluster, its VPC and IAM roles, and its hostname {@code <name>.<domain>}. */
        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /** Required: the AWS region the cluster runs in (the resources' AWS provider must be of this region). */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Required: Kubernetes version, node group and the people's admin roles. */
        public Builder clusterSettings(ClusterSettings clusterSettings) {
            this.clusterSettings = clusterSettings;
            return this;
        }

        /** Required: the VPC's range, e.g. {@code Cidr.parse("10.0.0.0/16").orElseThrow()}. */
        public Builder vpcCidr(Cidr vpcCidr) {
            this.vpcCidr = vpcCidr;
            return this;
        }

        /** Zones the VPC spans, 2-6. Default: {@value #DEFAULT_AVAILABILITY_ZONES}. */
        public Builder availabilityZones(int availabilityZones) {
            this.availabilityZones = availabilityZones;
            return this;
        }

        /** One NAT gateway per zone or a single one. Default: one per zone. */
        public Builder natGateways(NatGateways natGateways) {
            this.natGateways = natGateways;
            return this;
        }

        /** Networks the Kubernetes API is public to. Default: none, a private endpoint only. */
        public Builder apiPublicAccessCidrs(List<Cidr> apiPublicAccessCidrs) {
            this.apiPublicAccessCidrs = List.copyOf(apiPublicAccessCidrs);
            return this;
        }

        /** Required: EKS managed add-on versions for its Kubernetes version (the catalog's {@code eksAddons}). */
        public Builder addonVersions(Map<String, String> addonVersions) {
            this.addonVersions = Map.copyOf(addonVersions);
            return this;
        }

        /** Required: the argo-cd chart at the catalog's pin. */
        public Builder argoCdChart(HelmChart argoCdChart) {
            this.argoCdChart = argoCdChart;
            return this;
        }

        /** Required: CI's deploy role ({@link BotAccounts#ciDeployRoleArn()}), made cluster admin. */
        public Builder ciDeployRoleArn(Output<String> ciDeployRoleArn) {
            this.ciDeployRoleArn = ciDeployRoleArn;
            return this;
        }

        /** Required: the platform's secret store; the cluster's secrets and DNS tokens go under its path. */
        public Builder secretStore(SecretStore secretStore) {
            this.secretStore = secretStore;
            return this;
        }

        /** Required: the gitops repository Argo CD's root application follows. */
        public Builder gitopsRepo(GitopsRepo gitopsRepo) {
            this.gitopsRepo = gitopsRepo;
            return this;
        }

        /** Required: the platform's zone; the cluster gets a CAA record and DNS tokens in it. */
        public Builder dnsZone(DnsZone dnsZone) {
            this.dnsZone = dnsZone;
            return this;
        }

        /** Required: the client id of the GitHub OAuth app Argo CD (and through it Grafana) signs people in with. */
        public Builder ssoClientId(String ssoClientId) {
            this.ssoClientId = ssoClientId;
            return this;
        }

        /** Required: the OAuth app's client secret (secret); it goes to the secret store, never to git. */
        /** The chat webhook alerts also go to (a secret), stored for Alertmanager. Default: none. */
        public Builder alertsChatWebhook(Output<String> alertsChatWebhook) {
            this.alertsChatWebhook = alertsChatWebhook;
            return this;
        }

        public Builder ssoClientSecret(Output<String> ssoClientSecret) {
            this.ssoClientSecret = ssoClientSecret;
            return this;
        }

        /** Required: the GitHub team (of the repository's owner) whose members are Argo CD admins. */
        public Builder ssoAdminsTeam(String ssoAdminsTeam) {
            this.ssoAdminsTeam = ssoAdminsTeam;
            return this;
        }

        /** Required: the GitHub team whose members are developers (read, sync). */
        public Builder ssoDevelopersTeam(String ssoDevelopersTeam) {
            this.ssoDevelopersTeam = ssoDevelopersTeam;
            return this;
        }

        /** Run Argo CD highly available. Default: {@value #DEFAULT_ARGOCD_HIGHLY_AVAILABLE}. */
        public Builder argocdHighlyAvailable(boolean argocdHighlyAvailable) {
            this.argocdHighlyAvailable = argocdHighlyAvailable;
            return this;
        }

        /** The fleet Argo CD is sized for (docs/argocd-scaling.md). Default: ten clusters, ten per shard, consistent hashing. */
        public Builder argocdScale(io.idp.platform.config.ArgoCdScale argocdScale) {
            this.argocdScale = java.util.Objects.requireNonNull(argocdScale, "argocdScale");
            return this;
        }

        /** Networks the cluster's DNS tokens may be used from. Default: any. */
        public Builder dnsTokenAllowedCidrs(List<Cidr> dnsTokenAllowedCidrs) {
            this.dnsTokenAllowedCidrs = List.copyOf(dnsTokenAllowedCidrs);
            return this;
        }

        /** The day (YYYY-MM-DD) the cluster's DNS tokens expire. Default: never. */
        public Builder dnsTokenExpiresOn(Optional<String> dnsTokenExpiresOn) {
            this.dnsTokenExpiresOn = dnsTokenExpiresOn;
            return this;
        }

        /**
         * The platform's teams and people ({@code people.yaml}): their IAM roles' access entries (the
         * admins cluster-admin, developers view) and Argo CD's roles per team. Default: none, so
         * only CI's deploy role and {@code clusterSettings}' admin roles reach the cluster.
         */
        public Builder people(io.idp.platform.config.People people) {
            this.people = people;
            return this;
        }

        /**
         * The workload clusters that sign in through Argo CD's Dex: a client each, and each Grafana's
         * client secret generated and kept for both sides. Default: none.
         */
        public Builder fleetSignOn(io.idp.platform.support.FleetSignOn fleetSignOn) {
            this.fleetSignOn = java.util.Objects.requireNonNull(fleetSignOn, "fleetSignOn");
            return this;
        }

        /** Protect the data-bearing resources (the cluster, its secrets key) from deletion. Default: true. */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        /** Karpenter's NodePool limits and capacity types. Default: {@link KarpenterInfrastructureArgs#DEFAULT_AUTOSCALING}. */
        public Builder autoscaling(io.idp.platform.config.NodeAutoscaling autoscaling) {
            this.autoscaling = java.util.Objects.requireNonNull(autoscaling, "autoscaling");
            return this;
        }

        /** Velero's schedule and retention. Default: {@link ClusterBackupsArgs#DEFAULT_BACKUPS}. */
        public Builder backups(io.idp.platform.config.BackupSettings backups) {
            this.backups = java.util.Objects.requireNonNull(backups, "backups");
            return this;
        }

        /** Log and trace retention. Default: {@link ObservabilityStoresArgs#DEFAULT_RETENTION}. */
        public Builder telemetryRetention(io.idp.platform.config.TelemetryRetention retention) {
            this.telemetryRetention = java.util.Objects.requireNonNull(retention, "telemetryRetention");
            return this;
        }

        /**
         * The CI services: the runners' GitHub App (written to the secret store when given) and how long
         * workflow artifacts are kept. Default: {@link io.idp.platform.config.CiSettings#DEFAULT} (no App, 30 days).
         */
        public Builder ci(io.idp.platform.config.CiSettings ci) {
            this.ci = java.util.Objects.requireNonNull(ci, "ci");
            return this;
        }

        public ManagementClusterArgs build() {
            RequiredArgs.of(ManagementClusterArgs.class).require("clusterName", clusterName).require("region", region)
                    .require("clusterSettings", clusterSettings).require("vpcCidr", vpcCidr).require("addonVersions", addonVersions)
                    .require("argoCdChart", argoCdChart)
                    .require("ciDeployRoleArn", ciDeployRoleArn).require("secretStore", secretStore)
                    .require("gitopsRepo", gitopsRepo).require("dnsZone", dnsZone).require("ssoClientId", ssoClientId).require("ssoClientSecret", ssoClientSecret)
                    .require("ssoAdminsTeam", ssoAdminsTeam).require("ssoDevelopersTeam", ssoDevelopersTeam).check();
            if (availabilityZones < 2 || availabilityZones > 6) {
                throw new IllegalArgumentException("ManagementClusterArgs.availabilityZones must be 2-6, was " + availabilityZones);
            }
            return new ManagementClusterArgs(this);
        }
    }
}
