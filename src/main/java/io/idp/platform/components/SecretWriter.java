package io.idp.platform.components;

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

    /**
     * @param provider the AWS provider of the store's region, or null for the stack's (default) one
     */
    public SecretWriter(Output<String> prefix, Output<String> kmsKeyArn, boolean protect, int recoveryWindowDays,
                        Resource parent, com.pulumi.aws.Provider provider) {
        this(prefix, kmsKeyArn, protect, recoveryWindowDays, parent, provider, null);
    }

    private SecretWriter(Output<String> prefix, Output<String> kmsKeyArn, boolean protect, int recoveryWindowDays,
                         Resource parent, com.pulumi.aws.Provider provider, Replica replica) {
        this.replica = replica;
        this.prefix = prefix;
        this.kmsKeyArn = kmsKeyArn;
        this.protect = protect;
        this.recoveryWindowDays = recoveryWindowDays;
        this.parent = parent;
        this.provider = provider;
    }

    /** The same writer, also keeping a replica of each secret (null: none). */
    public SecretWriter replicatedTo(Replica replica) {
        return new SecretWriter(prefix, kmsKeyArn, protect, recoveryWindowDays, parent, provider, replica);
    }

    /** Stores one secret at {@code <prefix><path>}; the value stays a secret output. Returns the secret's ARN. */
    public Output<String> put(String path, String description, Output<String> value) {
        var logical = "secret-" + path.replace('/', '-');
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
                .name(prefix.applyValue(p -> p + path))
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
