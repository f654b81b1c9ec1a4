package io.idp.platform.components;

import io.idp.platform.support.RepositorySecurity;

import com.pulumi.core.Output;
import com.pulumi.github.Repository;
import com.pulumi.github.RepositoryArgs;
import com.pulumi.github.RepositoryDeployKey;
import com.pulumi.github.RepositoryDeployKeyArgs;
import com.pulumi.github.RepositoryWebhook;
import com.pulumi.github.RepositoryWebhookArgs;
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
    public static final String TYPE = "platform:components:GitopsRepo";

    private final Repository repository;
    private final PrivateKey deployKey;
    private final String fullName;
    private final String logicalName;

    public GitopsRepo(String name, GitopsRepoArgs args, ComponentResourceOptions options) {
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

        // A ruleset, not classic protection: it binds admins too, and names the git bot (through its
        // team) as the only actor that may commit rendered files straight to main.
        MainBranchRules.protect(name + "-main", repository.name(), 2, GitopsBoundaries.REQUIRED_CHECKS, args.botTeamId(),
                CustomResourceOptions.builder().parent(this).build());
        new RepositoryWebhook(name + "-argocd", RepositoryWebhookArgs.builder()
                .repository(repository.name())
                .events("push")
                .active(true)
                .configuration(RepositoryWebhookConfigurationArgs.builder()
                        .url(args.webhookUrl())
                        .contentType("json")
                        .insecureSsl(false)
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

    private CustomResourceOptions repositoryOptions(GitopsRepoArgs args) {
        var options = CustomResourceOptions.builder().parent(this).protect(args.protect()).retainOnDelete(true);
        if (args.adopt()) {
            options.importId(args.name());
        }
        return options.build();
    }

    /** Commits rendered files (paths, contents, what to keep, their source) to this repository (see {@link RepositoryFiles}). */
    public RepositoryFiles commit(RepositoryFilesArgs.Builder files) {
        return new RepositoryFiles(logicalName + "-files", files.repository(repository.name()).build(),
                ComponentResourceOptions.builder().parent(this).build());
    }

    /** The GitHub organisation (or user) that owns the repository. */
    public String owner() {
        return fullName.substring(0, fullName.indexOf('/'));
    }

    /** {@code <owner>/<name>}. */
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
