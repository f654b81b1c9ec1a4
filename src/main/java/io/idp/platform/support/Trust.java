package io.idp.platform.support;

import java.util.List;
import java.util.Map;

/** Trust policies for roles assumed through OIDC: GitHub Actions and EKS service accounts (IRSA). */
public final class Trust {
    public static final String GITHUB_ACTIONS_HOST = "token.actions.githubusercontent.com";
    public static final String STS_AUDIENCE = "sts.amazonaws.com";

    private Trust() {
    }

    /**
     * GitHub Actions of one repository, for the given subjects only ({@code repo:<owner>/<repo>:...}),
     * with the STS audience: no other repository, fork or branch can assume the role.
     */
    public static String githubActions(String providerArn, List<String> subjects) {
        return PolicyDocuments.document(List.of(PolicyDocuments.statement("GitHubActionsOfThisRepository", "Allow",
                Map.of("Federated", providerArn), List.of("sts:AssumeRoleWithWebIdentity"), null,
                Map.of("StringEquals", Map.of(
                        GITHUB_ACTIONS_HOST + ":aud", STS_AUDIENCE,
                        GITHUB_ACTIONS_HOST + ":sub", subjects)))));
    }

    /** Kubernetes service accounts of one cluster (IRSA), exactly by namespace and name. */
    public static String serviceAccounts(String providerArn, String issuerUrl, String namespace, List<String> serviceAccounts) {
        var issuer = issuerUrl.replaceFirst("^https://", "");
        return PolicyDocuments.document(List.of(PolicyDocuments.statement("ServiceAccountsOfThisCluster", "Allow",
                Map.of("Federated", providerArn), List.of("sts:AssumeRoleWithWebIdentity"), null,
                Map.of("StringEquals", Map.of(
                        issuer + ":aud", STS_AUDIENCE,
                        issuer + ":sub", serviceAccounts.stream().map(sa -> "system:serviceaccount:" + namespace + ":" + sa).toList())))));
    }
}
