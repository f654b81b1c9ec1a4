package io.idp.platform.policy;

import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static io.idp.platform.policy.PlanFacts.*;
import static io.idp.platform.policy.RenderedObjects.*;

/**
 * Boundaries between tenants, over the rendered gitops repository and the program's own Argo CD and
 * External Secrets objects: projects that name their clusters and namespaces, application projects
 * without cluster-scoped kinds, the default project locked, every Application in a project of its
 * own, developers limited to the applications' projects, a default-deny NetworkPolicy in every
 * namespace the platform deploys to, restricted pods in application namespaces, and secret stores
 * limited to the namespaces that read them.
 */
final class TenancyRules {
    static final String PROGRAM_APPLICATION = "kubernetes:argoproj.io/v1alpha1:Application";
    static final String PROGRAM_SECRET_STORE = "kubernetes:external-secrets.io/v1:ClusterSecretStore";
    static final String APP_PROJECT_PREFIX = "app-";
    static final String RESTRICTED_LABEL = "pod-security.kubernetes.io/enforce";
    /** environments/&lt;env&gt;/apps/&lt;app&gt;/...: an application's home, whose chart deploys into its namespace. */
    static final Pattern APP_HOME = Pattern.compile("environments/([^/]+)/apps/([^/]+)/(.+)");

    private TenancyRules() {
    }

    static Map<String, Object> file(String path, String content) {
        return Map.of("file", path, "content", content);
    }

    static Rule.Examples files(Map<String, Object> compliant, Map<String, Object> violating) {
        return examples(FILE, compliant, violating);
    }

    private static boolean wildcard(Object value) {
        return value instanceof String s && s.contains("*");
    }

    // ---- AppProjects ----------------------------------------------------------------------------

    static Optional<String> wildcardDestinations(PlannedResource r, Plan p) {
        for (var project : ofKind(r, "AppProject")) {
            for (var d : list(at(project, "spec", "destinations"))) {
                if (wildcard(d.get("server")) || wildcard(d.get("name")) || wildcard(d.get("namespace"))) {
                    return Optional.of("AppProject " + name(project) + " allows the destination " + d);
                }
            }
        }
        return Optional.empty();
    }

    static boolean isAppProject(Map<String, Object> project) {
        return name(project).startsWith(APP_PROJECT_PREFIX) || at(project, "metadata", "labels", "platform/application") != null;
    }

    static Optional<String> appProjectKinds(PlannedResource r, Plan p) {
        for (var project : ofKind(r, "AppProject")) {
            if (!isAppProject(project)) {
                continue;
            }
            var cluster = at(project, "spec", "clusterResourceWhitelist");
            if (!isEmptyList(cluster)) {
                return Optional.of("application project " + name(project) + " allows cluster-scoped kinds " + cluster);
            }
            var namespaced = at(project, "spec", "namespaceResourceWhitelist");
            if (isEmptyList(namespaced)) {
                return Optional.of("application project " + name(project) + " allows every namespaced kind (no namespaceResourceWhitelist)");
            }
            for (var kind : list(namespaced)) {
                if (wildcard(kind.get("group")) || wildcard(kind.get("kind"))) {
                    return Optional.of("application project " + name(project) + " allows " + kind);
                }
            }
        }
        return Optional.empty();
    }

    static Optional<String> defaultLocked(PlannedResource r, Plan p) {
        var projects = ofKind(r, "AppProject");
        if (projects.isEmpty()) {
            return Optional.empty();
        }
        for (var project : projects) {
            if (name(project).equals("default")) {
                for (var field : List.of("sourceRepos", "destinations", "clusterResourceWhitelist", "sourceNamespaces")) {
                    if (!isEmptyList(at(project, "spec", field))) {
                        return Optional.of("the default project allows " + field + " " + at(project, "spec", field));
                    }
                }
                return Optional.empty();
            }
        }
        // This file has projects but not "default": some file of the plan must lock it (reported once, on the first).
        var all = all(p);
        for (var object : all) {
            if ("AppProject".equals(object.get("kind")) && name(object).equals("default")) {
                return Optional.empty();
            }
        }
        var first = p.ofType(FILE).stream().filter(f -> !ofKind(f, "AppProject").isEmpty()).findFirst().orElseThrow();
        return fail(first == r, "no file locks the default project, which Argo CD leaves open to every repository and destination");
    }

