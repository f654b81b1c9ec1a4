package io.idp.platform.gitops;

/** The kinds of cluster the catalog and the templates know; each has a template directory. */
public enum ClusterKind {
    MANAGEMENT("management"),
    WORKLOAD_EKS("workload-eks"),
    WORKLOAD_VCLUSTER("workload-vcluster");

    private final String catalogName;

    ClusterKind(String catalogName) {
        this.catalogName = catalogName;
    }

    /** The name used in the catalog's {@code clusters} lists and as the template directory under stacks/. */
    public String catalogName() {
        return catalogName;
    }
}
