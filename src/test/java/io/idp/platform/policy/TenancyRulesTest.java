package io.idp.platform.policy;

import io.idp.platform.local.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.idp.platform.policy.PlanFacts.*;
import static io.idp.platform.policy.RenderedObjects.FILE;
import static io.idp.platform.policy.TenancyRules.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The tenancy rules, one violating shape per value each checks (and the compliant neighbours that
 * must pass), beyond the single pair each rule carries as its examples.
 */
class TenancyRulesTest {
    static List<String> findings(String id, Plan plan) {
        return PolicyEngine.evaluate(plan, List.of(PolicyRules.find(id).orElseThrow()), Map.of()).stream().map(Finding::detail).toList();
    }

    static Plan files(String... pathsAndContents) {
        var resources = new io.idp.platform.local.PlannedResource[pathsAndContents.length / 2];
        for (int i = 0; i < resources.length; i++) {
            resources[i] = resource(FILE, "f" + i, file(pathsAndContents[2 * i], pathsAndContents[2 * i + 1]));
        }
        return plan(resources);
    }

    static final String OPEN_DEFAULT = "kind: AppProject\nmetadata:\n  name: default\nspec:\n  sourceRepos: %s\n  destinations: %s\n"
            + "  clusterResourceWhitelist: %s\n";
    static final String POLICY = "kind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: %s\nspec:\n  podSelector: %s\n"
            + "  policyTypes: %s\n%s";

