package io.idp.platform.validation;

import io.idp.platform.config.Observability;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/** Each check fails on a deliberately broken file, naming the file and the path. */
class ChecksCanFailTest {

    static RenderedRepositoryCheck.Report checkWith(String file, UnaryOperator<String> edit) {
        var files = new TreeMap<>(Rendered.repository(Observability.PROMETHEUS));
        assertTrue(files.containsKey(file), file);
        var edited = edit.apply(files.get(file));
        assertNotEquals(files.get(file), edited, "the edit must change " + file);
        files.put(file, edited);
        return new RenderedRepositoryCheck(Rendered.catalog(), ReferenceData.packaged()).check(files, List.of(), Rendered.TEAMS);
    }

    static void assertOneProblemNaming(RenderedRepositoryCheck.Report report, String... parts) {
        var matching = report.problems().stream().filter(p -> List.of(parts).stream().allMatch(p::contains)).toList();
        assertEquals(1, matching.size(), "expected one problem naming " + List.of(parts) + " in:\n" + String.join("\n", report.problems()));
    }

    @Test
    void aValueTheChartDoesNotHaveFails() {
        var report = checkWith("registry/clusters/mgmt/external-dns.yaml", text -> text.replace("txtOwnerId:", "txtOwnerID:"));
        assertOneProblemNaming(report, "registry/clusters/mgmt/external-dns.yaml", "external-dns 1.21.1", "txtOwnerID is not a value",
                "did you mean txtOwnerId");
    }

    @Test
    void aValueOfTheWrongTypeFailsTheChartsSchema() {
        var report = checkWith("registry/clusters/mgmt/external-dns.yaml", text -> text.replace("policy: sync", "policy: always"));
        assertOneProblemNaming(report, "registry/clusters/mgmt/external-dns.yaml", "values.schema.json", "policy");
    }

    @Test
    void aSubchartValueIsCheckedAgainstTheSubchart() {
        var report = checkWith("registry/clusters/mgmt/kube-prometheus-stack.yaml",
                text -> text.replace("envFromSecrets:", "envFromSecretz:"));
        assertOneProblemNaming(report, "kube-prometheus-stack.yaml", "kube-prometheus-stack 88.5.3", "grafana.envFromSecretz is not a value");
    }

    @Test
    void aCrdFieldTheSchemaDoesNotKnowFails() {
        var report = checkWith("registry/clusters/mgmt/manifests/cluster-issuers/cluster-issuers.yaml",
                text -> text.replaceFirst("privateKeySecretRef:", "privateKeyRef:"));
        assertOneProblemNaming(report, "cluster-issuers.yaml", "ClusterIssuer/letsencrypt-staging", "privateKeyRef");
    }

    @Test
    void aCrdEnumAndAnUnservedVersionFail() {
        var report = checkWith("registry/clusters/mgmt/manifests/platform-secrets/cluster-secret-store.yaml",
                text -> text.replaceFirst("creationPolicy: Owner", "creationPolicy: Mine")
                        .replaceFirst("apiVersion: external-secrets.io/v1\nkind: ClusterSecretStore", "apiVersion: external-secrets.io/v2\nkind: ClusterSecretStore"));
        assertOneProblemNaming(report, "cluster-secret-store.yaml", "ExternalSecret/cloudflare-api-token", "creationPolicy");
        assertOneProblemNaming(report, "cluster-secret-store.yaml", "ClusterSecretStore/platform", "external-secrets.io/v2 is not served",
                "external-secrets 2.9.0");
    }

    @Test
    void aKindNoChartDefinesFailsNamingTheChart() {
        var report = checkWith("registry/clusters/mgmt/manifests/cluster-issuers/cluster-issuers.yaml",
                text -> text.replaceFirst("kind: ClusterIssuer", "kind: ClusterIssuers"));
        assertOneProblemNaming(report, "cluster-issuers.yaml", "ClusterIssuers", "not defined by cert-manager v1.21.1");
    }

    @Test
    void aCoreObjectFieldFails() {
        var report = checkWith("registry/clusters/mgmt/manifests/network-policies/cert-manager.yaml",
                text -> text.replaceFirst("  name: cert-manager\n", "  name: cert-manager\n  generateNme: x\n"));
        assertOneProblemNaming(report, "cert-manager.yaml", "Namespace/cert-manager", "generateNme");
    }

