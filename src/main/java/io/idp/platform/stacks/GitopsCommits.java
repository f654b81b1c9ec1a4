package io.idp.platform.stacks;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.idp.platform.components.GitopsRepo;
import io.idp.platform.components.ManagementCluster;
import io.idp.platform.components.ManagementReference;
import io.idp.platform.components.RepositoryFiles;
import io.idp.platform.components.RepositoryFilesArgs;
import io.idp.platform.components.WorkloadCluster;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.gitops.GitopsLayout;
import io.idp.platform.gitops.Sources;
import io.idp.platform.gitops.Tenancy;

import java.util.TreeSet;

import static io.idp.platform.contract.ManagementOutputs.ALERTS_EMAIL;

/** What each stack commits to the gitops repository, from the facts its clusters provide. */
final class GitopsCommits {
    private GitopsCommits() {
    }

    /** The management cluster's registry, the environments' homes and the templates. */
    static void management(Sources sources, PlatformConfig config, ManagementCluster cluster, GitopsRepo gitops) {
        var settings = config.managementSettings();
        var sso = settings.sso();
        var facts = new GitopsLayout.ManagementFacts(config.clusterName(), cluster.hostname(), config.region(), GitopsFiles.PENDING,
                settings.alertsEmail(), cluster.ownSecretsPrefix(), GitopsFiles.PENDING, GitopsFiles.PENDING,
                settings.argocdHa(), config.observability(),
                new GitopsLayout.Sso(settings.githubOwner(), sources.people().admins().githubSlug(), sources.people().developers().githubSlug(), sso.clientId(),
                        sources.people().narrowerTeams().stream().map(io.idp.platform.config.People.Team::githubSlug).toList()),
                settings.argocdAllowedCidrs().stream().map(Object::toString).toList(), settings.argocdScale(),
                new GitopsLayout.Ci(settings.ci().runnersMax(), GitopsLayout.Ci.bucketName(config.clusterName(), config.region()),
                        GitopsLayout.Ci.roleName(config.clusterName())));
        // The projects name the workload clusters the stack files declare, never a wildcard server.
        var narrower = sources.people().narrowerTeams().stream().map(team -> new Tenancy.TeamScope(team.name(),
                settings.githubOwner() + ":" + team.githubSlug(), team.environments())).toList();
        var tenancy = new Tenancy(settings.applications(), config.environments(), WorkloadClusters.read(sources.root()), narrower);
        var files = GitopsFiles.management(sources, config.environments(), tenancy, facts,
                Output.tuple(gitops.sshCloneUrl(), cluster.externalSecretsRoleArn(), cluster.argocdFleetRoleArn())
                        .applyValue(t -> facts.withResources(t.t1, t.t2, t.t3)), config.recovery().secretStoreRegion(config.region()));
        gitops.commit(RepositoryFilesArgs.builder().paths(files.paths()).contents(files.contents())
                .keep(GitopsFiles::outlivesClusters).source("the platform's templates (stacks/)"));
    }

    /** The workload cluster's own directory {@code registry/clusters/<name>/}, with the git bot's token from the store. */
    static void workload(Sources sources, PlatformConfig config, ManagementReference management, WorkloadCluster cluster) {
        var name = config.clusterName();
        var catalog = sources.catalog();
        var kind = CatalogPins.kind(config.workloadSettings().clusterType());
        var secretsPrefix = management.secretStorePrefix().applyValue(prefix -> prefix + "clusters/" + name + "/");
        var facts = Output.tuple(cluster.hostname(), management.require(ALERTS_EMAIL), secretsPrefix).applyValue(t ->
                new GitopsLayout.WorkloadFacts(name, t.t1, config.region(), t.t2, t.t3, config.observability()));
        // The store's region, or the recovery region of its replicas (platform:secretStoreRegion).
        var secretsRegion = management.region().applyValue(region -> config.recovery().secretStoreRegion(region));
        var paths = new TreeSet<>(GitopsLayout.workload(sources.root(), catalog, kind,
                new GitopsLayout.WorkloadFacts(name, GitopsFiles.PENDING, config.region(), GitopsFiles.PENDING, GitopsFiles.PENDING,
                        config.observability()), GitopsFiles.PENDING).keySet());
        new RepositoryFiles(name + "-registry", RepositoryFilesArgs.builder()
                .repository(management.gitopsRepo().applyValue(repo -> repo.substring(repo.indexOf('/') + 1))).paths(paths)
                .contents(Output.tuple(facts, secretsRegion).applyValue(t -> GitopsLayout.workload(sources.root(), catalog, kind, t.t1, t.t2)))
                .source("stacks/" + kind.catalogName() + " for " + name).build(),
                ComponentResourceOptions.builder().providers(management.github()).build());
    }
}