    static Stream<Arguments> violations() {
        var project = "kind: AppProject\nmetadata:\n  name: fleet\nspec:\n  destinations: [%s]\n";
        var appProject = "kind: AppProject\nmetadata:\n  name: %s\n  labels: %s\nspec:\n  clusterResourceWhitelist: %s\n"
                + "  namespaceResourceWhitelist: %s\n";
        var application = "kind: Application\nmetadata:\n  name: a\nspec:\n  project: platform\n  destination: {namespace: %s}\n";
        var appSet = "kind: ApplicationSet\nmetadata:\n  name: s\nspec:\n  template:\n    spec:\n      project: %s\n"
                + "      destination: {namespace: ns}\n%s";
        var store = "kind: ClusterSecretStore\nmetadata:\n  name: platform\nspec:\n  conditions: %s\n";
        var policy = "p, %s, %s, get, %s, %s\n";
        var deny = POLICY.formatted("ns", "{}", "[Ingress, Egress]", "");
        return Stream.of(
                // ARGO_6: each field of a destination
                Arguments.of("ARGO_6", files("p.yaml", project.formatted("{server: '*', namespace: a}"))),
                Arguments.of("ARGO_6", files("p.yaml", project.formatted("{server: 'https://*.eks.amazonaws.com', namespace: a}"))),
                Arguments.of("ARGO_6", files("p.yaml", project.formatted("{name: 'production-*', namespace: a}"))),
                Arguments.of("ARGO_6", files("p.yaml", project.formatted("{name: production-east, namespace: '*'}"))),
                Arguments.of("ARGO_6", files("p.yaml", project.formatted("{name: a, namespace: b}, {name: c, namespace: 'hello-*'}"))),
                // ARGO_7: cluster kinds, no allowlist, wildcard group or kind; recognised by name or label
                Arguments.of("ARGO_7", files("p.yaml", appProject.formatted("app-a", "{}", "[{group: '', kind: Namespace}]", "[{group: apps, kind: Deployment}]"))),
                Arguments.of("ARGO_7", files("p.yaml", appProject.formatted("team", "{platform/application: a}", "[{group: '', kind: Namespace}]", "[{group: apps, kind: Deployment}]"))),
                Arguments.of("ARGO_7", files("p.yaml", appProject.formatted("app-a", "{}", "[]", "[]"))),
                Arguments.of("ARGO_7", files("p.yaml", appProject.formatted("app-a", "{}", "[]", "null"))),
                Arguments.of("ARGO_7", files("p.yaml", appProject.formatted("app-a", "{}", "[]", "[{group: '*', kind: Deployment}]"))),
                Arguments.of("ARGO_7", files("p.yaml", appProject.formatted("app-a", "{}", "[]", "[{group: apps, kind: '*'}]"))),
                // ARGO_8: each field of the default project; and a plan that never declares it
                Arguments.of("ARGO_8", files("p.yaml", OPEN_DEFAULT.formatted("['*']", "[]", "[]"))),
                Arguments.of("ARGO_8", files("p.yaml", OPEN_DEFAULT.formatted("[]", "[{server: 'https://kubernetes.default.svc', namespace: a}]", "[]"))),
                Arguments.of("ARGO_8", files("p.yaml", OPEN_DEFAULT.formatted("[]", "[]", "[{group: '*', kind: '*'}]"))),
                Arguments.of("ARGO_8", files("p.yaml", OPEN_DEFAULT.formatted("[]", "[]", "[]") + "  sourceNamespaces: ['*']\n")),
                Arguments.of("ARGO_8", files("a.yaml", "kind: AppProject\nmetadata:\n  name: platform\n",
                        "b.yaml", "kind: AppProject\nmetadata:\n  name: fleet\n")),
                // ARGO_9: Application and ApplicationSet, default, blank or missing
                Arguments.of("ARGO_9", files("a.yaml", "kind: Application\nmetadata:\n  name: a\nspec:\n  project: ''\n")),
                Arguments.of("ARGO_9", files("a.yaml", "kind: Application\nmetadata:\n  name: a\nspec: {}\n")),
                Arguments.of("ARGO_9", files("a.yaml", appSet.formatted("default", ""))),
                Arguments.of("ARGO_9", files("a.yaml", "kind: ApplicationSet\nmetadata:\n  name: s\nspec:\n  template: {spec: {}}\n")),
                // ARGO_12: an environment's generator naming a platform project, or none
                Arguments.of("ARGO_12", files("environments/staging/environment.yaml", appSet.formatted("platform", ""))),
                Arguments.of("ARGO_12", files("environments/staging/environment.yml", appSet.formatted("default", ""))),
                Arguments.of("ARGO_12", files("environments/staging/environment.yaml",
                        "kind: Application\nmetadata:\n  name: a\nspec:\n  project: registry\n")),
                // ARGO_10: the program's Application
                Arguments.of("ARGO_10", plan(resource(PROGRAM_APPLICATION, "root", Map.of("metadata", Map.of("name", "r"), "spec", Map.of())))),
                // ARGO_11: any non-admin subject, resource applications or *, object starting with *
                Arguments.of("ARGO_11", rbac(policy.formatted("role:developer", "applications", "*", "allow"))),
                Arguments.of("ARGO_11", rbac(policy.formatted("role:developer", "*", "*/*", "allow"))),
                Arguments.of("ARGO_11", rbac(policy.formatted("acme:developers", "applications", "*/hello", "allow"))),
                Arguments.of("ARGO_11", rbac("g, acme:admins, role:admin\n" + policy.formatted("role:readonly", "applications", "*/*", "allow"))),
                // NET_1: a policy that is not default-deny, or not in the namespace
                Arguments.of("NET_1", files("a.yaml", application.formatted("ns") + "---\n" + POLICY.formatted("other", "{}", "[Ingress, Egress]", ""))),
                Arguments.of("NET_1", files("a.yaml", application.formatted("ns") + "---\n" + POLICY.formatted("ns", "{}", "[Ingress]", ""))),
                Arguments.of("NET_1", files("a.yaml", application.formatted("ns") + "---\n" + POLICY.formatted("ns", "{}", "[Egress]", ""))),
                Arguments.of("NET_1", files("a.yaml", application.formatted("ns") + "---\n"
                        + POLICY.formatted("ns", "{matchLabels: {app: x}}", "[Ingress, Egress]", ""))),
                Arguments.of("NET_1", files("a.yaml", application.formatted("ns") + "---\n"
                        + POLICY.formatted("ns", "{}", "[Ingress, Egress]", "  ingress: [{}]\n"))),
                Arguments.of("NET_1", files("a.yaml", application.formatted("ns") + "---\n"
                        + POLICY.formatted("ns", "{}", "[Ingress, Egress]", "  egress: [{}]\n"))),
                Arguments.of("NET_1", files("a.yaml", appSet.formatted("fleet", ""))),
                Arguments.of("NET_1", files("n.yaml", "kind: Namespace\nmetadata:\n  name: ns\n")),
                Arguments.of("NET_1", files("environments/production/apps/hello/Chart.yaml", "apiVersion: v2\nname: hello\n",
                        "environments/production/apps/other/templates/np.yaml", deny.replace("  namespace: ns\n", ""))),
                // PSS_1: the label missing, lower, or no namespace metadata at all; Applications too
                Arguments.of("PSS_1", files("e.yaml", appSet.formatted("app-{{.path.basename}}", ""))),
                Arguments.of("PSS_1", files("e.yaml", appSet.formatted("app-x",
                        "      syncPolicy:\n        managedNamespaceMetadata:\n          labels:\n            pod-security.kubernetes.io/enforce: privileged\n"))),
                Arguments.of("PSS_1", files("e.yaml", appSet.formatted("app-x",
                        "      syncPolicy:\n        managedNamespaceMetadata:\n          labels:\n            pod-security.kubernetes.io/warn: restricted\n"))),
                Arguments.of("PSS_1", files("e.yaml", "kind: Application\nmetadata:\n  name: a\nspec:\n  project: app-a\n")),
                // ESO_1: no conditions, empty ones, wildcards
                Arguments.of("ESO_1", files("s.yaml", store.formatted("[]"))),
                Arguments.of("ESO_1", files("s.yaml", store.formatted("[{}]"))),
                Arguments.of("ESO_1", files("s.yaml", store.formatted("[{namespaces: []}]"))),
                Arguments.of("ESO_1", files("s.yaml", store.formatted("[{namespaces: ['*']}]"))),
                Arguments.of("ESO_1", files("s.yaml", store.formatted("[{namespaceSelector: {}}]"))),
                Arguments.of("ESO_1", files("s.yaml", store.formatted("[{namespaceSelector: {matchLabels: {}}}]"))),
                Arguments.of("ESO_1", files("s.yaml", store.formatted("[{namespaceRegexes: ['.*']}]"))),
                Arguments.of("ESO_1", files("s.yaml", store.formatted("[{namespaces: [a]}, {namespaceRegexes: []}]"))),
                // ESO_2: the program's store
                Arguments.of("ESO_2", plan(resource(PROGRAM_SECRET_STORE, "s", Map.of("metadata", Map.of("name", "s"),
                        "spec", Map.of("conditions", List.of(Map.of("namespaces", List.of())))))))
        );
    }

