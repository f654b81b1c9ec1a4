package io.idp.platform.components;

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
 * The recovery region's side of the secret store: a customer key there that every platform secret's
 * Secrets Manager replica is encrypted with. Secrets Manager keeps the replicas in step with the
 * primary; a replica can be read (and promoted) when the primary region is lost.
 */
public final class SecretReplicas extends ComponentResource {
    public static final String TYPE = "platform:components:SecretReplicas";

    private final Output<String> keyArn;
    private final String region;

    public SecretReplicas(String name, SecretReplicasArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.region = args.region();
        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the replicas of the platform's secrets (platform/" + args.clusterName() + "/) in " + args.region())
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .build(), CustomResourceOptions.builder().parent(this).provider(args.replicaRegion())
                .protect(args.protect()).retainOnDelete(true).build());
        new Alias(name + "-key-alias", AliasArgs.builder()
                .name("alias/" + args.clusterName() + "-platform-secrets")
                .targetKeyId(key.keyId())
                .build(), CustomResourceOptions.builder().parent(this).provider(args.replicaRegion()).build());
        this.keyArn = key.arn();
        registerOutputs(Map.of("region", Output.of(region), "kmsKeyArn", keyArn));
    }

    /** Where secrets are replicated to, for {@link SecretWriter}. */
    public SecretWriter.Replica replica() {
        return new SecretWriter.Replica(Output.of(region), keyArn);
    }

    public String region() {
        return region;
    }

    public Output<String> kmsKeyArn() {
        return keyArn;
    }
}
