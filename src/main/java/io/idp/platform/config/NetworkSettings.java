package io.idp.platform.config;

import java.util.List;

/** The stack's VPC: its range, how many zones it spans, how egress is provided, who reaches the API. */
public record NetworkSettings(Cidr vpcCidr, int availabilityZones, NatGateways natGateways, List<Cidr> apiPublicAccessCidrs) {

    public enum NatGateways {
        ONE_PER_AZ("onePerAz"),
        SINGLE("single");

        private final String configValue;

        NatGateways(String configValue) {
            this.configValue = configValue;
        }

        public String configValue() {
            return configValue;
        }
    }
}
