package io.idp.platform.stacks;

import io.idp.platform.components.HelmChart;
import io.idp.platform.config.WorkloadSettings.ClusterType;
import io.idp.platform.gitops.Catalog;
import io.idp.platform.gitops.ClusterKind;

/** What the stacks hand the components from the catalog: components take pins and labels, never the catalog. */
final class CatalogPins {
    private CatalogPins() {
    }

    /** A tool's chart at the catalog's pin. */
    static HelmChart chart(Catalog catalog, String tool) {
        var pinned = catalog.tool(tool);
        return new HelmChart(pinned.repository(), pinned.chart(), pinned.version());
    }

    /** The catalog's kind of cluster for a workload stack's type. */
    static ClusterKind kind(ClusterType type) {
        return type == ClusterType.EKS ? ClusterKind.WORKLOAD_EKS : ClusterKind.WORKLOAD_VCLUSTER;
    }
}