    // ---- Applications ---------------------------------------------------------------------------

    /** The project of an Application, or of the Applications an ApplicationSet makes. */
    static Object project(Map<String, Object> object) {
        return "ApplicationSet".equals(object.get("kind")) ? at(object, "spec", "template", "spec", "project") : at(object, "spec", "project");
    }

    static boolean inDefault(Object project) {
        return !(project instanceof String s) || s.isBlank() || s.equals("default");
    }

    static Optional<String> applicationsInOwnProjects(PlannedResource r, Plan p) {
        for (var object : of(r)) {
            if (("Application".equals(object.get("kind")) || "ApplicationSet".equals(object.get("kind"))) && inDefault(project(object))) {
                return Optional.of(object.get("kind") + " " + name(object) + " is in the default project");
            }
        }
        return Optional.empty();
    }

    static Optional<String> programApplicationInOwnProject(PlannedResource r, Plan p) {
        var project = input(r, "spec.project");
        return fail(inDefault(project), "Application " + input(r, "metadata.name") + " is in the default project");
    }

    /** environments/&lt;env&gt;/environment.yaml: the developer-facing tree's generators may only make application Applications. */
    static final Pattern ENVIRONMENT_FILE = Pattern.compile("environments/[^/]+/environment\\.ya?ml");

    static Optional<String> environmentsInAppProjects(PlannedResource r, Plan p) {
        if (!ENVIRONMENT_FILE.matcher(path(r)).matches()) {
            return Optional.empty();
        }
        for (var object : of(r)) {
            if (("Application".equals(object.get("kind")) || "ApplicationSet".equals(object.get("kind")))
                    && !(project(object) instanceof String project && project.startsWith(APP_PROJECT_PREFIX))) {
                return Optional.of(object.get("kind") + " " + name(object) + " of an environment puts applications in project "
                        + project(object) + ", not an application's project");
            }
        }
        return Optional.empty();
    }

    // ---- RBAC -----------------------------------------------------------------------------------

    static Optional<String> developerRbac(PlannedResource r, Plan p) {
        if (!ArgoCdRules.isArgoCd(r)) {
            return Optional.empty();
        }
        var rbac = input(r, "values.configs.rbac");
        var csv = rbac instanceof Map<?, ?> m ? m.get("policy.csv") : null;
        if (!(csv instanceof String text)) {
            return Optional.empty();
        }
        for (var line : text.split("\n")) {
            var parts = line.split(",");
            if (parts.length < 6 || !parts[0].trim().equals("p")) {
                continue;
            }
            var subject = parts[1].trim();
            var resource = parts[2].trim();
            var object = parts[4].trim();
            var effect = parts[5].trim();
            if (!subject.equals("role:admin") && effect.equals("allow")
                    && (resource.equals("applications") || resource.equals("*")) && object.startsWith("*")) {
                return Optional.of(subject + " may act on the applications of every project: " + line.trim());
            }
        }
        return Optional.empty();
    }

    // ---- NetworkPolicies ------------------------------------------------------------------------

    static boolean isDefaultDeny(Map<String, Object> policy) {
        var selector = at(policy, "spec", "podSelector");
        var types = at(policy, "spec", "policyTypes");
        return "NetworkPolicy".equals(policy.get("kind"))
                && selector instanceof Map<?, ?> s && s.isEmpty()
                && types instanceof List<?> t && t.contains("Ingress") && t.contains("Egress")
                && isEmptyList(at(policy, "spec", "ingress")) && isEmptyList(at(policy, "spec", "egress"));
    }

    /** Namespaces with a default-deny policy; an application's home counts as "app:&lt;env&gt;/&lt;app&gt;". */
    static TreeSet<String> denied(Plan p) {
        var denied = new TreeSet<String>();
        var objects = all(p);
        var paths = paths(p);
        for (int i = 0; i < objects.size(); i++) {
            var object = objects.get(i);
            if (!isDefaultDeny(object)) {
                continue;
            }
            var namespace = at(object, "metadata", "namespace");
            var home = APP_HOME.matcher(paths.get(i));
            if (namespace instanceof String ns) {
                denied.add(ns);
            } else if (home.matches() && home.group(3).startsWith("templates/")) {
                denied.add("app:" + home.group(1) + "/" + home.group(2));
            }
        }
        return denied;
    }

