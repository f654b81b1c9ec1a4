package io.idp.platform.config;

/** The observability stack a cluster runs; each is a catalog tool. */
public enum Observability {
    PROMETHEUS("prometheus", "kube-prometheus-stack"),
    DATADOG("datadog", "datadog");

    private final String configValue;
    private final String tool;

    Observability(String configValue, String tool) {
        this.configValue = configValue;
        this.tool = tool;
    }

    public String configValue() {
        return configValue;
    }

    /** The catalog tool that provides it. */
    public String tool() {
        return tool;
    }

    public static Observability fromConfigValue(String value) {
        for (var o : values()) {
            if (o.configValue.equals(value)) {
                return o;
            }
        }
        return null;
    }
}