    static Plan rbac(String csv) {
        return plan(resource(ArgoCdRules.RELEASE, "argocd", argoCd(csv)));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("violations")
    void rejects(String id, Plan plan) {
        assertEquals(1, findings(id, plan).size(), id + " should reject this shape");
    }

    static Stream<Arguments> compliant() {
        var store = "kind: ClusterSecretStore\nmetadata:\n  name: platform\nspec:\n  conditions: %s\n";
        var deny = POLICY.formatted("ns", "{}", "[Ingress, Egress]", "");
        return Stream.of(
                Arguments.of("ESO_1", files("s.yaml", store.formatted("[{namespaceSelector: {matchLabels: {team: a}}}]"))),
                Arguments.of("ESO_1", files("s.yaml", store.formatted("[{namespaceSelector: {matchExpressions: [{key: a, operator: Exists}]}}]"))),
                Arguments.of("ESO_1", files("s.yaml", store.formatted("[{namespaceRegexes: ['^team-a-']}]"))),
                Arguments.of("ESO_1", files("README.md", "kind: ClusterSecretStore\n")),
                Arguments.of("ARGO_11", rbac("p, role:admin, applications, get, */*, allow\np, role:developer, applications, get, */*, deny\n"
                        + "p, role:developer, logs, get, */*, allow\n")),
                Arguments.of("ARGO_11", plan(resource(ArgoCdRules.RELEASE, "other", Map.of("chart", "other")))),
                Arguments.of("ARGO_8", files("a.yaml", "kind: Application\nmetadata:\n  name: a\n")),
                Arguments.of("NET_1", files("a.yaml", "kind: ApplicationSet\nmetadata:\n  name: s\nspec:\n  template:\n    spec:\n"
                        + "      project: p\n      destination: {namespace: '{{.path.basename}}-production'}\n")),
                Arguments.of("NET_1", files("environments/production/apps/hello/Chart.yaml", "apiVersion: v2\nname: hello\n",
                        "environments/production/apps/hello/templates/np.yaml", deny.replace("  namespace: ns\n", ""))),
                Arguments.of("NET_1", files("n.yaml", "kind: Namespace\nmetadata:\n  name: ns\n", "p.yaml", deny)),
                Arguments.of("PSS_1", files("a.yaml", "kind: Application\nmetadata:\n  name: a\nspec:\n  project: platform\n")),
                Arguments.of("ARGO_12", files("registry/clusters/mgmt/a.yaml", "kind: Application\nmetadata:\n  name: a\nspec:\n  project: platform\n")));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("compliant")
    void accepts(String id, Plan plan) {
        assertEquals(List.of(), findings(id, plan));
    }

    @Test
    void aMissingDefaultProjectIsReportedOnceForThePlan() {
        var plan = files("a.yaml", "kind: AppProject\nmetadata:\n  name: platform\n", "b.yaml", "kind: AppProject\nmetadata:\n  name: fleet\n");
        assertEquals(1, findings("ARGO_8", plan).size());
        var locked = files("a.yaml", "kind: AppProject\nmetadata:\n  name: platform\n",
                "b.yaml", OPEN_DEFAULT.formatted("[]", "[]", "[]"));
        assertEquals(List.of(), findings("ARGO_8", locked));
    }

    @Test
    void findingsNameTheObjectAndWhatIsWrong() {
        var found = findings("ARGO_6", files("p.yaml", "kind: AppProject\nmetadata:\n  name: fleet\nspec:\n"
                + "  destinations: [{server: 'https://*.svc', namespace: '*'}]\n"));
        assertTrue(found.get(0).contains("AppProject fleet") && found.get(0).contains("https://*.svc"), found.toString());
        var net = findings("NET_1", files("a.yaml", "kind: Application\nmetadata:\n  name: a\nspec:\n  project: p\n  destination: {namespace: cert-manager}\n"));
        assertTrue(net.get(0).contains("[cert-manager]"), net.toString());
    }
}
