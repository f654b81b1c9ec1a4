package io.idp.platform.components;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.Optional;

/**
 * What a {@link WorkloadCluster} needs of the management side: read from the management stack's
 * outputs ({@link ManagementReference}), or from a {@link ManagementCluster} in the same program.
 */
public interface ManagementPlane {
    /** The management cluster's name. */
    Output<String> clusterName();

    /** The management cluster's (and secret store's) region. */
    Output<String> region();

    /** The platform's domain; clusters are served under {@code <cluster>.<domain>}. */
    Output<String> domain();

    /** The Cloudflare zone of the domain. */
    Output<String> dnsZoneId();

    /** The management cluster's IAM OIDC provider (IRSA for what runs in its namespaces). */
    Output<String> oidcProviderArn();

    /** The management cluster's OIDC issuer. */
    Output<String> oidcIssuerUrl();

    /** The role Argo CD's controllers reach other clusters with. */
    Output<String> argocdFleetRoleArn();

    /** CI's deploy role, cluster admin of every cluster. */
    Output<String> ciDeployRoleArn();

    /** Where every platform secret lives, e.g. {@code platform/mgmt/}. */
    Output<String> secretStorePrefix();

    /** The secret store's KMS key. */
    Output<String> secretStoreKmsKeyArn();

    /** The management VPC's NAT gateway addresses: where a virtual cluster's traffic leaves from. */
    Output<java.util.List<String>> natPublicIps();

    /** A Kubernetes provider for the management cluster. */
    com.pulumi.kubernetes.Provider kubernetes();

    /** The DNS bot's Cloudflare provider. */
    com.pulumi.cloudflare.Provider cloudflare();

    /** The AWS provider of the management region, when it is not the one the resources inherit. */
    Optional<com.pulumi.aws.Provider> awsProvider();

    /**
     * Where the platform's secrets are replicated (the recovery region and the key there), if anywhere:
     * what reads the store may read the replicas too, and what writes to it keeps replicas alike.
     */
    Optional<SecretWriter.Replica> secretReplica();

    /** A writer into the secret store whose secrets are children of {@code parent}. */
    SecretWriter secretWriter(boolean protect, Resource parent);
}
