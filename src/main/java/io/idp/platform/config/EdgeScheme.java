package io.idp.platform.config;

/**
 * Where a cluster's edge load balancer answers (platform:edgeScheme): on the internet, or only on the
 * VPC's private addresses (peered networks, a VPN). The value is the AWS load balancer scheme.
 */
public enum EdgeScheme {
    INTERNET_FACING("internet-facing"),
    INTERNAL("internal");

    private final String configValue;

    EdgeScheme(String configValue) {
        this.configValue = configValue;
    }

    /** The configuration value, which is also the AWS scheme annotation's value. */
    public String configValue() {
        return configValue;
    }

    /** Whether the in-tree AWS cloud provider must make the load balancer internal. */
    public boolean internal() {
        return this == INTERNAL;
    }

    public static EdgeScheme fromConfigValue(String value) {
        for (var scheme : values()) {
            if (scheme.configValue.equals(value)) {
                return scheme;
            }
        }
        return null;
    }
}
