package io.idp.platform.config;

/**
 * Where the fleet's push credentials for logs and traces live in the secret store, relative to its
 * prefix ({@code platform/<mgmt>/}). Each physical workload cluster has one password, written twice:
 * under its own path, which its External Secrets reads (the agents' side), and under the management
 * cluster's, which the management cluster's External Secrets reads to build the stores' htpasswd.
 */
public final class TelemetryPaths {
    private TelemetryPaths() {
    }

    /** The user every cluster pushes as: its own name. */
    public static String user(String workloadCluster) {
        return workloadCluster;
    }

    /** The workload cluster's copy: {@code clusters/<workload>/telemetry/push-password}. */
    public static String agentPassword(String workloadCluster) {
        return "clusters/" + workloadCluster + "/" + AGENT_PASSWORD;
    }

    /** Below a workload cluster's own path. */
    public static final String AGENT_PASSWORD = "telemetry/push-password";

    /** The management cluster's copy: {@code clusters/<mgmt>/telemetry/push/<workload>}. */
    public static String storePassword(String managementCluster, String workloadCluster) {
        return "clusters/" + managementCluster + "/" + storePasswordBelowOwnPath(workloadCluster);
    }

    /** Below the management cluster's own path. */
    public static String storePasswordBelowOwnPath(String workloadCluster) {
        return "telemetry/push/" + workloadCluster;
    }
}
