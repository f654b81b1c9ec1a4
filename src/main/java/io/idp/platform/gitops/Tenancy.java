package io.idp.platform.gitops;

import io.idp.platform.config.Observability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Who may deploy what where, in Argo CD terms: one AppProject per application, limited to its chart
 * and the gitops repository, to its own namespaces ({@code <app>-<env>}) on the clusters that carry
 * each environment, and to the namespace-scoped kinds an application needs; and the named
 * destinations of the fleet project. The clusters come from the project's stack files, so no
 * project ever names a wildcard server.
 *
 * @param applications the applications of {@code platform:applications}
 * @param environments the platform's environments
 * @param clusters     the workload clusters, as their stack files declare them
 * @param teams        the developer teams narrower than every environment, each a role of the projects it reaches
 */
public record Tenancy(List<String> applications, List<String> environments, List<Cluster> clusters, List<TeamScope> teams) {
    /** Prefix of every application project; the developer role's RBAC reaches only these. */
    public static final String APP_PROJECT_PREFIX = "app-";
    /** The namespace-scoped kinds an application's chart may create (the sample chart's, and their usual companions). */
    public static final List<Map<String, String>> APP_KINDS = List.of(
            kind("apps", "Deployment"),
            kind("", "Service"),
            kind("", "ConfigMap"),
            kind("", "ServiceAccount"),
            kind("autoscaling", "HorizontalPodAutoscaler"),
            kind("policy", "PodDisruptionBudget"),
            kind("networking.k8s.io", "NetworkPolicy"),
            kind("gateway.networking.k8s.io", "HTTPRoute"),
            kind("external-secrets.io", "ExternalSecret"));

    public static final Tenancy NONE = new Tenancy(List.of(), List.of(), List.of());

    /**
     * A developer team that reaches only some environments: a role in each application's project,
     * bound to the team's group in the sign-in's claim ({@code <org>:<slug>}).
     */
    public record TeamScope(String name, String group, List<String> environments) {
        public TeamScope {
            environments = List.copyOf(environments);
        }
    }

    public Tenancy(List<String> applications, List<String> environments, List<Cluster> clusters) {
        this(applications, environments, clusters, List.of());
    }

    /** A workload cluster: its Argo CD name (the cluster Secret's name), its kind and the environments it carries. */
    public record Cluster(String name, ClusterKind kind, List<String> environments) {
    }

    public Tenancy {
        applications = List.copyOf(applications);
        environments = List.copyOf(environments);
        clusters = clusters.stream().sorted(java.util.Comparator.comparing(Cluster::name)).toList();
        teams = teams.stream().sorted(java.util.Comparator.comparing(TeamScope::name)).toList();
    }

    public static String appProject(String app) {
        return APP_PROJECT_PREFIX + app;
    }

    public static String appNamespace(String app, String environment) {
        return io.idp.platform.config.ApplicationNamespaces.of(app, environment);
    }

    /** The fleet project's destinations: each workload cluster by name, each namespace its add-ons use. */
    public String fleetDestinations(Catalog catalog) {
        var destinations = new ArrayList<String>();
        for (var cluster : clusters) {
            var namespaces = new TreeSet<String>();
            namespaces.add("default");
            // Each cluster chooses its observability stack through a label: the fleet may install either.
            for (var choice : Observability.values()) {
                for (var tool : GitopsLayout.tools(catalog, cluster.kind(), choice)) {
                    namespaces.add(catalog.tool(tool).namespace());
                }
            }
            // A virtual cluster's directory also holds its people's RoleBindings in the applications' namespaces.
            if (cluster.kind() == ClusterKind.WORKLOAD_VCLUSTER) {
                for (var environment : cluster.environments()) {
                    applications.forEach(app -> namespaces.add(appNamespace(app, environment)));
                }
            }
            namespaces.forEach(ns -> destinations.add("{name: " + cluster.name() + ", namespace: " + ns + "}"));
        }
        // Flow style, one destination a line (indented under the project's spec).
        return destinations.isEmpty() ? "[]" : "[\n    " + String.join(",\n    ", destinations) + "\n  ]";
    }

