package io.idp.platform.components;

import io.idp.platform.config.Cidr;
import io.idp.platform.config.NetworkSettings.NatGateways;
import io.idp.platform.support.RequiredArgs;

/** The arguments of {@link Network}; build with {@link #builder()}. */
public final class NetworkArgs {
    public static final int DEFAULT_AVAILABILITY_ZONES = 3;
    public static final int DEFAULT_FLOW_LOG_RETENTION_DAYS = 365;

    private final Builder b;

    private NetworkArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String clusterName() {
        return b.clusterName;
    }

    public Cidr cidr() {
        return b.cidr;
    }

    public int availabilityZones() {
        return b.availabilityZones;
    }

    public NatGateways natGateways() {
        return b.natGateways;
    }

    public int flowLogRetentionDays() {
        return b.flowLogRetentionDays;
    }

    /** Public subnets take the first slots, private ones the next: all the same size. */
    public int subnetPrefix() {
        int slots = 2 * b.availabilityZones;
        return b.cidr.prefix() + Integer.SIZE - Integer.numberOfLeadingZeros(slots - 1);
    }

    public Cidr publicSubnet(int zone) {
        return b.cidr.subnet(subnetPrefix(), zone);
    }

    public Cidr privateSubnet(int zone) {
        return b.cidr.subnet(subnetPrefix(), b.availabilityZones + zone);
    }

    public static final class Builder {
        private String clusterName;
        private Cidr cidr;
        private int availabilityZones = DEFAULT_AVAILABILITY_ZONES;
        private NatGateways natGateways = NatGateways.ONE_PER_AZ;
        private int flowLogRetentionDays = DEFAULT_FLOW_LOG_RETENTION_DAYS;

        private Builder() {
        }

        /** Required: names and tags the network's resources, and marks subnets for the cluster's load balancers. */
        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /** Required: the VPC range. */
        public Builder cidr(Cidr cidr) {
            this.cidr = cidr;
            return this;
        }

        /** Zones to span, 2-6. Default: {@value #DEFAULT_AVAILABILITY_ZONES}. */
        public Builder availabilityZones(int availabilityZones) {
            this.availabilityZones = availabilityZones;
            return this;
        }

        /** One NAT gateway per zone (survives a zone failure) or a single one. Default: one per zone. */
        public Builder natGateways(NatGateways natGateways) {
            this.natGateways = natGateways;
            return this;
        }

        /** Days flow logs are kept. Default: {@value #DEFAULT_FLOW_LOG_RETENTION_DAYS}. */
        public Builder flowLogRetentionDays(int flowLogRetentionDays) {
            this.flowLogRetentionDays = flowLogRetentionDays;
            return this;
        }

        public NetworkArgs build() {
            RequiredArgs.of(NetworkArgs.class)
                    .require("clusterName", clusterName).require("cidr", cidr)
                    .check();
            if (availabilityZones < 2 || availabilityZones > 6) {
                throw new IllegalArgumentException("NetworkArgs.availabilityZones must be 2-6, was " + availabilityZones);
            }
            return new NetworkArgs(this);
        }
    }
}
