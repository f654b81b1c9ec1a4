package io.idp.platform.validation;

import io.idp.platform.gitops.Catalog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/** Which files of a repository are checked and how, on a small catalog and hand-written files. */
class RenderedRepositoryCheckRulesTest {
    static final Catalog CATALOG = new Catalog("test", Map.of(
            "argo-cd", Rendered.catalog().tool("argo-cd"),
            "cert-manager", Rendered.catalog().tool("cert-manager"),
            "envoy-gateway", Rendered.catalog().tool("envoy-gateway")), Map.of());
    static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: apps\ndata:\n  a: b\n";

    static String application(String chart, String version, String values) {
        return "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: " + chart + "\n  namespace: argocd\n"
                + "spec:\n  project: platform\n  destination:\n    name: in-cluster\n    namespace: x\n"
                + "  source:\n    repoURL: https://charts.example.com\n    chart: " + chart + "\n    targetRevision: " + version + "\n"
                + "    helm:\n      valuesObject:\n" + values;
    }

    @Test
    void onlyTheRepositorysKubernetesYamlIsCheckedAndEveryBrokenDocumentIsNamed() {
        var files = new TreeMap<String, String>();
        files.put("templates/workload/broken.yaml", "a: [");
        files.put(".github/workflows/ci.yaml", "a: [");
        files.put("README.md", "a: [");
        files.put("a.yml", CONFIG_MAP);
        files.put("b.yaml", "---\n" + CONFIG_MAP + "---\n");
        files.put("bad.yaml", "a: [");
        files.put("list.yaml", "- a\n");
        files.put("nokind.yaml", "apiVersion: v1\n");
        files.put("noversion.yaml", "kind: ConfigMap\n");
        var report = new RenderedRepositoryCheck(CATALOG, ReferenceData.packaged()).check(files, List.of(), null);
        assertEquals(2, report.objects());
        var problems = report.problems();
        assertEquals(4, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("bad.yaml: not valid YAML: "), problems.get(0));
        var shape = ": a document that is not a Kubernetes object (apiVersion and kind are required)";
        assertEquals(List.of("list.yaml" + shape, "nokind.yaml" + shape, "noversion.yaml" + shape), problems.subList(1, 4));
        assertEquals(List.of(), report.notes());
    }

    @Test
    void objectsAreCheckedAgainstTheApiAndHelmValuesAgainstTheirChart() {
        var cert = CATALOG.tool("cert-manager");
        var files = Map.of(
                "bad-map.yaml", CONFIG_MAP.replace("\ndata:", "\ndta:"),
                "cert-manager.yaml", application("cert-manager", cert.version(), "        crds:\n          enabled: true\n        replicaCont: 2\n"),
                "edge.yaml", application("gateway-helm", CATALOG.tool("envoy-gateway").version(), "        deployment:\n          replicas: 2\n        deploymnt: {}\n"),
                "other.yaml", application("other-chart", "1.0.0", "        a: 1\n"),
                "old.yaml", application("cert-manager", "v0.1.0", "        a: 1\n"));
        var release = new HelmSource("program", "Release/cm", "cert-manager", cert.version(), Map.of("installCRDs", true, "replicaCount", 1));
        var report = new RenderedRepositoryCheck(CATALOG, ReferenceData.packaged()).check(files, List.of(release), null);
        assertEquals(5, report.objects());
        assertEquals(5, report.helmSources().size());
        assertEquals(release, report.helmSources().get(0));
        var problems = new ArrayList<>(report.problems());
        assertTrue(problems.removeIf(p -> p.startsWith("bad-map.yaml ConfigMap/settings: ") && p.contains("dta")), report.problems().toString());
        assertTrue(problems.remove("cert-manager.yaml Application/cert-manager (chart cert-manager " + cert.version()
                + "): replicaCont is not a value of cert-manager " + cert.version() + " (did you mean replicaCount?)"), report.problems().toString());
        assertTrue(problems.remove("cert-manager.yaml Application/cert-manager (chart cert-manager " + cert.version() + "): values.schema.json: : "
                + "property 'replicaCont' is not defined in the schema and the schema does not allow additional properties"), report.problems().toString());
        assertTrue(problems.remove("edge.yaml Application/gateway-helm (chart gateway-helm " + CATALOG.tool("envoy-gateway").version()
                + "): deploymnt is not a value of gateway-helm " + CATALOG.tool("envoy-gateway").version() + " (did you mean deployment?)"),
                report.problems().toString());
        assertTrue(problems.remove("other.yaml Application/other-chart (chart other-chart 1.0.0): no reference data for chart other-chart 1.0.0"
                + " (the chart is not in the catalog)"), report.problems().toString());
        assertTrue(problems.remove("old.yaml Application/cert-manager (chart cert-manager v0.1.0): no reference data for chart cert-manager v0.1.0"
                + " (the catalog pins " + cert.version() + ")"), report.problems().toString());
        assertEquals(List.of(), problems);
        assertEquals(List.of(), report.notes());
    }

