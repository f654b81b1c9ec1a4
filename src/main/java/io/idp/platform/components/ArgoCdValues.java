package io.idp.platform.components;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The argo-cd chart's values for the platform: hardened (no local admin, no anonymous access, no
 * exec), sign-in through GitHub with teams mapped to roles, highly available when asked, its
 * controllers carrying the IRSA role that reaches other clusters. The gitops repository carries the same values, so Argo CD manages itself with them.
 */
public final class ArgoCdValues {
    /** Service accounts that talk to other clusters and therefore carry the fleet role. */
    public static final List<String> FLEET_SERVICE_ACCOUNTS = List.of(
            "argocd-application-controller", "argocd-applicationset-controller", "argocd-server");

    /** Lets sync waves of child Applications wait for their health (app of apps). */
    static final String APPLICATION_HEALTH = """
            hs = {}
            hs.status = "Progressing"
            hs.message = ""
            if obj.status ~= nil and obj.status.health ~= nil then
              hs.status = obj.status.health.status
              if obj.status.health.message ~= nil then
                hs.message = obj.status.health.message
              end
            end
            return hs
            """;

    /** The applications of every application project (named app-&lt;app&gt;), as an RBAC object pattern. */
    public static final String APP_PROJECTS = "app-*/*";

    /**
     * The runner charts' repository (stacks/catalog.yaml): public OCI artifacts, which Argo CD names without
     * the scheme and pulls as OCI once a repository entry with enableOCI says so.
     */
    public static final String RUNNER_CHARTS = "ghcr.io/actions/actions-runner-controller-charts";
    /** Envoy Gateway's and Karpenter's chart repositories, OCI like the runners'. */
    public static final String ENVOY_GATEWAY_CHARTS = "docker.io/envoyproxy";
    public static final String KARPENTER_CHARTS = "public.ecr.aws/karpenter";

    /** Argo Workflows' client id with Dex. */
    public static final String ARGO_WORKFLOWS_CLIENT = "argo-workflows";

    private ArgoCdValues() {
    }

    /** Argo Workflows' OIDC callback: {@code https://workflows.<cluster host>/oauth2/callback}, argocd.&lt;cluster host&gt; given. */
    public static String argoWorkflowsRedirect(String argocdHostname) {
        return "https://workflows." + argocdHostname.substring(argocdHostname.indexOf('.') + 1) + "/oauth2/callback";
    }

    /**
     * Sign-in through GitHub via Dex: the OAuth app's client id, the organisation and the teams that
     * map to roles. Secrets are references ({@code $argocd-sso:<key>}) to a Secret External Secrets
     * writes from the secret store.
     */
    public record Sso(String organisation, String adminsTeam, String developersTeam, String clientId, String grafanaHostname,
                      List<String> narrowerTeams, io.idp.platform.support.FleetSignOn fleet) {
        public Sso {
            narrowerTeams = List.copyOf(narrowerTeams);
            fleet = fleet == null ? io.idp.platform.support.FleetSignOn.NONE : fleet;
        }

        /** No workload cluster signs in through this Dex. */
        public Sso(String organisation, String adminsTeam, String developersTeam, String clientId, String grafanaHostname,
                   List<String> narrowerTeams) {
            this(organisation, adminsTeam, developersTeam, clientId, grafanaHostname, narrowerTeams, null);
        }

        /** Only the admins and the developers, no narrower developer teams. */
        public Sso(String organisation, String adminsTeam, String developersTeam, String clientId, String grafanaHostname) {
            this(organisation, adminsTeam, developersTeam, clientId, grafanaHostname, List.of());
        }

        /**
         * The teams Dex asks GitHub about, as one flow list (the self-managed values in stacks/tools/argo-cd
         * write the same list): Dex puts only these in the groups claim, which the narrower teams' project
         * roles read.
         */
        public String teams() {
            var teams = new java.util.ArrayList<>(List.of(adminsTeam, developersTeam));
            teams.addAll(narrowerTeams);
            return String.join(", ", teams);
        }

        public String dexConfig(String argocdHostname) {
            var config = new StringBuilder()
                    .append("connectors:\n")
                    .append("  - type: github\n")
                    .append("    id: github\n")
                    .append("    name: GitHub\n")
                    .append("    config:\n")
                    .append("      clientID: ").append(clientId).append('\n')
                    .append("      clientSecret: $argocd-sso:githubClientSecret\n")
                    .append("      orgs:\n")
                    .append("        - name: ").append(organisation).append('\n')
                    .append("          teams: [").append(teams()).append("]\n");
            if (grafanaHostname != null) {
                config.append("staticClients:\n")
                        .append("  - id: grafana\n")
                        .append("    name: Grafana\n")
                        .append("    secret: $argocd-sso:grafanaClientSecret\n")
                        .append("    redirectURIs:\n")
                        .append("      - https://").append(grafanaHostname).append("/login/generic_oauth\n")
                        // Argo Workflows' UI, beside Argo CD's under the cluster's hostname.
                        .append("  - id: ").append(ARGO_WORKFLOWS_CLIENT).append('\n')
                        .append("    name: Argo Workflows\n")
                        .append("    secret: $argocd-sso:argoWorkflowsClientSecret\n")
                        .append("    redirectURIs:\n")
                        .append("      - ").append(argoWorkflowsRedirect(argocdHostname)).append('\n');
            }
            var fleetClients = fleet.staticClients("  ");
            if (!fleetClients.isEmpty()) {
                config.append(grafanaHostname == null ? "staticClients:\n" : "").append(fleetClients).append('\n');
            }
            return config.toString();
        }

        /**
         * GitHub teams to Argo CD roles; everyone else has no access at all. Developers see, sync and
         * read the logs of the applications' projects ({@value #APP_PROJECTS}) only, never the
         * platform's, the fleet's or the root's.
         */
        public String policy() {
            return "p, role:developer, applications, get, " + APP_PROJECTS + ", allow\n"
                    + "p, role:developer, applications, sync, " + APP_PROJECTS + ", allow\n"
                    + "p, role:developer, logs, get, " + APP_PROJECTS + ", allow\n"
                    + "g, " + organisation + ":" + adminsTeam + ", role:admin\n"
                    + "g, " + organisation + ":" + developersTeam + ", role:developer\n";
        }
    }

