package io.idp.platform.components;

import io.idp.platform.config.Cidr;
import io.idp.platform.config.ClusterSettings;
import io.idp.platform.config.DnsSettings;
import io.idp.platform.config.NetworkSettings;
import io.idp.platform.config.NetworkSettings.NatGateways;
import io.idp.platform.config.Observability;
import io.idp.platform.config.WorkloadSettings.ClusterType;
import io.idp.platform.gitops.Catalog;
import io.idp.platform.support.RequiredArgs;

import java.util.List;
import java.util.Optional;

/** The arguments of a {@link WorkloadCluster}; build with {@link #builder()}. */
public final class WorkloadClusterArgs {
    public static final int DEFAULT_AVAILABILITY_ZONES = ManagementClusterArgs.DEFAULT_AVAILABILITY_ZONES;
    public static final NatGateways DEFAULT_NAT_GATEWAYS = ManagementClusterArgs.DEFAULT_NAT_GATEWAYS;
    public static final Observability DEFAULT_OBSERVABILITY = Observability.PROMETHEUS;

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
    public Catalog catalog() { return b.catalog; }
    public List<String> environments() { return b.environments; }
    public Observability observability() { return b.observability; }
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

    public static final class Builder {
        private String clusterName;
        private ClusterType kind;
        private String region;
        private ManagementPlane management;
        private Catalog catalog;
        private List<String> environments;
        private Observability observability = DEFAULT_OBSERVABILITY;
        private String stackName;
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

        /** Required: the pinned versions of add-ons and charts ({@code stacks/catalog.yaml}). */
        public Builder catalog(Catalog catalog) {
            this.catalog = catalog;
            return this;
        }

        /** Required: the environments the cluster serves; Argo CD's ApplicationSets select it by them. */
        public Builder environments(List<String> environments) {
            this.environments = List.copyOf(environments);
            return this;
        }

        /** The observability stack the fleet delivers to it. Default: Prometheus (kube-prometheus-stack). */
        public Builder observability(Observability observability) {
            this.observability = observability;
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

        public WorkloadClusterArgs build() {
            var check = RequiredArgs.of(WorkloadClusterArgs.class).require("clusterName", clusterName).require("kind", kind)
                    .require("region", region).require("management", management).require("catalog", catalog)
                    .require("environments", environments);
            if (kind == ClusterType.EKS) {
                check.require("clusterSettings", clusterSettings).require("vpcCidr", vpcCidr);
            }
            check.check();
            if (availabilityZones < 2 || availabilityZones > 6) {
                throw new IllegalArgumentException("WorkloadClusterArgs.availabilityZones must be 2-6, was " + availabilityZones);
            }
            return new WorkloadClusterArgs(this);
        }
    }
}