    @Test
    void anApplicationHomesValuesAreCheckedAgainstTheApplicationChartPerDependency() {
        var home = "environments/production/apps/";
        var files = Map.of(
                home + "Chart.yaml", "apiVersion: v2\nname: apps\nversion: 0.1.0\ndependencies:\n  - name: hello\n  - name: shop\n  - just text\n",
                home + "values.yaml", "hello:\n  replicaCount: 3\nshop:\n  replicas: 3\nother:\n  a: 1\n",
                home + "notes.yaml", "a: [");
        var chart = ReferenceData.applicationChart(Rendered.ROOT);
        var report = new RenderedRepositoryCheck(CATALOG, ReferenceData.packaged(), chart).check(files, List.of(), null);
        assertEquals(List.of(new HelmSource(home + "values.yaml", "dependency hello", chart.chart(), "template", Map.of("replicaCount", 3)),
                new HelmSource(home + "values.yaml", "dependency shop", chart.chart(), "template", Map.of("replicas", 3))), report.helmSources());
        assertEquals(1, report.problems().size(), report.problems().toString());
        assertTrue(report.problems().get(0).startsWith(home + "values.yaml dependency shop (chart apps/template/chart template): replicas is not a value"),
                report.problems().get(0));
        // Beside the chart's values, the home's files are not objects: not read at all.
        assertEquals(0, report.objects());

        var withoutChart = new RenderedRepositoryCheck(CATALOG, ReferenceData.packaged()).check(files, List.of(), null);
        assertEquals(List.of(), withoutChart.helmSources());
        assertEquals(List.of(), withoutChart.problems());

        var broken = new RenderedRepositoryCheck(CATALOG, ReferenceData.packaged(), chart).check(Map.of(home + "Chart.yaml", "name: apps\n",
                home + "values.yaml", "a: ["), List.of(), null);
        assertEquals(1, broken.problems().size());
        assertTrue(broken.problems().get(0).startsWith(home + "values.yaml: not valid YAML: "), broken.problems().get(0));
        var noDependencies = new RenderedRepositoryCheck(CATALOG, ReferenceData.packaged(), chart).check(Map.of(home + "Chart.yaml", "text",
                home + "values.yaml", "hello:\n  replicaCount: 3\n"), List.of(), null);
        assertEquals(List.of(), noDependencies.helmSources());
    }

