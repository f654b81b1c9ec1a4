package io.idp.platform.components;

import io.idp.platform.support.RequiredArgs;

/** The arguments of {@link StateStore}; build with {@link #builder()}. */
public final class StateStoreArgs {
    public static final int DEFAULT_NONCURRENT_DAYS = 90;

    private final Builder b;

    private StateStoreArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String bucketName() {
        return b.bucketName;
    }

    public int noncurrentDays() {
        return b.noncurrentDays;
    }

    public boolean protect() {
        return b.protect;
    }

    public static final class Builder {
        private String bucketName;
        private int noncurrentDays = DEFAULT_NONCURRENT_DAYS;
        private boolean protect = true;

        private Builder() {
        }

        /** Required: the bucket's globally unique name. */
        public Builder bucketName(String bucketName) {
            this.bucketName = bucketName;
            return this;
        }

        /** Days a replaced state file version is kept. Default: {@value #DEFAULT_NONCURRENT_DAYS}. */
        public Builder noncurrentDays(int noncurrentDays) {
            this.noncurrentDays = noncurrentDays;
            return this;
        }

        /** Protect the bucket and key from deletion. Default: true. */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        public StateStoreArgs build() {
            RequiredArgs.of(StateStoreArgs.class)
                    .require("bucketName", bucketName)
                    .check();
            if (bucketName.isBlank()) {
                throw new IllegalArgumentException("StateStoreArgs.bucketName must not be blank");
            }
            if (noncurrentDays < 1) {
                throw new IllegalArgumentException("StateStoreArgs.noncurrentDays must be at least 1, was " + noncurrentDays);
            }
            return new StateStoreArgs(this);
        }
    }
}
