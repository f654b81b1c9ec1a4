package io.idp.platform.validation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.idp.platform.validation.ObjectCheckTest.json;
import static org.junit.jupiter.api.Assertions.*;

/** The Alertmanager configurations and rule files collected for amtool and promtool, from values and objects. */
class MonitoringConfigsTest {
    static final ReferenceData.ChartPack CHART = new ReferenceData.ChartPack("kube-prometheus-stack", "75.15.1",
            json("{'alertmanager': {'enabled': true, 'config': {'route': {'receiver': 'null'}, 'receivers': [{'name': 'null'}]},"
                    + " 'alertmanagerSpec': {'useExistingSecret': false}}, 'additionalPrometheusRulesMap': {}}"),
            Map.of(), null, List.of());

    static HelmSource source(String owner, Map<String, Object> values) {
        return new HelmSource("k.yaml", owner, "kube-prometheus-stack", "75.15.1", values);
    }

    static Map<String, Object> existingSecret(Object name) {
        var spec = new java.util.HashMap<String, Object>();
        spec.put("useExistingSecret", true);
        if (name != null) {
            spec.put("configSecret", name);
        }
        return Map.of("alertmanager", Map.of("alertmanagerSpec", spec));
    }

    @Test
    void theChartsConfigurationMergedWithOursIsWhatAmtoolChecks() {
        var problems = new ArrayList<String>();
        var configs = MonitoringConfigs.alertmanager(source("Application/kps", Map.of("alertmanager", Map.of("config",
                Map.of("route", Map.of("receiver", "team"))))), CHART, Map.of(), problems);
        assertEquals(List.of(new MonitoringConfigs.ConfigFile(
                "k.yaml Application/kps (chart kube-prometheus-stack 75.15.1): alertmanager.config (merged with the chart's defaults)",
                "route:\n  receiver: team\nreceivers:\n- name: 'null'\n")), configs);
        assertEquals(List.of(), problems);
    }

