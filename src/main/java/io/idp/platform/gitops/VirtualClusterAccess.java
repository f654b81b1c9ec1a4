package io.idp.platform.gitops;

import io.idp.platform.config.People;

import java.util.List;

/**
 * Who may do what inside a virtual cluster, from people.yaml, as RBAC bound to groups only (never to a
 * person): the admins' team is cluster-admin; every other team may view everything and edit the
 * namespaces of its environments' applications on this cluster ({@code <app>-<env>}), as the access
 * entries give them on an EKS cluster. The groups are the GitHub teams in the ID tokens of the
 * management cluster's Dex, {@code <org>:<team>}, prefixed by the virtual API server ({@code oidc:}).
 * Offboarding a person changes a team's membership on GitHub; nothing here.
 */
public final class VirtualClusterAccess {
    /** The file in the virtual cluster's gitops directory, synced into it with the rest. */
    public static final String FILE = "people-access.yaml";

    private VirtualClusterAccess() {
    }

    /**
     * @param groupsPrefix the prefix the API server gives the token's groups
     * @param organisation the GitHub organisation the teams belong to
     * @param environments the cluster's environments
     * @param applications the platform's applications
     */
    public static String render(People people, String groupsPrefix, String organisation, List<String> environments,
                                List<String> applications) {
        var out = new StringBuilder("# Generated from people.yaml: who may do what inside this virtual cluster, bound to the teams\n"
                + "# Dex names in its ID tokens (" + groupsPrefix + "<org>:<team>). Change people.yaml, not this file.\n");
        var admins = people.admins();
        binding(out, "ClusterRoleBinding", "people-" + admins.name(), null, "cluster-admin", group(groupsPrefix, organisation, admins));
        for (var team : people.developerTeams()) {
            var group = group(groupsPrefix, organisation, team);
            binding(out, "ClusterRoleBinding", "people-" + team.name() + "-view", null, "view", group);
            for (var environment : team.environments()) {
                if (!environments.contains(environment)) {
                    continue;
                }
                for (var app : applications) {
                    binding(out, "RoleBinding", "people-" + team.name() + "-edit", Tenancy.appNamespace(app, environment), "edit", group);
                }
            }
        }
        return out.toString();
    }

    static String group(String groupsPrefix, String organisation, People.Team team) {
        return groupsPrefix + organisation + ":" + team.githubSlug();
    }

    private static void binding(StringBuilder out, String kind, String name, String namespace, String clusterRole, String group) {
        out.append("---\n")
                .append("apiVersion: rbac.authorization.k8s.io/v1\n")
                .append("kind: ").append(kind).append('\n')
                .append("metadata:\n")
                .append("  name: ").append(name).append('\n');
        if (namespace != null) {
            out.append("  namespace: ").append(namespace).append('\n');
        }
        out.append("subjects:\n")
                .append("  - kind: Group\n")
                .append("    apiGroup: rbac.authorization.k8s.io\n")
                .append("    name: '").append(group).append("'\n")
                .append("roleRef:\n")
                .append("  kind: ClusterRole\n")
                .append("  apiGroup: rbac.authorization.k8s.io\n")
                .append("  name: ").append(clusterRole).append('\n');
    }
}
