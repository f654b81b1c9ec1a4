package io.idp.platform.gitops;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CatalogTableTest {
    static Catalog catalog() {
        return Catalog.parse(CatalogRulesTest.catalog(
                "  vcluster: {repository: https://charts.loft.sh, chart: vcluster, version: \"0.26.0\", namespace: vcluster, wave: 20, clusters: []}\n"
                        + "  cert-manager: {repository: https://charts.jetstack.io, chart: cert-manager, version: v1.18.2, namespace: cert-manager, "
                        + "wave: 20, clusters: [management, workload-eks], needs: [cluster-name, cluster-hostname]}\n"));
    }

    @Test
    void toolsAreListedByWaveThenNameWithTheirClusters() {
        var table = CatalogTable.markdown(catalog());
        assertTrue(table.startsWith("""
                Catalog version `7`.

                | wave | tool | chart | version | namespace | clusters | needs |
                |---|---|---|---|---|---|---|
                | 0 | argo-cd | https://argoproj.github.io/argo-helm `argo-cd` | `8.1.2` | argocd | management |  |
                | 20 | cert-manager | https://charts.jetstack.io `cert-manager` | `v1.18.2` | cert-manager | management, workload-eks | cluster-name, cluster-hostname |
                | 20 | vcluster | https://charts.loft.sh `vcluster` | `0.26.0` | vcluster | (makes virtual clusters) |  |
                """), table);
    }

    @Test
    void addonsHaveAColumnPerKubernetesVersion() {
        var table = CatalogTable.markdown(catalog());
        assertTrue(table.endsWith("""

                | EKS add-on | Kubernetes 1.31 | Kubernetes 1.32 | Kubernetes 1.33 | Kubernetes 1.34 | Kubernetes 1.35 |
                |---|---|---|---|---|---|
                | vpc-cni | `a31` | `a32` | `a33` | `a34` | `a35` |
                | coredns | `b31` | `b32` | `b33` | `b34` | `b35` |
                | kube-proxy | `c31` | `c32` | `c33` | `c34` | `c35` |
                | aws-ebs-csi-driver | `d31` | `d32` | `d33` | `d34` | `d35` |
                | eks-pod-identity-agent | `e31` | `e32` | `e33` | `e34` | `e35` |
                """), table);
    }
}
