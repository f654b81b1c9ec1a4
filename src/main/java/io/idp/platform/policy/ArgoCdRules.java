package io.idp.platform.policy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.List;
import java.util.Map;

import static io.idp.platform.policy.PlanFacts.*;

/** Argo CD hardening (the Argo CD operator manual's security guidance), from its Helm values and the rendered AppProjects. */
final class ArgoCdRules {
    static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    static final String FILE = "github:index/repositoryFile:RepositoryFile";

    private ArgoCdRules() {
    }

    static boolean isArgoCd(io.idp.platform.local.PlannedResource r) {
        return "argo-cd".equals(input(r, "chart"));
    }

    static Rule cmFlag(String id, String key, String title) {
        var good = Map.<String, Object>of("chart", "argo-cd", "values", Map.of("configs", Map.of("cm", Map.of(key, false))));
        var bad = Map.<String, Object>of("chart", "argo-cd", "values", Map.of("configs", Map.of("cm", Map.of(key, true))));
        return new Rule(id, "Argo CD operator manual, security", Severity.MANDATORY, RELEASE, title,
                "set configs.cm." + key + " false",
                (r, p) -> {
                    if (!isArgoCd(r)) {
                        return java.util.Optional.empty();
                    }
                    var cm = input(r, "values.configs.cm");
                    return fail(!(cm instanceof Map<?, ?> m && Boolean.FALSE.equals(m.get(key))), key + " is not false");
                }, examples(RELEASE, good, bad));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> projects(String content) {
        try {
            var docs = new java.util.ArrayList<Map<String, Object>>();
            for (var doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(content)) {
                if (doc instanceof Map<?, ?> m && "AppProject".equals(m.get("kind"))) {
                    docs.add((Map<String, Object>) m);
                }
            }
            return docs;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Any repository, any cluster, or any cluster-scoped group or kind ('*'), whatever the key order. */
    static boolean allowsAnything(Object spec) {
        if (!(spec instanceof Map<?, ?> m)) {
            return false;
        }
        return m.get("sourceRepos") instanceof List<?> repos && repos.contains("*")
                || entries(m.get("destinations")).anyMatch(d -> "*".equals(d.get("server")) || "*".equals(d.get("name")))
                || entries(m.get("clusterResourceWhitelist")).anyMatch(w -> "*".equals(w.get("group")) || "*".equals(w.get("kind")));
    }

    private static java.util.stream.Stream<Map<?, ?>> entries(Object list) {
        return list instanceof List<?> l ? l.stream().filter(Map.class::isInstance).map(e -> (Map<?, ?>) e) : java.util.stream.Stream.empty();
    }

    static List<Rule> rules() {
        var scoped = "kind: AppProject\nmetadata:\n  name: p\nspec:\n  sourceRepos: [git@github.com:a/gitops.git]\n"
                + "  destinations: [{server: https://kubernetes.default.svc, namespace: apps}]\n"
                + "  clusterResourceWhitelist: [{group: '', kind: Namespace}]\n";
        var open = "kind: AppProject\nmetadata:\n  name: p\nspec:\n  sourceRepos: ['*']\n"
                + "  destinations: [{server: '*', namespace: '*'}]\n  clusterResourceWhitelist: [{group: '*', kind: '*'}]\n";
        return List.of(
                cmFlag("ARGO_1", "admin.enabled", "the local admin account is disabled"),
                cmFlag("ARGO_2", "users.anonymous.enabled", "anonymous access is disabled"),
                cmFlag("ARGO_3", "exec.enabled", "the web terminal (exec) is disabled"),
                new Rule("ARGO_4", "Argo CD operator manual, RBAC", Severity.MANDATORY, RELEASE, "no default role: access only through SSO teams",
                        "set configs.rbac.policy.default \"\" and map GitHub teams in policy.csv",
                        (r, p) -> {
                            if (!isArgoCd(r)) {
                                return java.util.Optional.empty();
                            }
                            // "policy.default" holds a dot: read it from the rbac map, not by path.
                            var rbac = input(r, "values.configs.rbac");
                            var role = rbac instanceof Map<?, ?> m ? m.get("policy.default") : null;
                            return fail(!"".equals(role), "everyone gets " + (role == null ? "the chart's default role (readonly)" : role));
                        },
                        examples(RELEASE, Map.of("chart", "argo-cd", "values", Map.of("configs", Map.of("rbac", Map.of("policy.default", "")))),
                                Map.of("chart", "argo-cd", "values", Map.of("configs", Map.of("rbac", Map.of("policy.default", "role:readonly")))))),
                new Rule("ARGO_5", "Argo CD operator manual, projects", Severity.MANDATORY, FILE,
                        "AppProjects name their repositories, destinations and cluster resources",
                        "list the repositories, server and namespaces, and cluster-scoped kinds instead of '*'",
                        (r, p) -> {
                            var content = input(r, "content");
                            if (!(content instanceof String text) || !text.contains("AppProject")) {
                                return java.util.Optional.empty();
                            }
                            for (var project : projects(text)) {
                                if (allowsAnything(project.get("spec"))) {
                                    return java.util.Optional.of("AppProject " + ((Map<?, ?>) project.get("metadata")).get("name") + " allows '*'");
                                }
                            }
                            return java.util.Optional.empty();
                        }, examples(FILE, Map.of("file", "p.yaml", "content", scoped), Map.of("file", "p.yaml", "content", open))));
    }
}
