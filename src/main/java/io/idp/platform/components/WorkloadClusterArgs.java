package io.idp.platform.components;

import io.idp.platform.config.Cidr;
import io.idp.platform.config.ClusterSettings;
import io.idp.platform.config.DnsSettings;
import io.idp.platform.config.NetworkSettings;
import io.idp.platform.config.NetworkSettings.NatGateways;
import io.idp.platform.config.WorkloadSettings.ClusterType;
import io.idp.platform.support.RequiredArgs;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The arguments of a {@link WorkloadCluster}; build with {@link #builder()}. */
public final class WorkloadClusterArgs {
    public static final int DEFAULT_AVAILABILITY_ZONES = ManagementClusterArgs.DEFAULT_AVAILABILITY_ZONES;
    public static final NatGateways DEFAULT_NAT_GATEWAYS = ManagementClusterArgs.DEFAULT_NAT_GATEWAYS;

    private final Builder b;

    private WorkloadClusterArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String clusterName() { return b.clusterName; }
    public ClusterType kind() { return b.kind; }
    public String region() { return b.region; }
    public ManagementPlane management() { return b.management; }
    /** EKS managed add-on versions ({@code EKS}). */
    public Map<String, String> addonVersions() { return b.addonVersions; }
    /** The vcluster chart ({@code VCLUSTER}). */
    public HelmChart vclusterChart() { return b.vclusterChart; }
    /** The add-ons the fleet delivers to the cluster, labelled {@code enable_<addon>} on its registration. */
    public List<String> addons() { return b.addons; }
    public List<String> environments() { return b.environments; }
    public Optional<io.idp.platform.config.People> people() { return Optional.ofNullable(b.people); }
    public List<String> applications() { return b.applications; }
    public Optional<String> stackName() { return Optional.ofNullable(b.stackName); }
    public ClusterSettings clusterSettings() { return b.clusterSettings; }
    public NetworkSettings network() {
        return new NetworkSettings(b.vpcCidr, b.availabilityZones, b.natGateways, b.apiPublicAccessCidrs);
    }
    /** The limits of the cluster's DNS tokens, as {@link ClusterDnsTokens} reads them. */
    public DnsSettings dnsTokenLimits() {
        return new DnsSettings(false, Optional.empty(), false, b.dnsTokenAllowedCidrs, b.dnsTokenExpiresOn);
    }
    /** Where the cluster's ClusterSecretStore reads Secrets Manager: the management region unless set (a replica's region). */
    public Optional<String> secretStoreRegion() { return Optional.ofNullable(b.secretStoreRegion); }
    public boolean protect() { return b.protect; }
    /** Karpenter's NodePool limits and capacity types (physical clusters). */
    public io.idp.platform.config.NodeAutoscaling autoscaling() { return b.autoscaling; }
    /** Velero's schedule and retention (physical clusters). */
    public io.idp.platform.config.BackupSettings backups() { return b.backups; }
    public String metricsRetention() { return b.metricsRetention; }

    public static final class Builder {
        private String clusterName;
        private ClusterType kind;
        private String region;
        private ManagementPlane management;
        private Map<String, String> addonVersions;
        private HelmChart vclusterChart;
        private List<String> addons;
        private List<String> environments;
        private String stackName;
        private String metricsRetention = io.idp.platform.config.MetricsSettings.WORKLOAD_DEFAULT;
        private ClusterSettings clusterSettings;
        private Cidr vpcCidr;
        private int availabilityZones = DEFAULT_AVAILABILITY_ZONES;
        private NatGateways natGateways = DEFAULT_NAT_GATEWAYS;
        private List<Cidr> apiPublicAccessCidrs = List.of();
        private List<Cidr> dnsTokenAllowedCidrs = List.of();
        private Optional<String> dnsTokenExpiresOn = Optional.empty();
        private boolean protect = true;
        private io.idp.platform.config.NodeAutoscaling autoscaling = KarpenterInfrastructureArgs.DEFAULT_AUTOSCALING;
        private io.idp.platform.config.BackupSettings backups = ClusterBackupsArgs.DEFAULT_BACKUPS;
        private String secretStoreRegion;
        private io.idp.platform.config.People people;
        private List<String> applications = List.of();

        private Builder() {
        }

        /** Required: the cluster's name; Argo CD knows it by it, and it is served under {@code <name>.<domain>}. */
        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /** Required: {@code EKS}, a cluster of its own, or {@code VCLUSTER}, a virtual cluster in the management cluster. */
        public Builder kind(ClusterType kind) {
            this.kind = kind;
            return this;
        }

        /** Required: the cluster's region (for a virtual cluster: the region it is said to serve). */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Required: the management side it registers with: a {@link ManagementCluster} or a {@link ManagementReference}. */
        public Builder management(ManagementPlane management) {
            this.management = management;
            return this;
        }

        /** Required for {@code EKS}: EKS managed add-on versions for its Kubernetes version (the catalog's {@code eksAddons}). */
        public Builder addonVersions(Map<String, String> addonVersions) {
            this.addonVersions = Map.copyOf(addonVersions);
            return this;
        }

        /** Required for {@code VCLUSTER}: the vcluster chart at the catalog's pin. */
        public Builder vclusterChart(HelmChart vclusterChart) {
            this.vclusterChart = vclusterChart;
            return this;
        }

        /**
         * Required: the add-ons the management cluster's ApplicationSets deliver to it (the catalog's tools
         * for its kind); each becomes an {@code enable_<addon>} label of its registration.
         */
        public Builder addons(Collection<String> addons) {
            this.addons = List.copyOf(addons);
            return this;
        }

        /** Required: the environments the cluster serves; Argo CD's ApplicationSets select it by them. */
        public Builder environments(List<String> environments) {
            this.environments = List.copyOf(environments);
            return this;
        }

        /** The stack named in the cluster Secret's {@code platform/stack} annotation. Default: the running Pulumi stack. */
        public Builder stackName(String stackName) {
            this.stackName = stackName;
            return this;
        }

        /** Required for {@code EKS}: Kubernetes version, node group and the people's admin roles. */
        public Builder clusterSettings(ClusterSettings clusterSettings) {
            this.clusterSettings = clusterSettings;
            return this;
        }

        /** Required for {@code EKS}: the VPC's range, outside the management VPC's. */
        public Builder vpcCidr(Cidr vpcCidr) {
            this.vpcCidr = vpcCidr;
            return this;
        }

        /** {@code EKS}: zones the VPC spans, 2-6. Default: {@value #DEFAULT_AVAILABILITY_ZONES}. */
        public Builder availabilityZones(int availabilityZones) {
            this.availabilityZones = availabilityZones;
            return this;
        }

        /** {@code EKS}: one NAT gateway per zone or a single one. Default: one per zone. */
        public Builder natGateways(NatGateways natGateways) {
            this.natGateways = natGateways;
            return this;
        }

        /** {@code EKS}: networks the Kubernetes API is public to. Default: none, a private endpoint only. */
        public Builder apiPublicAccessCidrs(List<Cidr> apiPublicAccessCidrs) {
            this.apiPublicAccessCidrs = List.copyOf(apiPublicAccessCidrs);
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
         * The region the cluster reads the secret store in: the management region or the recovery region
         * holding the secrets' replicas (platform:secretStoreRegion). Default: the management region.
         */
        public Builder secretStoreRegion(Optional<String> secretStoreRegion) {
            this.secretStoreRegion = secretStoreRegion.orElse(null);
            return this;
        }

        /**
         * The platform's teams and people ({@code people.yaml}): on an EKS cluster, their IAM roles'
         * access entries (the admins cluster-admin; developers edit in their environments'
         * application namespaces, view elsewhere). Default: none.
         */
        public Builder people(io.idp.platform.config.People people) {
            this.people = people;
            return this;
        }

        /** The platform's applications, whose namespaces ({@code <app>-<env>}) developers edit. Default: none. */
        public Builder applications(List<String> applications) {
            this.applications = List.copyOf(applications);
            return this;
        }

        /** Protect the data-bearing resources (the EKS cluster, its key, the cluster's secrets). Default: true. */
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

        /** How long the cluster's own Prometheus keeps metrics (platform:metricsRetention). Default: {@code 2d}. */
        public Builder metricsRetention(String metricsRetention) {
            this.metricsRetention = java.util.Objects.requireNonNull(metricsRetention, "metricsRetention");
            return this;
        }

        public WorkloadClusterArgs build() {
            var check = RequiredArgs.of(WorkloadClusterArgs.class).require("clusterName", clusterName).require("kind", kind)
                    .require("region", region).require("management", management).require("addons", addons)
                    .require("environments", environments);
            if (kind == ClusterType.EKS) {
                check.require("clusterSettings", clusterSettings).require("vpcCidr", vpcCidr).require("addonVersions", addonVersions);
            } else if (kind == ClusterType.VCLUSTER) {
                check.require("vclusterChart", vclusterChart);
            }
            check.check();
            if (availabilityZones < 2 || availabilityZones > 6) {
                throw new IllegalArgumentException("WorkloadClusterArgs.availabilityZones must be 2-6, was " + availabilityZones);
            }
            return new WorkloadClusterArgs(this);
        }
    }
}
