package io.idp.platform.gitops;

import io.idp.platform.config.Observability;

import java.nio.file.Path;
import java.util.SortedMap;

/** Rendered gitops files for the example management cluster, from this repository's templates. */
final class Fixtures {
    static final Path ROOT = Path.of(".");
    static final String REPO = "git@github.com:acme-platform/gitops.git";

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
    static ClusterCapabilities capabilities(String cluster) {
        return new ClusterCapabilities("arn:aws:iam::111122223333:role/" + cluster + "-karpenter", cluster + "-karpenter-nodes",
                cluster + "-karpenter-interruptions", 50, 200, "800Gi", java.util.List.of("on-demand", "spot"),
                "arn:aws:iam::111122223333:role/" + cluster + "-velero", cluster + "-backups-us-east-1",
                "arn:aws:kms:us-east-1:111122223333:key/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6", "0 3 * * *", "720h0m0s");
    }

    /** The example project: one application, a production EKS cluster and a virtual cluster for development and staging. */
    static final Tenancy TENANCY = new Tenancy(java.util.List.of("hello"), java.util.List.of("development", "staging", "production"),
            java.util.List.of(new Tenancy.Cluster("staging", ClusterKind.WORKLOAD_VCLUSTER, java.util.List.of("development", "staging")),
                    new Tenancy.Cluster("production-east", ClusterKind.WORKLOAD_EKS, java.util.List.of("production"))));

    static SortedMap<String, String> managementFiles() {
        return GitopsLayout.management(ROOT, catalog(), management(Observability.PROMETHEUS), TENANCY);
    }

    static SortedMap<String, String> workloadFiles(ClusterKind kind) {
        return GitopsLayout.workload(ROOT, catalog(), kind, new GitopsLayout.WorkloadFacts("production-east",
                "production-east.example.com", "us-east-1", "platform-team@example.com", "platform/mgmt/clusters/production-east/",
                Observability.PROMETHEUS, kind == ClusterKind.WORKLOAD_EKS ? java.util.Optional.of(capabilities("production-east"))
                        : java.util.Optional.empty(), kind == ClusterKind.WORKLOAD_EKS ? java.util.List.of("hello-production") : java.util.List.of()));
    }
}
