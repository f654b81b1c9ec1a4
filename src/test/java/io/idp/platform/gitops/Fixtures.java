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
                new GitopsLayout.Sso("acme-platform", "platform-admins", "developers", "Ov23liExampleClient01"));
    }

    static SortedMap<String, String> managementFiles() {
        return GitopsLayout.management(ROOT, catalog(), management(Observability.PROMETHEUS));
    }

    static SortedMap<String, String> workloadFiles(ClusterKind kind) {
        return GitopsLayout.workload(ROOT, catalog(), kind, new GitopsLayout.WorkloadFacts("production-east",
                "production-east.example.com", "us-east-1", "platform-team@example.com", "platform/mgmt/clusters/production-east/",
                Observability.PROMETHEUS));
    }
}
