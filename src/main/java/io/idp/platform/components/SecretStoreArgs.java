package io.idp.platform.components;

import io.idp.platform.support.RequiredArgs;

/** The arguments of {@link SecretStore}; build with {@link #builder()}. */
public final class SecretStoreArgs {
    public static final int DEFAULT_RECOVERY_WINDOW_DAYS = 30;

    private final Builder b;

    private SecretStoreArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String clusterName() {
        return b.clusterName;
    }

    public boolean protect() {
        return b.protect;
    }

    public int recoveryWindowDays() {
        return b.recoveryWindowDays;
    }

    public static final class Builder {
        private String clusterName;
        private boolean protect = true;
        private int recoveryWindowDays = DEFAULT_RECOVERY_WINDOW_DAYS;

        private Builder() {
        }

        /** Required: the management cluster, which names the path prefix {@code platform/<cluster>/} and the key alias. */
        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /** Protect the key and the secrets from deletion. Default: true. */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        /** Days a deleted secret can be restored. Default: {@value #DEFAULT_RECOVERY_WINDOW_DAYS}. */
        public Builder recoveryWindowDays(int recoveryWindowDays) {
            this.recoveryWindowDays = recoveryWindowDays;
            return this;
        }

        public SecretStoreArgs build() {
            RequiredArgs.of(SecretStoreArgs.class)
                    .require("clusterName", clusterName)
                    .check();
            return new SecretStoreArgs(this);
        }
    }
}
