package io.idp.platform.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Sign-in of the workload clusters' UIs and API servers through the management cluster's Dex (Argo
 * CD's, at {@code https://argocd.<mgmt>.<domain>/api/dex}): one Dex client per workload Grafana
 * ({@code grafana-<cluster>}, a confidential client whose secret the management stack generates) and
 * one per virtual cluster's API server ({@code vcluster-<cluster>}, a public client: kubectl's OIDC
 * login runs on people's machines and can keep no secret). One definition of the names, the secret
 * keys and the redirect URIs, read by Argo CD's values, the secret store and the clusters' values.
 *
 * @param managementHostname {@code <mgmt>.<domain>}
 * @param domain             the platform's domain; a workload cluster's tools are under {@code <cluster>.<domain>}
 * @param grafanaClusters    workload clusters that run Grafana (EKS with Prometheus), in stack order
 * @param virtualClusters    virtual workload clusters, in stack order
 */
public record FleetSignOn(String managementHostname, String domain, List<String> grafanaClusters, List<String> virtualClusters) {
    /** No workload cluster signs in (a management cluster alone, or tests of it). */
    public static final FleetSignOn NONE = new FleetSignOn("", "", List.of(), List.of());
    /** The one path of a workload cluster's own store path its Grafana reads its client secret from. */
    public static final String CLUSTER_SECRET = "sso/grafana-client-secret";
    /** The key of that secret in the workload cluster's Secret grafana-sso: Grafana reads it as configuration. */
    public static final String GRAFANA_ENV = "GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET";
    /** Where kubectl's OIDC login (kubelogin) listens for Dex's answer on the person's machine. */
    public static final List<String> KUBECTL_REDIRECTS = List.of("http://localhost:8000", "http://localhost:18000");
    /** Prefix of the groups the virtual API servers take from Dex, so no claim can name a system: group. */
    public static final String GROUPS_PREFIX = "oidc:";

    public FleetSignOn {
        grafanaClusters = List.copyOf(grafanaClusters);
        virtualClusters = List.copyOf(virtualClusters);
    }

    /** Dex's issuer, as Argo CD serves it: every token names it and every client reaches Dex there. */
    public String issuer() {
        return issuer(managementHostname);
    }

    /** Dex's issuer of the management cluster at {@code <mgmt>.<domain>}. */
    public static String issuer(String managementHostname) {
        return "https://argocd." + managementHostname + "/api/dex";
    }

    public static String grafanaClientId(String cluster) {
        return "grafana-" + cluster;
    }

    public String grafanaRootUrl(String cluster) {
        return "https://grafana." + cluster + "." + domain;
    }

    /** Grafana's generic OAuth callback: its root URL and /login/generic_oauth. */
    public String grafanaRedirect(String cluster) {
        return grafanaRootUrl(cluster) + "/login/generic_oauth";
    }

    /** The key in Argo CD's Secret argocd-sso that dex.config reads the client secret from. */
    public static String grafanaSecretKey(String cluster) {
        return "grafanaClientSecret-" + cluster;
    }

    /**
     * The copy of the client secret under the management cluster's own path, which its External Secrets
     * reads (each cluster's role reads only its own path, so the secret is kept at both).
     */
    public static String managementSecret(String cluster) {
        return "sso/grafana-" + cluster + "-client-secret";
    }

    public static String vclusterClientId(String cluster) {
        return "vcluster-" + cluster;
    }

    /**
     * Dex's staticClients entries of the fleet, as YAML list items each line indented by {@code indent}
     * (the first line too); empty without workload clusters.
     */
    public String staticClients(String indent) {
        var lines = new ArrayList<String>();
        for (var cluster : grafanaClusters) {
            lines.add("- id: " + grafanaClientId(cluster));
            lines.add("  name: Grafana " + cluster);
            lines.add("  secret: $argocd-sso:" + grafanaSecretKey(cluster));
            lines.add("  redirectURIs:");
            lines.add("    - " + grafanaRedirect(cluster));
        }
        for (var cluster : virtualClusters) {
            lines.add("- id: " + vclusterClientId(cluster));
            lines.add("  name: kubectl " + cluster);
            lines.add("  public: true");
            lines.add("  redirectURIs:");
            KUBECTL_REDIRECTS.forEach(uri -> lines.add("    - " + uri));
        }
        return lines.isEmpty() ? "" : indent + String.join("\n" + indent, lines);
    }

    /**
     * The argocd-sso ExternalSecret's data entries for the workload Grafanas' client secrets, one flow
     * map a line, each line indented by {@code indent} but the first (the template indents it).
     */
    public String externalSecretData(String managementSecretsPrefix, String indent) {
        var lines = grafanaClusters.stream().map(cluster -> "- {secretKey: " + grafanaSecretKey(cluster)
                + ", remoteRef: {key: " + managementSecretsPrefix + managementSecret(cluster) + "}}").toList();
        return String.join("\n" + indent, lines);
    }
}
