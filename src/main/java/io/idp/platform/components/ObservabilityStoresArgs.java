package io.idp.platform.components;

import io.idp.platform.config.TelemetryRetention;
import io.idp.platform.config.Validators;
import io.idp.platform.support.RequiredArgs;

/** The arguments of {@link ObservabilityStores}; build with {@link #builder()}. */
public final class ObservabilityStoresArgs {
    /** Logs 30 days, traces 14 (platform:logsRetentionDays, platform:tracesRetentionDays). */
    public static final TelemetryRetention DEFAULT_RETENTION = new TelemetryRetention(30, 14);

    private final Builder b;

    private ObservabilityStoresArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public EksCluster cluster() {
        return b.cluster;
    }

    public String region() {
        return b.region;
    }

    /** Loki's bucket: as given, else {@code <cluster>-logs-<region>}. */
    public String logsBucketName() {
        return b.logsBucketName != null ? b.logsBucketName : b.cluster.clusterName() + "-logs-" + b.region;
    }

    /** Tempo's bucket: as given, else {@code <cluster>-traces-<region>}. */
    public String tracesBucketName() {
        return b.tracesBucketName != null ? b.tracesBucketName : b.cluster.clusterName() + "-traces-" + b.region;
    }

    public TelemetryRetention retention() {
        return b.retention;
    }

    public boolean protect() {
        return b.protect;
    }

    public static final class Builder {
        private EksCluster cluster;
        private String region;
        private String logsBucketName;
        private String tracesBucketName;
        private TelemetryRetention retention = DEFAULT_RETENTION;
        private boolean protect = true;

        private Builder() {
        }

        /** Required: the management cluster whose Loki and Tempo use the stores (their roles are for its service accounts). */
        public Builder cluster(EksCluster cluster) {
            this.cluster = cluster;
            return this;
        }

        /** Required: the cluster's region, where the buckets and keys are. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Loki's bucket, globally unique. Default: {@code <cluster>-logs-<region>}. */
        public Builder logsBucketName(String name) {
            this.logsBucketName = name;
            return this;
        }

        /** Tempo's bucket, globally unique. Default: {@code <cluster>-traces-<region>}. */
        public Builder tracesBucketName(String name) {
            this.tracesBucketName = name;
            return this;
        }

        /** How long each store keeps data; the buckets expire objects a day later. Default: {@link #DEFAULT_RETENTION}. */
        public Builder retention(TelemetryRetention retention) {
            this.retention = retention;
            return this;
        }

        /** Protect the buckets and keys from deletion (they are retained on destroy regardless). Default: true. */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        public ObservabilityStoresArgs build() {
            RequiredArgs.of(ObservabilityStoresArgs.class)
                    .require("cluster", cluster)
                    .require("region", region)
                    .require("retention", retention)
                    .check();
            var args = new ObservabilityStoresArgs(this);
            var problems = new java.util.ArrayList<String>();
            for (var bucket : java.util.List.of(args.logsBucketName(), args.tracesBucketName())) {
                if (!Validators.S3_BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
                    problems.add("'" + bucket + "' is not a valid S3 bucket name (3-63 lowercase letters, digits, '-' and '.')");
                }
            }
            if (retention.logsDays() < 1 || retention.tracesDays() < 1) {
                problems.add("retention must be at least a day for logs and traces, was " + retention);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("ObservabilityStoresArgs: " + String.join("; ", problems)
                        + "; set others with ObservabilityStoresArgs.builder().logsBucketName(...).tracesBucketName(...).retention(...)");
            }
            return args;
        }
    }
}