    @Test
    void aDisabledAlertmanagerOrOneWithoutConfigurationHasNothingToCheck() {
        var problems = new ArrayList<String>();
        assertEquals(List.of(), MonitoringConfigs.alertmanager(source("Application/kps", Map.of("alertmanager", Map.of("enabled", false))),
                CHART, Map.of(), problems));
        var bare = new ReferenceData.ChartPack("kube-prometheus-stack", "75.15.1", json("{'alertmanager': {'config': 'text'}}"), Map.of(), null, List.of());
        assertEquals(List.of(), MonitoringConfigs.alertmanager(source("Application/kps", Map.of()), bare, Map.of(), problems));
        var none = new ReferenceData.ChartPack("kube-prometheus-stack", "75.15.1", json("{}"), Map.of(), null, List.of());
        assertEquals(List.of(), MonitoringConfigs.alertmanager(source("Application/kps", Map.of()), none, Map.of(), problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void anExistingSecretMustBeTemplatedByAnExternalSecretWithTheConfigurationKey() {
        var templated = new MonitoringConfigs.TemplatedSecret("s.yaml ExternalSecret/am", Map.of("alertmanager.yaml", "route: {}"));
        var other = new MonitoringConfigs.TemplatedSecret("s.yaml ExternalSecret/other", Map.of("token", "x"));
        var secrets = Map.of("am", templated, "other", other);
        var problems = new ArrayList<String>();
        assertEquals(List.of(), MonitoringConfigs.alertmanager(source("Application/kps", existingSecret("am")), CHART, secrets, problems));
        assertEquals(List.of(), problems);

        MonitoringConfigs.alertmanager(source("Application/kps", existingSecret("missing")), CHART, secrets, problems);
        MonitoringConfigs.alertmanager(source("Application/kps", existingSecret("other")), CHART, secrets, problems);
        MonitoringConfigs.alertmanager(source("Application/kps", existingSecret(null)), CHART, secrets, problems);
        var prefix = "k.yaml Application/kps (chart kube-prometheus-stack 75.15.1): alertmanager.alertmanagerSpec.useExistingSecret is true, "
                + "but no ExternalSecret in the repository templates alertmanager.yaml into the Secret ";
        assertEquals(List.of(prefix + "missing", prefix + "other", prefix + "(configSecret is not set)"), problems);

        // An ApplicationSet's Secret lives in each cluster's directory: checked there, not here.
        var fleet = new ArrayList<String>();
        assertEquals(List.of(), MonitoringConfigs.alertmanager(source("ApplicationSet/fleet", existingSecret("missing")), CHART, secrets, fleet));
        assertEquals(List.of(), fleet);
    }

    @Test
    void aTemplatedConfigurationHasItsSecretsStandingInAsExamples() {
        var secret = new MonitoringConfigs.TemplatedSecret("s.yaml ExternalSecret/am",
                Map.of("alertmanager.yaml", "smtp: {{ .smtpPassword }}\nkey: {{- .apiKey | quote }}\nplain: text\n"));
        assertEquals(Optional.of(new MonitoringConfigs.ConfigFile("s.yaml ExternalSecret/am: alertmanager.yaml",
                        "smtp: \"example-smtpPassword\"\nkey: \"example-apiKey\"\nplain: text\n")),
                MonitoringConfigs.templated(secret));
        assertEquals(Optional.empty(), MonitoringConfigs.templated(new MonitoringConfigs.TemplatedSecret("x", Map.of("token", "t"))));
    }

    @Test
    void anExternalSecretsTemplateIsReadUnderItsTargetName() {
        var named = Map.<String, Object>of("kind", "ExternalSecret", "metadata", Map.of("name", "am-secret"),
                "spec", Map.of("target", Map.of("name", "alertmanager-platform", "template", Map.of("data", Map.of("alertmanager.yaml", "a: 1", "n", 2)))));
        assertEquals(Optional.of(Map.entry("alertmanager-platform", new MonitoringConfigs.TemplatedSecret("s.yaml ExternalSecret/am-secret",
                Map.of("alertmanager.yaml", "a: 1", "n", "2")))), MonitoringConfigs.TemplatedSecret.of("s.yaml", named));
        var unnamed = Map.<String, Object>of("kind", "ExternalSecret", "metadata", Map.of("name", "am-secret"),
                "spec", Map.of("target", Map.of("template", Map.of("data", Map.of()))));
        assertEquals("am-secret", MonitoringConfigs.TemplatedSecret.of("s.yaml", unnamed).orElseThrow().getKey());
        for (var object : List.<Map<String, Object>>of(
                Map.of("kind", "Secret", "spec", Map.of("target", Map.of("template", Map.of("data", Map.of())))),
                Map.of("kind", "ExternalSecret"),
                Map.of("kind", "ExternalSecret", "spec", Map.of()),
                Map.of("kind", "ExternalSecret", "spec", Map.of("target", Map.of())),
                Map.of("kind", "ExternalSecret", "spec", Map.of("target", Map.of("template", Map.of()))))) {
            assertEquals(Optional.empty(), MonitoringConfigs.TemplatedSecret.of("s.yaml", object), object.toString());
        }
        var noMetadata = Map.<String, Object>of("kind", "ExternalSecret", "spec", Map.of("target", Map.of("template", Map.of("data", Map.of()))));
        assertEquals("s.yaml ExternalSecret/null", MonitoringConfigs.TemplatedSecret.of("s.yaml", noMetadata).orElseThrow().getValue().origin());
    }

    @Test
    void additionalRuleGroupsAreOneRuleFileEach() {
        var values = Map.<String, Object>of("additionalPrometheusRulesMap", Map.of(
                "platform", Map.of("groups", List.of(Map.of("name", "platform"))),
                "empty", Map.of("note", "no groups"),
                "text", "not a map"));
        assertEquals(List.of(new MonitoringConfigs.ConfigFile(
                        "k.yaml Application/kps (chart kube-prometheus-stack 75.15.1): additionalPrometheusRulesMap.platform",
                        "groups:\n- name: platform\n")),
                MonitoringConfigs.additionalRules(source("Application/kps", values), CHART));
        var noMap = new ReferenceData.ChartPack("kube-prometheus-stack", "75.15.1", json("{'additionalPrometheusRulesMap': 'x'}"), Map.of(), null, List.of());
        assertEquals(List.of(), MonitoringConfigs.additionalRules(source("Application/kps", Map.of()), noMap));
    }

    @Test
    void aPrometheusRulesSpecIsARuleFile() {
        var rule = Map.<String, Object>of("kind", "PrometheusRule", "metadata", Map.of("name", "platform"),
                "spec", Map.of("groups", List.of(Map.of("name", "g"))));
        assertEquals(List.of(new MonitoringConfigs.ConfigFile("r.yaml PrometheusRule/platform", "groups:\n- name: g\n")),
                MonitoringConfigs.prometheusRule("r.yaml", rule));
        assertEquals(List.of(), MonitoringConfigs.prometheusRule("r.yaml", Map.of("kind", "ConfigMap", "spec", Map.of())));
        assertEquals(List.of(), MonitoringConfigs.prometheusRule("r.yaml", Map.of("kind", "PrometheusRule", "spec", "x")));
        assertEquals("r.yaml PrometheusRule/null", MonitoringConfigs.prometheusRule("r.yaml", Map.of("kind", "PrometheusRule",
                "spec", Map.of())).get(0).origin());
    }

    @Test
    void mergedValuesAreTheChartsDefaultsWithOursOnTop() {
        var merged = MonitoringConfigs.mergedValues(source("Application/kps", Map.of("alertmanager", Map.of("enabled", false))), CHART);
        assertEquals(Map.of("enabled", false, "config", Map.of("route", Map.of("receiver", "null"), "receivers", List.of(Map.of("name", "null"))),
                "alertmanagerSpec", Map.of("useExistingSecret", false)), merged.get("alertmanager"));
        assertEquals(Map.of(), merged.get("additionalPrometheusRulesMap"));
    }
}
