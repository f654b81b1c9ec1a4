package io.idp.platform.components;

import com.pulumi.core.Output;
import com.pulumi.github.BranchProtection;
import com.pulumi.github.BranchProtectionArgs;
import com.pulumi.github.Repository;
import com.pulumi.github.RepositoryArgs;
import com.pulumi.github.RepositoryDeployKey;
import com.pulumi.github.RepositoryDeployKeyArgs;
import com.pulumi.github.RepositoryWebhook;
import com.pulumi.github.RepositoryWebhookArgs;
import com.pulumi.github.inputs.BranchProtectionRequiredPullRequestReviewArgs;
import com.pulumi.github.inputs.BranchProtectionRequiredStatusCheckArgs;
import com.pulumi.github.inputs.RepositoryWebhookConfigurationArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.tls.PrivateKey;
import com.pulumi.tls.PrivateKeyArgs;

import java.util.Map;

/**
 * The generated {@code gitops} repository Argo CD syncs from: private, with vulnerability alerts
 * and secret scanning, archived rather than deleted on destroy, protected; and the read-only deploy
 * key Argo CD clones it with, whose private half goes to the {@link SecretStore}.
 */
public final class GitopsRepo extends ComponentResource {
    /** The webhook's secret in the store, under the management cluster's path (argocd-secret's webhook.github.secret). */
    public static final String WEBHOOK_SECRET = "argocd/github-webhook-secret";
    public static final String TYPE = "platform:components:GitopsRepo";

    /**
     * @param owner      the GitHub organisation
     * @param name       the repository name (default "gitops")
     * @param clusterName the management cluster whose Argo CD reads the repository
     */
    /**
     * @param adopt     take over a repository that already exists (imported into the stack) instead of creating it
     * @param webhookUrl where GitHub tells Argo CD about pushes, so it syncs at once instead of polling
     */
    public record Args(String owner, String name, String clusterName, boolean protect, boolean adopt, String webhookUrl,
                       SecretStore secretStore) {
    }

    private final Repository repository;
    private final PrivateKey deployKey;
    private final String fullName;
    private final String logicalName;

    public GitopsRepo(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.fullName = args.owner() + "/" + args.name();
        this.logicalName = name;
        this.repository = new Repository(name + "-repository", RepositoryArgs.builder()
                .name(args.name())
                .visibility("private")
                .autoInit(true)
                .hasIssues(true)
                .hasWiki(false)
                .hasProjects(false)
                .deleteBranchOnMerge(true)
                .allowMergeCommit(false)
                .vulnerabilityAlerts(true)
                .archiveOnDestroy(true)
                .securityAndAnalysis(RepositorySecurity.secretScanning())
                .build(), repositoryOptions(args));

        // enforceAdmins stays off: the git bot (an admin) commits rendered files straight to main;
        // people go through reviewed pull requests.
        new BranchProtection(name + "-main", BranchProtectionArgs.builder()
                .repositoryId(repository.nodeId())
                .pattern("main")
                .enforceAdmins(false)
                .allowsForcePushes(false)
                .allowsDeletions(false)
                .requireConversationResolution(true)
                .requiredLinearHistory(true)
                .requiredPullRequestReviews(BranchProtectionRequiredPullRequestReviewArgs.builder()
                        .requiredApprovingReviewCount(2)
                        .dismissStaleReviews(true)
                        .requireLastPushApproval(true)
                        .build())
                .requiredStatusChecks(BranchProtectionRequiredStatusCheckArgs.builder().strict(true).build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        // The webhook's shared secret: Argo CD rejects pushes it cannot verify. Derived like the SSO
        // secrets (no random provider), kept in the store where the cluster's External Secrets reads it.
        var webhookSeed = new PrivateKey(name + "-webhook-seed", PrivateKeyArgs.builder().algorithm("ED25519").build(),
                CustomResourceOptions.builder().parent(this).build());
        var webhookSecret = webhookSeed.privateKeyPem().applyValue(SingleSignOn::derive).asSecret();
        args.secretStore().put("clusters/" + args.clusterName() + "/" + WEBHOOK_SECRET,
                "Shared secret of the gitops repository's webhook to Argo CD", webhookSecret);
        new RepositoryWebhook(name + "-argocd", RepositoryWebhookArgs.builder()
                .repository(repository.name())
                .events("push")
                .active(true)
                .configuration(RepositoryWebhookConfigurationArgs.builder()
                        .url(args.webhookUrl())
                        .contentType("json")
                        .insecureSsl(false)
                        .secret(webhookSecret)
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).build());

        // ED25519: short, modern, and accepted by GitHub deploy keys and Argo CD alike.
        this.deployKey = new PrivateKey(name + "-argocd-key", PrivateKeyArgs.builder().algorithm("ED25519").build(),
                CustomResourceOptions.builder().parent(this).build());
        new RepositoryDeployKey(name + "-argocd-key", RepositoryDeployKeyArgs.builder()
                .repository(repository.name())
                .title("argocd (" + args.clusterName() + "), read only")
                .key(deployKey.publicKeyOpenssh())
                .readOnly(true)
                .build(), CustomResourceOptions.builder().parent(this).build());
        args.secretStore().put("argocd/gitops-deploy-key", "Argo CD's read-only deploy key for " + fullName,
                deployKey.privateKeyOpenssh());

        registerOutputs(Map.of("fullName", Output.of(fullName), "sshCloneUrl", repository.sshCloneUrl(),
                "httpCloneUrl", repository.httpCloneUrl()));
    }

    private CustomResourceOptions repositoryOptions(Args args) {
        var options = CustomResourceOptions.builder().parent(this).protect(args.protect()).retainOnDelete(true);
        if (args.adopt()) {
            options.importId(args.name());
        }
        return options.build();
    }

    /** Commits rendered files to this repository (see {@link RepositoryFiles}). */
    public RepositoryFiles commit(java.util.SortedSet<String> paths, Output<java.util.SortedMap<String, String>> contents,
                                  java.util.function.Predicate<String> keep, String source) {
        return new RepositoryFiles(logicalName + "-files", new RepositoryFiles.Args(repository.name(), paths, contents, keep, source),
                ComponentResourceOptions.builder().parent(this).build());
    }

    public String fullName() {
        return fullName;
    }

    public Output<String> name() {
        return repository.name();
    }

    public Output<String> sshCloneUrl() {
        return repository.sshCloneUrl();
    }

    public Output<String> httpCloneUrl() {
        return repository.httpCloneUrl();
    }

    /** The deploy key's private half (secret), for Argo CD's repository credentials. */
    public Output<String> deployKeyPrivate() {
        return deployKey.privateKeyOpenssh();
    }
}
