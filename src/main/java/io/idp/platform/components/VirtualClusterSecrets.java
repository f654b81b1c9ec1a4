package io.idp.platform.components;

import com.pulumi.resources.Resource;

import io.idp.platform.support.Trust;
import io.idp.platform.support.PolicyDocuments;
import io.idp.platform.support.SecretReadAccess;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;

/**
 * The IAM role a virtual cluster's secrets are read with: assumable (IRSA, through the management
 * cluster's OIDC provider) only by the service account in the virtual cluster's host namespace, and
 * limited to the cluster's own path of the secret store.
 */
public final class VirtualClusterSecrets {
    private VirtualClusterSecrets() {
    }

    /**
     * @param management where the store and the management cluster's OIDC provider are
     * @param parent     the role's parent, the workload cluster
     */
    public static Output<String> role(String clusterName, ManagementPlane management, Resource parent) {
        var namespace = "vcluster-" + clusterName;
        var secretsPrefix = management.secretStorePrefix().applyValue(prefix -> prefix + "clusters/" + clusterName + "/");
        var builder = CustomResourceOptions.builder().parent(parent);
        management.awsProvider().ifPresent(builder::provider);
        var options = builder.build();
        var role = new Role(clusterName + "-vcluster-secrets", RoleArgs.builder()
                .name(clusterName + "-vcluster-secrets")
                .description("Secrets of the virtual cluster " + clusterName + ", read in its host namespace")
                .assumeRolePolicy(Output.tuple(management.oidcProviderArn(), management.oidcIssuerUrl())
                        .applyValue(t -> Trust.serviceAccounts(t.t1, t.t2, namespace, List.of(VirtualCluster.SECRETS_SERVICE_ACCOUNT))))
                .build(), options);
        var keyArn = management.secretStoreKmsKeyArn();
        new RolePolicy(clusterName + "-vcluster-secrets-read", RolePolicyArgs.builder()
                .role(role.id())
                .name("read-own-secrets")
                // The secrets' replicas too, when the platform has a recovery region (failover by configuration).
                .policy(Output.tuple(ExternalSecretsRole.withReplicas(Output.tuple(keyArn, secretsPrefix)
                                        .applyValue(t -> SecretReadAccess.arnPattern(t.t1, t.t2)), management.secretReplica()),
                                ExternalSecretsRole.keysWithReplicas(keyArn, management.secretReplica()))
                        .applyValue(t -> PolicyDocuments.document(SecretReadAccess.statements(t.t1, t.t2))))
                .build(), options);
        return role.arn();
    }
}
