package io.idp.platform.components;

import io.idp.platform.support.RequiredArgs;

import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

/**
 * Writes secrets into the platform's secret store: the management stack's own {@link SecretStore},
 * or, from a workload stack, the same store through the management stack's outputs (its prefix and key).
 */
public final class SecretWriter {
    private final Output<String> prefix;
    private final Output<String> kmsKeyArn;
    private final boolean protect;
    private final int recoveryWindowDays;
    private final Resource parent;
    private final com.pulumi.aws.Provider provider;
    private final Replica replica;

    /** A Secrets Manager replica of every secret written: its region and the key there that encrypts it. */
    public record Replica(Output<String> region, Output<String> kmsKeyArn) {
    }

    private SecretWriter(Builder builder) {
        RequiredArgs.of(SecretWriter.class).require("prefix", builder.prefix).require("kmsKeyArn", builder.kmsKeyArn).check();
        this.prefix = builder.prefix;
        this.kmsKeyArn = builder.kmsKeyArn;
        this.protect = builder.protect;
        this.recoveryWindowDays = builder.recoveryWindowDays;
        this.parent = builder.parent;
        this.provider = builder.provider;
        this.replica = builder.replica;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Output<String> prefix;
        private Output<String> kmsKeyArn;
        private boolean protect = true;
        private int recoveryWindowDays = SecretStoreArgs.DEFAULT_RECOVERY_WINDOW_DAYS;
        private Resource parent;
        private com.pulumi.aws.Provider provider;
        private Replica replica;

        /** Required: the store's path prefix, e.g. {@code platform/mgmt/}. */
        public Builder prefix(Output<String> prefix) {
            this.prefix = prefix;
            return this;
        }

        /** Required: the store's KMS key, which encrypts each secret. */
        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            this.kmsKeyArn = kmsKeyArn;
            return this;
        }

        /** Protect the secrets from deletion. Default: true. */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        /** Days a deleted secret can be restored. Default: the store's, 30. */
        public Builder recoveryWindowDays(int recoveryWindowDays) {
            this.recoveryWindowDays = recoveryWindowDays;
            return this;
        }

        /** The secrets' parent. Default: the stack. */
        public Builder parent(Resource parent) {
            this.parent = parent;
            return this;
        }

        /** The AWS provider of the store's region. Default: the one the secrets inherit from their parent. */
        public Builder provider(com.pulumi.aws.Provider provider) {
            this.provider = provider;
            return this;
        }

        /** Also keep a replica of each secret in another region. Default: none. */
        public Builder replica(Replica replica) {
            this.replica = replica;
            return this;
        }

        public SecretWriter build() {
            return new SecretWriter(this);
        }
    }

    /** Stores one secret at {@code <prefix><path>}; the value stays a secret output. Returns the secret's ARN. */
    public Output<String> put(String path, String description, Output<String> value) {
        return put("secret-" + path.replace('/', '-'), Output.of(path), description, value);
    }

    /**
     * Stores one secret at {@code <prefix><path>} where the path is only known as an output (it names
     * another cluster); {@code logical} names the resources in the stack.
     */
    public Output<String> put(String logical, Output<String> path, String description, Output<String> value) {
        var options = CustomResourceOptions.builder().protect(protect).retainOnDelete(true);
        var versionOptions = CustomResourceOptions.builder();
        if (parent != null) {
            options.parent(parent);
            versionOptions.parent(parent);
        }
        if (provider != null) {
            options.provider(provider);
            versionOptions.provider(provider);
        }
        var args = SecretArgs.builder()
                .name(Output.tuple(prefix, path).applyValue(t -> t.t1 + t.t2))
                .description(description)
                .kmsKeyId(kmsKeyArn)
                .recoveryWindowInDays(recoveryWindowDays);
        if (replica != null) {
            args.replicas(com.pulumi.aws.secretsmanager.inputs.SecretReplicaArgs.builder()
                    .region(replica.region()).kmsKeyId(replica.kmsKeyArn()).build());
        }
        var secret = new Secret(logical, args.build(), options.build());
        new SecretVersion(logical, SecretVersionArgs.builder()
                .secretId(secret.id())
                .secretString(value.asSecret())
                .build(), versionOptions.build());
        return secret.arn();
    }
}