    /** Namespaces this file deploys to: Applications' destinations (as written, not templated), Namespaces, an app's home. */
    static TreeSet<String> deploysTo(PlannedResource r) {
        var namespaces = new TreeSet<String>();
        var home = APP_HOME.matcher(path(r));
        if (home.matches() && home.group(3).equals("Chart.yaml")) {
            namespaces.add("app:" + home.group(1) + "/" + home.group(2));
        }
        for (var object : of(r)) {
            Object namespace = switch (String.valueOf(object.get("kind"))) {
                case "Application" -> at(object, "spec", "destination", "namespace");
                case "ApplicationSet" -> at(object, "spec", "template", "spec", "destination", "namespace");
                case "Namespace" -> at(object, "metadata", "name");
                default -> null;
            };
            if (namespace instanceof String ns && !ns.isBlank() && !ns.contains("{{")) {
                namespaces.add(ns);
            }
        }
        return namespaces;
    }

    static Optional<String> defaultDeny(PlannedResource r, Plan p) {
        var wanted = deploysTo(r);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        wanted.removeAll(denied(p));
        // The cluster's own namespace (CoreDNS, the VPC CNI, Karpenter): a default deny there cuts off the cluster's DNS.
        wanted.removeAll(io.idp.platform.gitops.NetworkPolicies.NOT_OURS);
        return fail(!wanted.isEmpty(), "no default-deny NetworkPolicy (every pod, Ingress and Egress, no rules) for " + wanted);
    }

    // ---- Pod Security ---------------------------------------------------------------------------

    static Optional<String> restrictedAppNamespaces(PlannedResource r, Plan p) {
        for (var object : of(r)) {
            var kind = object.get("kind");
            if (!("Application".equals(kind) || "ApplicationSet".equals(kind))
                    || !(project(object) instanceof String project && project.startsWith(APP_PROJECT_PREFIX))) {
                continue;
            }
            var spec = "ApplicationSet".equals(kind) ? at(object, "spec", "template", "spec") : at(object, "spec");
            var level = at(spec, "syncPolicy", "managedNamespaceMetadata", "labels", RESTRICTED_LABEL);
            if (!"restricted".equals(level)) {
                return Optional.of(kind + " " + name(object) + " creates application namespaces with "
                        + RESTRICTED_LABEL + " " + (level == null ? "unset" : level));
            }
        }
        return Optional.empty();
    }

    // ---- Secret stores --------------------------------------------------------------------------

    static final List<String> EVERY_NAMESPACE = List.of(".*", ".+", "^.*$", "^.+$");

    /** What is wrong with a ClusterSecretStore's conditions, if anything. */
    static Optional<String> conditionsProblem(String store, Object conditions) {
        if (isEmptyList(conditions)) {
            return Optional.of("ClusterSecretStore " + store + " has no conditions: every namespace may read it");
        }
        for (var condition : list(conditions)) {
            var namespaces = condition.get("namespaces");
            var selector = condition.get("namespaceSelector");
            var regexes = condition.get("namespaceRegexes");
            boolean named = namespaces instanceof List<?> ns && !ns.isEmpty() && ns.stream().noneMatch(TenancyRules::wildcard);
            boolean selected = selector instanceof Map<?, ?> sel
                    && (sel.get("matchLabels") instanceof Map<?, ?> labels && !labels.isEmpty()
                    || sel.get("matchExpressions") instanceof List<?> expressions && !expressions.isEmpty());
            boolean matched = regexes instanceof List<?> rs && !rs.isEmpty() && rs.stream().noneMatch(EVERY_NAMESPACE::contains);
            if (!named && !selected && !matched) {
                return Optional.of("ClusterSecretStore " + store + " has a condition that names no namespaces: " + condition);
            }
        }
        return Optional.empty();
    }

