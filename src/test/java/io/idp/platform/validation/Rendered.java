package io.idp.platform.validation;

import io.idp.platform.components.ArgoCdValues;
import io.idp.platform.components.VirtualCluster;
import io.idp.platform.config.Observability;
import io.idp.platform.gitops.Catalog;
import io.idp.platform.gitops.ClusterKind;
import io.idp.platform.gitops.GitopsLayout;
import io.idp.platform.gitops.Tenancy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A rendered gitops repository of the example platform (management, one cluster of each kind, an environment). */
final class Rendered {
    static final Path ROOT = Path.of(".");
    static final String REPO = "git@github.com:acme-platform/gitops.git";
    static final RenderedRepositoryCheck.Teams TEAMS = new RenderedRepositoryCheck.Teams("acme-platform:platform-admins", "acme-platform:developers");

    /** One application in production on the three clusters: its project and namespace policies are rendered too. */
    static final Tenancy TENANCY = new Tenancy(List.of("hello"), List.of("production"), List.of(
            new Tenancy.Cluster("production-east", ClusterKind.WORKLOAD_EKS, List.of("production")),
            new Tenancy.Cluster("production-west", ClusterKind.WORKLOAD_EKS, List.of("production")),
            new Tenancy.Cluster("staging", ClusterKind.WORKLOAD_VCLUSTER, List.of("staging"))));

    private Rendered() {
    }

    static Catalog catalog() {
        return Catalog.load(ROOT);
    }

    static GitopsLayout.ManagementFacts management(Observability observability) {
        return new GitopsLayout.ManagementFacts("mgmt", "mgmt.example.com", "us-east-1", REPO, "platform-team@example.com",
                "platform/mgmt/clusters/mgmt/", "arn:aws:iam::111122223333:role/mgmt-external-secrets",
                "arn:aws:iam::111122223333:role/mgmt-argocd-fleet", true, observability,
                new GitopsLayout.Sso("acme-platform", "platform-admins", "developers", "Ov23liExampleClient01"), capabilities("mgmt"));
    }

    /** What the program would give a physical cluster's templates: its Karpenter and Velero resources and settings. */
    static io.idp.platform.gitops.ClusterCapabilities capabilities(String cluster) {
        return new io.idp.platform.gitops.ClusterCapabilities("arn:aws:iam::111122223333:role/" + cluster + "-karpenter",
                cluster + "-karpenter-nodes", cluster + "-karpenter-interruptions", 50, 200, "800Gi", List.of("on-demand", "spot"),
                "arn:aws:iam::111122223333:role/" + cluster + "-velero", cluster + "-backups-us-east-1",
                "arn:aws:kms:us-east-1:111122223333:key/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6", "0 3 * * *", "720h0m0s");
    }

    static GitopsLayout.WorkloadFacts workload(String name, Observability observability) {
        return new GitopsLayout.WorkloadFacts(name, name + ".example.com", "us-east-1", "platform-team@example.com",
                "platform/mgmt/clusters/" + name + "/", observability, java.util.Optional.of(capabilities(name)), List.of("hello-production"));
    }

    /**
     * The management cluster with this observability choice, a physical cluster with the same choice and
     * one with the other, and a virtual cluster.
     */
    static SortedMap<String, String> repository(Observability observability) {
        var catalog = catalog();
        var other = observability == Observability.PROMETHEUS ? Observability.DATADOG : Observability.PROMETHEUS;
        var files = new TreeMap<String, String>(GitopsLayout.management(ROOT, catalog, management(observability), TENANCY));
        files.putAll(GitopsLayout.workload(ROOT, catalog, ClusterKind.WORKLOAD_EKS, workload("production-east", observability)));
        files.putAll(GitopsLayout.workload(ROOT, catalog, ClusterKind.WORKLOAD_EKS, workload("production-west", other)));
        files.putAll(GitopsLayout.workload(ROOT, catalog, ClusterKind.WORKLOAD_VCLUSTER, workload("staging", observability)));
        files.putAll(GitopsLayout.environment(ROOT, "production", REPO));
        files.putAll(GitopsLayout.templateCopies(ROOT));
        return files;
    }

    /** The Helm releases the program installs itself: Argo CD, and vcluster for a virtual cluster. */
    static List<HelmSource> releases() {
        var catalog = catalog();
        var argocd = catalog.tool("argo-cd");
        var vcluster = catalog.tool("vcluster");
        var sso = new ArgoCdValues.Sso("acme-platform", "platform-admins", "developers", "Ov23liExampleClient01", "grafana.mgmt.example.com");
        var args = new VirtualCluster.Args("staging", new io.idp.platform.components.HelmChart(vcluster.repository(), vcluster.chart(),
                vcluster.version()), Map.of(), null, null, null, null, null);
        return List.of(
                new HelmSource(ArgoCdValues.class.getName(), "Release/argocd", argocd.chart(), argocd.version(),
                        ArgoCdValues.render("argocd.mgmt.example.com", true, "arn:aws:iam::111122223333:role/mgmt-argocd-fleet", sso)),
                new HelmSource(VirtualCluster.class.getName(), "Release/staging", vcluster.chart(), vcluster.version(),
                        VirtualCluster.values(args, "https://argocd.mgmt.example.com/api/dex")));
    }

    static RenderedRepositoryCheck.Report check(Observability observability) {
        return new RenderedRepositoryCheck(catalog(), ReferenceData.packaged()).check(repository(observability), releases(), TEAMS);
    }
}
