package io.idp.platform.components;

import io.idp.platform.support.SecretReadAccess;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * The platform's one authoritative secret store: AWS Secrets Manager under
 * {@code platform/<cluster>/}, encrypted with a customer key of its own. Every credential the
 * platform is given or creates is put here; clusters read their own path through External Secrets.
 */
public final class SecretStore extends ComponentResource {
    public static final String TYPE = "platform:components:SecretStore";

    private final SecretStoreArgs args;
    private final Key key;
    private final String prefix;
    private SecretWriter.Replica replica;
    private boolean written;

    public SecretStore(String name, SecretStoreArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.args = args;
        this.prefix = "platform/" + args.clusterName() + "/";
        this.key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the platform's secrets under " + prefix + " in Secrets Manager")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .build(), dataOptions());
        new Alias(name + "-key-alias", AliasArgs.builder()
                .name("alias/" + args.clusterName() + "-platform-secrets")
                .targetKeyId(key.keyId())
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("kmsKeyArn", key.arn(), "prefix", Output.of(prefix)));
    }

    private CustomResourceOptions dataOptions() {
        return CustomResourceOptions.builder().parent(this).protect(args.protect()).retainOnDelete(true).build();
    }

    /** Stores one secret at {@code platform/<cluster>/<path>} and returns its ARN (see {@link SecretWriter}). */
    public Output<String> put(String path, String description, Output<String> value) {
        return writer().put(path, description, value);
    }

    public SecretWriter writer() {
        written = true;
        return SecretWriter.builder().prefix(Output.of(prefix)).kmsKeyArn(key.arn()).protect(args.protect())
                .recoveryWindowDays(args.recoveryWindowDays()).parent(this).replica(replica).build();
    }

    /** The replica every secret of the store keeps, if any. */
    public java.util.Optional<SecretWriter.Replica> replica() {
        return java.util.Optional.ofNullable(replica);
    }

    /** Keeps a replica of every secret of the store (see {@link SecretReplicas}); before any secret is written. */
    public SecretStore replicateTo(SecretWriter.Replica replica) {
        if (written) {
            throw new IllegalStateException("SecretStore.replicateTo must come before the first secret is written");
        }
        this.replica = replica;
        return this;
    }

    /** The ARN pattern of every secret under {@code prefix + subPath} (see {@link SecretReadAccess}). */
    public Output<String> secretArnPattern(String subPath) {
        return key.arn().applyValue(arn -> SecretReadAccess.arnPattern(arn, prefix + subPath));
    }

    /** Where one cluster's own secrets live; its External Secrets role reads nothing else. */
    public String clusterPrefix(String clusterName) {
        return prefix + "clusters/" + clusterName + "/";
    }

    public Output<String> kmsKeyArn() {
        return key.arn();
    }

    /** Every platform secret lives under this path; a cluster's own secrets under prefix + "clusters/<name>/". */
    public String prefix() {
        return prefix;
    }
}