    /** Where an application may deploy: its namespace of each environment, on every cluster carrying that environment. */
    public List<Map<String, String>> appDestinations(String app) {
        var destinations = new ArrayList<Map<String, String>>();
        for (var environment : environments) {
            for (var cluster : clusters) {
                if (cluster.environments().contains(environment)) {
                    destinations.add(Map.of("name", cluster.name(), "namespace", appNamespace(app, environment)));
                }
            }
        }
        return destinations;
    }

    /** One AppProject per application, as a multi-document YAML file. */
    public String appProjects(String argocdNamespace, String gitopsRepoUrl, String registry) {
        var out = new StringBuilder("# One project per application: its chart and the gitops repository, its own namespaces\n"
                + "# (<app>-<env>) on the clusters that carry each environment, no cluster-scoped kinds.\n");
        for (var app : applications) {
            out.append("---\n")
                    .append("apiVersion: argoproj.io/v1alpha1\n")
                    .append("kind: AppProject\n")
                    .append("metadata:\n")
                    .append("  name: ").append(appProject(app)).append('\n')
                    .append("  namespace: ").append(argocdNamespace).append('\n')
                    .append("  labels:\n")
                    .append("    platform/application: ").append(app).append('\n')
                    .append("  annotations:\n")
                    .append("    argocd.argoproj.io/sync-wave: \"-20\"\n")
                    .append("spec:\n")
                    .append("  description: The application ").append(app).append(" in its environments\n")
                    .append("  sourceRepos:\n")
                    .append("    - ").append(gitopsRepoUrl).append('\n')
                    .append("    - oci://").append(registry).append("/charts/").append(app).append('\n');
            var destinations = appDestinations(app);
            out.append("  destinations:").append(destinations.isEmpty() ? " []\n" : "\n");
            for (var d : destinations) {
                out.append("    - name: ").append(d.get("name")).append('\n')
                        .append("      namespace: ").append(d.get("namespace")).append('\n');
            }
            out.append("  clusterResourceWhitelist: []\n")
                    .append("  namespaceResourceWhitelist:\n");
            for (var k : APP_KINDS) {
                out.append("    - group: \"").append(k.get("group")).append("\"\n")
                        .append("      kind: ").append(k.get("kind")).append('\n');
            }
            out.append("  orphanedResources:\n")
                    .append("    warn: true\n");
            appendRoles(out, app);
        }
        return out.toString();
    }

    /**
     * The project's roles: each narrower team may see and sync, and read the logs of, this
     * application's Applications in its own environments only, named exactly
     * ({@code <app>-<env>-<cluster>}, as the environments' ApplicationSets name them).
     */
    private void appendRoles(StringBuilder out, String app) {
        var roles = new ArrayList<String>();
        for (var team : teams) {
            var objects = teamApplications(app, team);
            if (objects.isEmpty()) {
                continue;
            }
            var role = new StringBuilder()
                    .append("    - name: ").append(team.name()).append('\n')
                    .append("      description: ").append(team.name()).append(" in ").append(String.join(", ", team.environments())).append('\n')
                    .append("      groups:\n")
                    .append("        - ").append(team.group()).append('\n')
                    .append("      policies:\n");
            for (var object : objects) {
                for (var grant : List.of("applications, get", "applications, sync", "logs, get")) {
                    role.append("        - p, proj:").append(appProject(app)).append(':').append(team.name()).append(", ")
                            .append(grant).append(", ").append(object).append(", allow\n");
                }
            }
            roles.add(role.toString());
        }
        if (!roles.isEmpty()) {
            out.append("  roles:\n");
            roles.forEach(out::append);
        }
    }

    /** The RBAC objects ({@code <project>/<application>}) of an application a team reaches. */
    public List<String> teamApplications(String app, TeamScope team) {
        var objects = new ArrayList<String>();
        for (var environment : team.environments()) {
            for (var cluster : clusters) {
                if (cluster.environments().contains(environment)) {
                    objects.add(appProject(app) + "/" + app + "-" + environment + "-" + cluster.name());
                }
            }
        }
        return objects;
    }

    private static Map<String, String> kind(String group, String kind) {
        return Map.of("group", group, "kind", kind);
    }
}
