package io.idp.platform.components;

import io.idp.platform.config.BackupSettings;
import io.idp.platform.config.Validators;
import io.idp.platform.support.RequiredArgs;

/** The arguments of {@link ClusterBackups}; build with {@link #builder()}. */
public final class ClusterBackupsArgs {
    /** Daily at 03:00 UTC, kept 30 days. */
    public static final BackupSettings DEFAULT_BACKUPS = new BackupSettings(30, "0 3 * * *");
    /** Days an overwritten or deleted object version stays recoverable in the bucket. */
    public static final int DEFAULT_NONCURRENT_DAYS = 14;

    private final Builder b;

    private ClusterBackupsArgs(Builder builder) {
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

    /** The bucket's name: as given, else {@code <cluster>-backups-<region>}. */
    public String bucketName() {
        return b.bucketName != null ? b.bucketName : b.cluster.clusterName() + "-backups-" + b.region;
    }

    public BackupSettings backups() {
        return b.backups;
    }

    public int noncurrentDays() {
        return b.noncurrentDays;
    }

    public boolean protect() {
        return b.protect;
    }

    public static final class Builder {
        private EksCluster cluster;
        private String region;
        private String bucketName;
        private BackupSettings backups = DEFAULT_BACKUPS;
        private int noncurrentDays = DEFAULT_NONCURRENT_DAYS;
        private boolean protect = true;

        private Builder() {
        }

        /** Required: the cluster backed up; Velero's role is for its service account. */
        public Builder cluster(EksCluster cluster) {
            this.cluster = cluster;
            return this;
        }

        /** Required: the cluster's region, where the bucket and its key are. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** The bucket's globally unique name. Default: {@code <cluster>-backups-<region>}. */
        public Builder bucketName(String bucketName) {
            this.bucketName = bucketName;
            return this;
        }

        /** When backups run and how long each is kept. Default: {@link #DEFAULT_BACKUPS}. */
        public Builder backups(BackupSettings backups) {
            this.backups = backups;
            return this;
        }

        /** Days a deleted backup's objects stay recoverable. Default: {@value #DEFAULT_NONCURRENT_DAYS}. */
        public Builder noncurrentDays(int noncurrentDays) {
            this.noncurrentDays = noncurrentDays;
            return this;
        }

        /** Protect the bucket and key from deletion (both are retained on destroy regardless). Default: true. */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        public ClusterBackupsArgs build() {
            RequiredArgs.of(ClusterBackupsArgs.class)
                    .require("cluster", cluster)
                    .require("region", region)
                    .require("backups", backups)
                    .check();
            var args = new ClusterBackupsArgs(this);
            var bucket = args.bucketName();
            if (!Validators.S3_BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
                throw new IllegalArgumentException("ClusterBackupsArgs.bucketName '" + bucket + "' is not a valid S3 bucket name "
                        + "(3-63 lowercase letters, digits, '-' and '.'); set another with ClusterBackupsArgs.builder().bucketName(...)");
            }
            if (noncurrentDays < 1) {
                throw new IllegalArgumentException("ClusterBackupsArgs.noncurrentDays must be at least 1, was " + noncurrentDays);
            }
            return args;
        }
    }
}
