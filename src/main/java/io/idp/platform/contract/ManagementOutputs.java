package io.idp.platform.contract;

import java.util.List;

/**
 * The management stack's outputs that workload stacks read through a StackReference: the contract
 * between the two, documented in docs/outputs.md. Renaming one breaks every workload stack.
 */
public final class ManagementOutputs {
    public static final String CLUSTER_NAME = "clusterName";
    public static final String REGION = "region";
    public static final String CLUSTER_ENDPOINT = "clusterEndpoint";
    public static final String CLUSTER_CERTIFICATE_AUTHORITY = "clusterCertificateAuthority";
    public static final String OIDC_PROVIDER_ARN = "oidcProviderArn";
    public static final String OIDC_ISSUER_URL = "oidcIssuerUrl";
    public static final String ARGOCD_FLEET_ROLE_ARN = "argocdFleetRoleArn";
    public static final String ARGOCD_NAMESPACE = "argocdNamespace";
    public static final String ARGOCD_URL = "argocdUrl";
    public static final String GITOPS_REPO = "gitopsRepo";
    public static final String GITOPS_REPO_SSH_URL = "gitopsRepoSshUrl";
    public static final String GITOPS_REPO_HTTPS_URL = "gitopsRepoHttpsUrl";
    public static final String SECRET_STORE_KMS_KEY_ARN = "secretStoreKmsKeyArn";
    public static final String SECRET_STORE_PREFIX = "secretStorePrefix";
    public static final String DNS_ZONE_ID = "dnsZoneId";
    public static final String DOMAIN = "domain";
    public static final String VPC_ID = "vpcId";
    public static final String VPC_CIDR = "vpcCidr";
    public static final String PRIVATE_SUBNET_IDS = "privateSubnetIds";
    /** The management VPC's NAT addresses: the egress of the management cluster and its virtual clusters. */
    public static final String NAT_PUBLIC_IPS = "natPublicIps";
    public static final String STATE_BUCKET = "stateBucket";
    public static final String STATE_BACKEND_URL = "stateBackendUrl";
    public static final String CATALOG_VERSION = "catalogVersion";
    public static final String CI_PREVIEW_ROLE_ARN = "ciPreviewRoleArn";
    public static final String CI_DEPLOY_ROLE_ARN = "ciDeployRoleArn";
    public static final String ALERTS_EMAIL = "alertsEmail";
    public static final String ENVIRONMENTS = "environments";
    /** The disaster-recovery region, or "" when the platform has none (platform:recoveryRegion). */
    public static final String RECOVERY_REGION = "recoveryRegion";
    /** The key the secrets' replicas are encrypted with in the recovery region, or "". */
    public static final String SECRET_REPLICA_KMS_KEY_ARN = "secretReplicaKmsKeyArn";
    /** The {@code pulumi login} URL of the state bucket's replica, or "". */
    public static final String STATE_REPLICA_BACKEND_URL = "stateReplicaBackendUrl";
    /** Secret: for people and CI, not for workload stacks. */
    public static final String KUBECONFIG = "kubeconfig";

    /** Every output a workload stack may rely on. */
    public static final List<String> CONTRACT = List.of(CLUSTER_NAME, REGION, CLUSTER_ENDPOINT, CLUSTER_CERTIFICATE_AUTHORITY,
            OIDC_PROVIDER_ARN, OIDC_ISSUER_URL, ARGOCD_FLEET_ROLE_ARN, ARGOCD_NAMESPACE, ARGOCD_URL, GITOPS_REPO,
            GITOPS_REPO_SSH_URL, GITOPS_REPO_HTTPS_URL, SECRET_STORE_KMS_KEY_ARN, SECRET_STORE_PREFIX, DNS_ZONE_ID, DOMAIN,
            VPC_ID, VPC_CIDR, PRIVATE_SUBNET_IDS, NAT_PUBLIC_IPS, STATE_BUCKET, STATE_BACKEND_URL, CATALOG_VERSION, CI_PREVIEW_ROLE_ARN,
            CI_DEPLOY_ROLE_ARN, ALERTS_EMAIL, ENVIRONMENTS, RECOVERY_REGION, SECRET_REPLICA_KMS_KEY_ARN,
            STATE_REPLICA_BACKEND_URL);

    /** What a contract output holds: a non-empty text, a text that may be empty, or a list of non-empty texts. */
    public enum Shape {
        TEXT("a non-empty string"), OPTIONAL_TEXT("a string, empty when not configured"), TEXT_LIST("a list of non-empty strings");

        public final String description;

        Shape(String description) {
            this.description = description;
        }
    }

    /** The contract's outputs that are lists; every other one is a text. */
    private static final java.util.Set<String> LISTS = java.util.Set.of(PRIVATE_SUBNET_IDS, NAT_PUBLIC_IPS, ENVIRONMENTS);

    /** The contract's outputs that are empty when the feature behind them is not configured. */
    private static final java.util.Set<String> OPTIONAL = java.util.Set.of(RECOVERY_REGION, SECRET_REPLICA_KMS_KEY_ARN,
            STATE_REPLICA_BACKEND_URL);

    public static Shape shape(String output) {
        if (OPTIONAL.contains(output)) {
            return Shape.OPTIONAL_TEXT;
        }
        return LISTS.contains(output) ? Shape.TEXT_LIST : Shape.TEXT;
    }

    private ManagementOutputs() {
    }
}
