package io.idp.platform.gitops;

/**
 * What the management cluster's log and trace stores (Loki, Tempo) are given by the program: their S3
 * buckets, the roles their service accounts assume (IRSA) and how long they keep data. The values
 * read them as {@code ${stores.*}}; workload clusters push to the stores through the management
 * cluster's gateway and never read these.
 */
public record TelemetryStores(String logsBucket, String logsRoleArn, int logsRetentionDays,
                              String tracesBucket, String tracesRoleArn, int tracesRetentionDays) {
    /** Log and trace retention unless the stack file says otherwise (platform:logsRetentionDays, platform:tracesRetentionDays). */
    public static final int DEFAULT_LOGS_RETENTION_DAYS = 30;
    public static final int DEFAULT_TRACES_RETENTION_DAYS = 14;

    /** The buckets' names for a management cluster in a region: {@code <cluster>-logs-<region>}, {@code <cluster>-traces-<region>}. */
    public static String logsBucket(String clusterName, String region) {
        return clusterName + "-logs-" + region;
    }

    public static String tracesBucket(String clusterName, String region) {
        return clusterName + "-traces-" + region;
    }

    /** The stores' facts before the roles exist: the names are known, the ARNs are {@code pending}. */
    public static TelemetryStores pending(String clusterName, String region, int logsRetentionDays, int tracesRetentionDays) {
        return new TelemetryStores(logsBucket(clusterName, region), "pending", logsRetentionDays,
                tracesBucket(clusterName, region), "pending", tracesRetentionDays);
    }

    /** The same stores with the roles' ARNs. */
    public TelemetryStores withRoles(String logsRoleArn, String tracesRoleArn) {
        return new TelemetryStores(logsBucket, logsRoleArn, logsRetentionDays, tracesBucket, tracesRoleArn, tracesRetentionDays);
    }

    /** The variables the stores' values read. Loki and Tempo take retention in hours. */
    void addTo(java.util.Map<String, String> variables) {
        variables.put("stores.logsBucket", logsBucket);
        variables.put("stores.logsRoleArn", logsRoleArn);
        variables.put("stores.logsRetentionHours", String.valueOf(logsRetentionDays * 24));
        variables.put("stores.tracesBucket", tracesBucket);
        variables.put("stores.tracesRoleArn", tracesRoleArn);
        variables.put("stores.tracesRetentionHours", String.valueOf(tracesRetentionDays * 24));
    }
}
