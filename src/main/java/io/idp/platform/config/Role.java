package io.idp.platform.config;

/** What a stack builds: the one management cluster, or one workload cluster. */
public enum Role {
    MANAGEMENT("management"),
    WORKLOAD("workload");

    private final String configValue;

    Role(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static Role fromConfigValue(String value) {
        for (var role : values()) {
            if (role.configValue.equals(value)) {
                return role;
            }
        }
        return null;
    }
}
