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
import io.idp.platform.gitops.ClusterKind;
import io.idp.platform.gitops.VirtualClusterAccess;
import io.idp.platform.support.FleetSignOn;

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
                        sources.people().narrowerTeams().stream().map(io.idp.platform.config.People.Team::githubSlug).toList(),
                        WorkloadClusters.signOn(sources.root(), cluster.hostname(), settings.domain())),
                settings.argocdAllowedCidrs().stream().map(Object::toString).toList(), settings.argocdScale(), config.edgeScheme(),
                Capabilities.known(cluster.karpenter(), cluster.backups()),
                io.idp.platform.gitops.TelemetryStores.pending(config.clusterName(), config.region(),
                        settings.telemetryRetention().logsDays(), settings.telemetryRetention().tracesDays()),
                new GitopsLayout.Monitoring(config.metrics().retention(), settings.alertRelay().host(), settings.alertRelay().port(),
                        settings.alertRelay().from().orElse(null), settings.alertRelay().username().orElse(null),
                        settings.alertsChatWebhook().isPresent()),
                new GitopsLayout.Ci(settings.ci().runnersMax(), GitopsLayout.Ci.bucketName(config.clusterName(), config.region()),
                        GitopsLayout.Ci.roleName(config.clusterName())));

        // The projects name the workload clusters the stack files declare, never a wildcard server.
        var narrower = sources.people().narrowerTeams().stream().map(team -> new Tenancy.TeamScope(team.name(),
                settings.githubOwner() + ":" + team.githubSlug(), team.environments())).toList();
        var tenancy = new Tenancy(settings.applications(), config.environments(), WorkloadClusters.read(sources.root()), narrower);
        var files = GitopsFiles.management(sources, config.environments(), tenancy, facts,
                Output.tuple(gitops.sshCloneUrl(), cluster.externalSecretsRoleArn(), cluster.argocdFleetRoleArn(),
                                Capabilities.complete(cluster.karpenter(), cluster.backups()),
                                cluster.observabilityStores().logs().roleArn(), cluster.observabilityStores().traces().roleArn())
                        .applyValue(t -> facts.withResources(t.t1, t.t2, t.t3, t.t4).withStores(facts.stores().withRoles(t.t5, t.t6))),
                config.recovery().secretStoreRegion(config.region()));
        gitops.commit(RepositoryFilesArgs.builder().paths(files.paths()).contents(files.contents())
                .keep(GitopsFiles::outlivesClusters).source("the platform's templates (stacks/)"));
    }

    /** The workload cluster's own directory {@code registry/clusters/<name>/}, with the git bot's token from the store. */
    static void workload(Sources sources, PlatformConfig config, ManagementReference management, WorkloadCluster cluster) {
        var name = config.clusterName();
        var catalog = sources.catalog();
        var kind = CatalogPins.kind(config.workloadSettings().clusterType());
        var secretsPrefix = management.secretStorePrefix().applyValue(prefix -> prefix + "clusters/" + name + "/");
        // A physical cluster's backups cover its environments' application namespaces.
        var applicationNamespaces = new java.util.ArrayList<String>();
        for (var app : ManagementApplications.read(sources.root(), config.workloadSettings().managementStack())) {
            config.environments().forEach(environment -> applicationNamespaces.add(Tenancy.appNamespace(app, environment)));
        }
        var known = cluster.karpenter().map(karpenter -> Capabilities.known(karpenter, cluster.backups().orElseThrow()));
        Output<java.util.Optional<io.idp.platform.gitops.ClusterCapabilities>> capabilities = cluster.karpenter()
                .map(karpenter -> Capabilities.complete(karpenter, cluster.backups().orElseThrow()).applyValue(java.util.Optional::of))
                .orElse(Output.of(java.util.Optional.empty()));
        var facts = Output.tuple(cluster.hostname(), management.require(ALERTS_EMAIL), secretsPrefix, capabilities).applyValue(t ->
                new GitopsLayout.WorkloadFacts(name, t.t1, config.region(), t.t2, t.t3, config.observability(), config.edgeScheme(), t.t4,
                        applicationNamespaces));
        // The store's region, or the recovery region of its replicas (platform:secretStoreRegion).
        var secretsRegion = management.region().applyValue(region -> config.recovery().secretStoreRegion(region));
        var paths = new TreeSet<>(GitopsLayout.workload(sources.root(), catalog, kind,
                new GitopsLayout.WorkloadFacts(name, GitopsFiles.PENDING, config.region(), GitopsFiles.PENDING, GitopsFiles.PENDING,
                        config.observability(), config.edgeScheme(), known, applicationNamespaces), GitopsFiles.PENDING).keySet());
        // A virtual cluster's API server trusts the management cluster's Dex: people's access is RBAC by team.
        var access = GitopsLayout.clusterDirectory(name) + VirtualClusterAccess.FILE;
        boolean virtual = kind == ClusterKind.WORKLOAD_VCLUSTER;
        if (virtual) {
            paths.add(access);
        }
        var applications = ManagementApplications.read(sources.root(), config.workloadSettings().managementStack());
        new RepositoryFiles(name + "-registry", RepositoryFilesArgs.builder()
                .repository(management.gitopsRepo().applyValue(repo -> repo.substring(repo.indexOf('/') + 1))).paths(paths)
                .contents(Output.tuple(facts, secretsRegion, management.gitopsRepo()).applyValue(t -> {
                    var files = GitopsLayout.workload(sources.root(), catalog, kind, t.t1, t.t2);
                    if (virtual) {
                        files.put(access, VirtualClusterAccess.render(sources.people(), FleetSignOn.GROUPS_PREFIX,
                                t.t3.substring(0, t.t3.indexOf('/')), config.environments(), applications));
                    }
                    return files;
                }))
                .source("stacks/" + kind.catalogName() + " for " + name).build(),
                ComponentResourceOptions.builder().providers(management.github()).build());
    }
}