    @Test
    void argoCdsRbacIsParsedAlwaysAndHeldToTheTeamsWhenTheyAreKnown() {
        var argocd = Rendered.catalog().tool("argo-cd");
        var catalog = new Catalog("test", Map.of("argo-cd", argocd), Map.of());
        var values = Map.<String, Object>of("configs", Map.of("rbac", Map.of("policy.csv", "g, acme:admins, role:admin\n", "scopes", "[groups]")));
        var release = new HelmSource("program", "Release/argocd", "argo-cd", argocd.version(), values);
        var check = new RenderedRepositoryCheck(catalog, ReferenceData.packaged());
        assertEquals(List.of(), check.check(Map.of(), List.of(release), null).problems());
        assertEquals(List.of("program Release/argocd (chart argo-cd " + argocd.version() + "): configs.rbac.policy.csv assigns "
                        + "{acme:admins=[role:admin]}; expected exactly {acme:admins=[role:admin], acme:developers=[role:developer]}"),
                check.check(Map.of(), List.of(release), new RenderedRepositoryCheck.Teams("acme:admins", "acme:developers")).problems());
        var malformed = new HelmSource("program", "Release/argocd", "argo-cd", argocd.version(),
                Map.of("configs", Map.of("rbac", Map.of("policy.csv", "x\n"))));
        assertEquals(List.of("program Release/argocd (chart argo-cd " + argocd.version() + "): configs.rbac.policy.csv line 1 (x): "
                + "a policy line starts with p or g"), check.check(Map.of(), List.of(malformed), null).problems());
    }

    @Test
    void alertmanagerConfigurationsAndRuleFilesAreCollectedForTheTools() {
        var kps = Rendered.catalog().tool("kube-prometheus-stack");
        var catalog = new Catalog("test", Map.of("kube-prometheus-stack", kps, "argo-cd", Rendered.catalog().tool("argo-cd"),
                "external-secrets", Rendered.catalog().tool("external-secrets")), Map.of());
        var files = Map.of(
                "kps.yaml", application("kube-prometheus-stack", kps.version(), "        alertmanager:\n          alertmanagerSpec:\n"
                        + "            useExistingSecret: true\n            configSecret: alertmanager-platform\n"
                        + "        additionalPrometheusRulesMap:\n          platform:\n            groups:\n              - name: platform\n"
                        + "                rules: []\n"),
                "secret.yaml", "apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: am\n  namespace: monitoring\n"
                        + "spec:\n  secretStoreRef:\n    kind: ClusterSecretStore\n    name: platform\n"
                        + "  target:\n    name: alertmanager-platform\n    template:\n      data:\n        alertmanager.yaml: |\n"
                        + "          route:\n            receiver: team\n          receivers:\n            - name: team\n",
                "rule.yaml", "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: extra\n  namespace: monitoring\n"
                        + "spec:\n  groups:\n    - name: extra\n      rules: []\n");
        var report = new RenderedRepositoryCheck(catalog, ReferenceData.packaged()).check(files, List.of(), null);
        assertEquals(List.of(), report.problems());
        assertEquals(List.of("secret.yaml ExternalSecret/am: alertmanager.yaml"),
                report.alertmanagerConfigs().stream().map(MonitoringConfigs.ConfigFile::origin).toList());
        assertEquals(List.of("rule.yaml PrometheusRule/extra",
                        "kps.yaml Application/kube-prometheus-stack (chart kube-prometheus-stack " + kps.version() + "): additionalPrometheusRulesMap.platform"),
                report.ruleFiles().stream().map(MonitoringConfigs.ConfigFile::origin).toList());
        var problems = new ArrayList<String>();
        var notes = new ArrayList<String>();
        RenderedRepositoryCheck.runTools(new RenderedRepositoryCheck.Report(List.of(), List.of(), 0, List.of(), List.of(), List.of()), problems, notes);
        assertEquals(List.of(), problems);
        assertEquals(List.of(), notes);
    }

    @Test
    void aProgramsObjectIsCheckedAgainstTheApi() {
        var check = new RenderedRepositoryCheck(CATALOG, ReferenceData.packaged());
        var problems = check.checkObject("plan mgmt resource x (ConfigMap)", Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "Bad")));
        assertEquals(List.of("plan mgmt resource x (ConfigMap) ConfigMap/Bad: metadata.name must be a lower-case DNS name, was Bad"), problems);
    }
}