    static Optional<String> storeConditions(PlannedResource r, Plan p) {
        for (var store : ofKind(r, "ClusterSecretStore")) {
            var problem = conditionsProblem(name(store), at(store, "spec", "conditions"));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    static Optional<String> programStoreConditions(PlannedResource r, Plan p) {
        return conditionsProblem(String.valueOf(input(r, "metadata.name")), input(r, "spec.conditions"));
    }

    // ---- the rules ------------------------------------------------------------------------------

    static final String PROJECT = "kind: AppProject\nmetadata:\n  name: %s\nspec:\n  sourceRepos: [git@github.com:a/gitops.git]\n"
            + "  destinations: [{name: production-east, namespace: %s}]\n";
    static final String APP_PROJECT = "kind: AppProject\nmetadata:\n  name: app-hello\nspec:\n  sourceRepos: [git@github.com:a/gitops.git]\n"
            + "  destinations: [{name: production-east, namespace: hello-production}]\n"
            + "  clusterResourceWhitelist: []\n  namespaceResourceWhitelist: [{group: apps, kind: Deployment}]\n";
    static final String LOCKED_DEFAULT = "---\nkind: AppProject\nmetadata:\n  name: default\nspec:\n  sourceRepos: []\n  destinations: []\n"
            + "  clusterResourceWhitelist: []\n";
    static final String APPLICATION = "kind: Application\nmetadata:\n  name: cert-manager\nspec:\n  project: %s\n"
            + "  destination: {server: https://kubernetes.default.svc, namespace: cert-manager}\n";
    static final String DENY = "---\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: cert-manager\n"
            + "spec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n";
    static final String APP_SET = "kind: ApplicationSet\nmetadata:\n  name: environment-production\nspec:\n  template:\n    spec:\n"
            + "      project: 'app-{{.path.basename}}'\n      destination: {name: '{{.name}}', namespace: '{{.path.basename}}-production'}\n"
            + "      syncPolicy:\n        managedNamespaceMetadata:\n          labels:\n            pod-security.kubernetes.io/enforce: %s\n";
    static final String STORE = "kind: ClusterSecretStore\nmetadata:\n  name: platform\nspec:\n  provider: {aws: {service: SecretsManager}}\n";
    static final String RBAC = "p, role:developer, applications, get, %1$s, allow\np, role:developer, applications, sync, %1$s, allow\n"
            + "g, acme:platform-admins, role:admin\n";

    static Map<String, Object> argoCd(String policy) {
        return Map.of("chart", "argo-cd", "values", Map.of("configs", Map.of("rbac", Map.of("policy.default", "", "policy.csv", policy))));
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("ARGO_6", "Argo CD operator manual, projects", Severity.MANDATORY, FILE,
                        "AppProject destinations name their cluster and namespace, never a wildcard",
                        "list each cluster by name (or its exact server) and each namespace",
                        TenancyRules::wildcardDestinations,
                        files(file("p.yaml", PROJECT.formatted("fleet", "cert-manager")),
                                file("p.yaml", PROJECT.formatted("fleet", "cert-manager").replace("name: production-east", "server: 'https://*.svc'")))),
                new Rule("ARGO_7", "Argo CD operator manual, projects", Severity.MANDATORY, FILE,
                        "an application's project allows no cluster-scoped kinds and lists its namespaced kinds",
                        "set clusterResourceWhitelist [] and list the kinds the chart needs in namespaceResourceWhitelist",
                        TenancyRules::appProjectKinds,
                        files(file("p.yaml", APP_PROJECT), file("p.yaml", APP_PROJECT.replace("clusterResourceWhitelist: []",
                                "clusterResourceWhitelist: [{group: rbac.authorization.k8s.io, kind: ClusterRoleBinding}]")))),
                new Rule("ARGO_8", "Argo CD operator manual, projects", Severity.MANDATORY, FILE,
                        "the default project is locked: no repositories, no destinations",
                        "declare the AppProject default with sourceRepos [], destinations [] and clusterResourceWhitelist []",
                        TenancyRules::defaultLocked,
                        files(file("p.yaml", PROJECT.formatted("platform", "argocd") + LOCKED_DEFAULT),
                                file("p.yaml", PROJECT.formatted("platform", "argocd")))),
                new Rule("ARGO_9", "Argo CD operator manual, projects", Severity.MANDATORY, FILE,
                        "every Application and ApplicationSet names a project of its own, never default",
                        "set spec.project (spec.template.spec.project) to the project of its team or tool",
                        TenancyRules::applicationsInOwnProjects,
                        files(file("a.yaml", APPLICATION.formatted("platform")), file("a.yaml", APPLICATION.formatted("default")))),
                new Rule("ARGO_12", "Argo CD operator manual, projects", Severity.MANDATORY, FILE,
                        "an environment's ApplicationSet puts applications only in application projects (app-<app>)",
                        "template spec.project as 'app-{{.path.basename}}'",
                        TenancyRules::environmentsInAppProjects,
                        files(file("environments/production/environment.yaml", APP_SET.formatted("restricted")),
                                file("environments/production/environment.yaml", APP_SET.formatted("restricted").replace("'app-{{.path.basename}}'", "fleet")))),
                new Rule("ARGO_10", "Argo CD operator manual, projects", Severity.MANDATORY, PROGRAM_APPLICATION,
                        "the program's Applications (the root) are in a project of their own",
                        "create the Application's project first and name it in spec.project",
                        TenancyRules::programApplicationInOwnProject,
                        examples(PROGRAM_APPLICATION, Map.of("metadata", Map.of("name", "registry"), "spec", Map.of("project", "registry")),
                                Map.of("metadata", Map.of("name", "registry"), "spec", Map.of("project", "default")))),
                new Rule("ARGO_11", "Argo CD operator manual, RBAC", Severity.MANDATORY, ArgoCdRules.RELEASE,
                        "only admins act on every project's applications; developers on the applications' projects",
                        "grant role:developer applications of app-*/* (the application projects), never */*",
                        TenancyRules::developerRbac,
                        examples(ArgoCdRules.RELEASE, argoCd(RBAC.formatted("app-*/*")), argoCd(RBAC.formatted("*/*")))),
                new Rule("NET_1", "CIS Amazon EKS Benchmark 5.4.4; Kubernetes network policy guidance", Severity.MANDATORY, FILE,
                        "every namespace the platform deploys to (but kube-system, the cluster's own), and every application's, has a default-deny NetworkPolicy",
                        "add a NetworkPolicy with podSelector {} and policyTypes [Ingress, Egress] in the namespace, then the allows its pods need",
                        TenancyRules::defaultDeny,
                        files(file("a.yaml", APPLICATION.formatted("platform") + DENY), file("a.yaml", APPLICATION.formatted("platform")))),
                new Rule("PSS_1", "Kubernetes Pod Security Standards; CIS Amazon EKS Benchmark 4.2", Severity.MANDATORY, FILE,
                        "application namespaces enforce the restricted Pod Security Standard",
                        "set syncPolicy.managedNamespaceMetadata.labels pod-security.kubernetes.io/enforce: restricted",
                        TenancyRules::restrictedAppNamespaces,
                        files(file("e.yaml", APP_SET.formatted("restricted")), file("e.yaml", APP_SET.formatted("baseline")))),
                new Rule("ESO_1", "External Secrets Operator security best practices", Severity.MANDATORY, FILE,
                        "a ClusterSecretStore names the namespaces that may read it",
                        "add spec.conditions with the namespaces (or a namespaceSelector) of its readers",
                        TenancyRules::storeConditions,
                        files(file("s.yaml", STORE + "  conditions: [{namespaces: [cert-manager]}]\n"), file("s.yaml", STORE))),
                new Rule("ESO_2", "External Secrets Operator security best practices", Severity.MANDATORY, PROGRAM_SECRET_STORE,
                        "the program's ClusterSecretStores (a virtual cluster's credentials) name the namespaces that may read them",
                        "add spec.conditions with the namespaces of its readers (Argo CD's)",
                        TenancyRules::programStoreConditions,
                        examples(PROGRAM_SECRET_STORE,
                                Map.of("metadata", Map.of("name", "vcluster-staging"), "spec", Map.of("conditions", List.of(Map.of("namespaces", List.of("argocd"))))),
                                Map.of("metadata", Map.of("name", "vcluster-staging"), "spec", Map.of("provider", Map.of())))));
    }
}