    public static Map<String, Object> render(String hostname, boolean highlyAvailable, String fleetRoleArn, Sso sso) {
        return render(hostname, highlyAvailable, io.idp.platform.config.ArgoCdScale.DEFAULT, fleetRoleArn, sso);
    }

    /**
     * The values for a fleet of {@code scale}'s size: one application controller replica per shard (the
     * chart repeats the count in ARGOCD_CONTROLLER_REPLICAS), the sharding algorithm once there is more
     * than one shard (with one, Argo CD has nothing to spread), and the repo servers sized with the shards.
     */
    public static Map<String, Object> render(String hostname, boolean highlyAvailable, io.idp.platform.config.ArgoCdScale scale,
                                             String fleetRoleArn, Sso sso) {
        var values = new LinkedHashMap<String, Object>();
        values.put("global", Map.of("domain", hostname));
        values.put("crds", Map.of("install", true, "keep", true));
        var cm = new LinkedHashMap<String, Object>();
        cm.put("url", "https://" + hostname);
        cm.put("admin.enabled", false);
        cm.put("users.anonymous.enabled", false);
        cm.put("exec.enabled", false);
        cm.put("statusbadge.enabled", false);
        cm.put("application.resourceTrackingMethod", "annotation");
        cm.put("resource.customizations.health.argoproj.io_Application", APPLICATION_HEALTH);
        cm.put("dex.config", sso.dexConfig(hostname));
        var params = new LinkedHashMap<String, Object>();
        // TLS ends at the cluster's Gateway (docs/edge.md): the server speaks plain HTTP behind it, on a
        // port only the edge's proxies may reach (NetworkPolicies).
        params.put("server.insecure", true);
        params.put("application.namespaces", "");
        int shards = scale.controllerReplicas();
        if (shards > 1) {
            params.put("controller.sharding.algorithm", scale.algorithm().configValue());
        }
        values.put("configs", Map.of(
                "cm", cm,
                "repositories", Map.of(
                        "actions-runner-controller", Map.of("name", "actions-runner-controller", "type", "helm",
                                "url", RUNNER_CHARTS, "enableOCI", "true"),
                        "envoy-gateway", Map.of("name", "envoy-gateway", "type", "helm", "url", ENVOY_GATEWAY_CHARTS, "enableOCI", "true"),
                        "karpenter", Map.of("name", "karpenter", "type", "helm", "url", KARPENTER_CHARTS, "enableOCI", "true")),
                "params", params,
                "rbac", Map.of("policy.default", "", "scopes", "[groups]", "policy.csv", sso.policy())));
        var annotations = Map.of("eks.amazonaws.com/role-arn", fleetRoleArn);
        values.put("controller", Map.of("replicas", shards, "serviceAccount", Map.of("annotations", annotations)));
        values.put("server", Map.of("replicas", scale.serverReplicas(highlyAvailable), "serviceAccount", Map.of("annotations", annotations)));
        values.put("repoServer", Map.of("replicas", scale.repoServerReplicas(highlyAvailable)));
        values.put("applicationSet", Map.of("replicas", scale.applicationSetReplicas(highlyAvailable),
                "serviceAccount", Map.of("annotations", annotations)));
        values.put("redis-ha", Map.of("enabled", highlyAvailable));
        values.put("dex", Map.of("enabled", true));
        return values;
    }
}