    @Test
    void aGatewayApiFieldOfOnlyTheExperimentalChannelFails() {
        // Envoy Gateway's chart installs the experimental channel; the platform keeps to the standard one.
        var report = checkWith("registry/clusters/mgmt/manifests/argocd-routes/argocd.yaml",
                text -> text.replaceFirst("      backendRefs:\n", "      sessionPersistence:\n        type: Cookie\n      backendRefs:\n"));
        assertOneProblemNaming(report, "argocd.yaml", "HTTPRoute/argocd-server", "sessionPersistence");
    }

    @Test
    void anEnvoyGatewayPolicyFieldItsCrdDoesNotKnowFails() {
        var report = checkWith("registry/clusters/mgmt/manifests/argocd-routes/argocd.yaml",
                text -> text.replaceFirst("clientCIDRs:", "clientCidrs:"));
        assertOneProblemNaming(report, "argocd.yaml", "SecurityPolicy/argocd-server", "clientCidrs");
    }

    @Test
    void anApplicationProjectFieldTheAppProjectCrdDoesNotKnowFails() {
        var report = checkWith("registry/clusters/mgmt/app-projects-applications.yaml",
                text -> text.replaceFirst("namespaceResourceWhitelist:", "namespaceResourceAllowlist:"));
        assertOneProblemNaming(report, "app-projects-applications.yaml", "AppProject/app-hello", "namespaceResourceAllowlist");
    }

    @Test
    void anApplicationNamespacePolicyFieldKubernetesDoesNotKnowFails() {
        var report = checkWith("environments/production/apps/hello/templates/network-policies.yaml",
                text -> text.replaceFirst("policyTypes:", "policyType:"));
        assertOneProblemNaming(report, "network-policies.yaml", "NetworkPolicy/default-deny", "policyType");
    }

    @Test
    void aCoreObjectInAnApiVersionNoLongerServedFails() {
        var report = checkWith("registry/clusters/mgmt/manifests/network-policies/cert-manager.yaml",
                text -> text.replaceFirst("apiVersion: networking.k8s.io/v1", "apiVersion: extensions/v1beta1"));
        assertOneProblemNaming(report, "cert-manager.yaml", "NetworkPolicy/default-deny", "extensions/v1beta1 NetworkPolicy is not served by Kubernetes 1.33");
    }

    @Test
    void anAlertmanagerRouteToAnUnknownReceiverFailsAmtool() {
        Assumptions.assumeTrue(ExternalTool.AMTOOL.executable().isPresent(), ExternalTool.AMTOOL.installHint());
        var report = checkWith("registry/clusters/mgmt/kube-prometheus-stack.yaml",
                text -> text.replace("receiver: platform-team\n", "receiver: platform-teem\n"));
        assertEquals(List.of(), report.problems());
        var problems = new ArrayList<String>();
        RenderedRepositoryCheck.runTools(report, problems, new ArrayList<>());
        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("registry/clusters/mgmt/kube-prometheus-stack.yaml") && problems.get(0).contains("ExternalSecret/alertmanager-platform: alertmanager.yaml")
                && problems.get(0).contains("platform-teem"), problems.get(0));
    }

    @Test
    void aBrokenRuleFailsPromtool() {
        Assumptions.assumeTrue(ExternalTool.PROMTOOL.executable().isPresent(), ExternalTool.PROMTOOL.installHint());
        var rule = Map.<String, Object>of("apiVersion", "monitoring.coreos.com/v1", "kind", "PrometheusRule",
                "metadata", Map.of("name", "broken"), "spec", Map.of("groups", List.of(Map.of("name", "platform",
                        "rules", List.of(Map.of("alert", "Broken", "expr", "sum(rate(x[5m]) by ("))))));
        var configs = MonitoringConfigs.prometheusRule("rules.yaml", rule);
        var report = new RenderedRepositoryCheck.Report(List.of(), List.of(), 1, List.of(), List.of(), configs);
        var problems = new ArrayList<String>();
        RenderedRepositoryCheck.runTools(report, problems, new ArrayList<>());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("rules.yaml PrometheusRule/broken: promtool check rules fails"), problems.get(0));
    }
}
