package io.idp.platform.components;

import io.idp.platform.support.Json;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workload cluster as Argo CD knows it: a cluster Secret in the management cluster's argocd
 * namespace, GitOps Bridge style. Labels select what the fleet's ApplicationSets deliver
 * ({@code enable_<addon>}, {@code environment_<env>}); annotations carry per-cluster facts the add-ons
 * read (hostname, region, role ARNs).
 */
public final class ClusterRegistration {
    public static final String SECRET_TYPE_LABEL = "argocd.argoproj.io/secret-type";

    private ClusterRegistration() {
    }

    /**
     * Labels of a cluster of this kind ({@code workload-eks}, {@code workload-vcluster}) that the fleet
     * delivers these add-ons to, serving these environments.
     */
    public static Map<String, String> labels(String kind, Collection<String> addons, List<String> environments) {
        var labels = new TreeMap<String, String>();
        labels.put(SECRET_TYPE_LABEL, "cluster");
        labels.put("platform/cluster-kind", kind);
        for (var tool : addons) {
            labels.put("enable_" + tool.replace('-', '_'), "true");
        }
        environments.forEach(env -> labels.put("environment_" + env, "true"));
        return labels;
    }

    /**
     * The cluster Secret's config: IAM authentication with the identity Argo CD's controllers already
     * have (the fleet role, through IRSA), which the cluster admits by an access entry; the cluster's CA.
     * No roleARN: naming the fleet role would make it assume itself, which its trust does not allow.
     */
    public static String eksConfig(String clusterName, String certificateAuthority) {
        return Json.render(Map.of(
                "awsAuthConfig", Map.of("clusterName", clusterName),
                "tlsClientConfig", Map.of("insecure", false, "caData", certificateAuthority)));
    }
}
