package io.idp.platform.validation;

import io.idp.platform.config.Observability;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The tools' own validators on what the platform would run: amtool check-config on every Alertmanager
 * configuration, promtool check rules on every rule file. Each test needs its tool (bash .ci/run
 * installs both from Debian) and is skipped without it, naming the install command.
 */
class ToolValidatorsTest {

    @ParameterizedTest
    @EnumSource(Observability.class)
    void everyAlertmanagerConfigurationPassesAmtool(Observability observability) {
        Assumptions.assumeTrue(ExternalTool.AMTOOL.executable().isPresent(), ExternalTool.AMTOOL.installHint());
        var report = Rendered.check(observability);
        var problems = new ArrayList<String>();
        var notes = new ArrayList<String>();
        RenderedRepositoryCheck.runTools(report, problems, notes);
        assertEquals(List.of(), problems);
        assertEquals(List.of(), notes);
        // Alertmanager runs on the management cluster alone (workload clusters remote-write their metrics to it).
        var origins = report.alertmanagerConfigs().stream().map(MonitoringConfigs.ConfigFile::origin).toList();
        assertEquals(observability == Observability.PROMETHEUS
                        ? List.of("registry/clusters/mgmt/kube-prometheus-stack.yaml ExternalSecret/alertmanager-platform: alertmanager.yaml") : List.of(),
                origins);
    }

    @Test
    void theChartsDefaultsMergedWithAReceiverListThatDropsNullFailAmtool() {
        Assumptions.assumeTrue(ExternalTool.AMTOOL.executable().isPresent(), ExternalTool.AMTOOL.installHint());
        var pack = ReferenceData.packaged().chart("kube-prometheus-stack", Rendered.catalog().tool("kube-prometheus-stack").version()).orElseThrow();
        // Lists replace: our receivers drop the chart's "null", which its default route still names.
        var values = Map.<String, Object>of("alertmanager", Map.of("config", Map.of(
                "receivers", List.of(Map.of("name", "platform-team")),
                "route", Map.of("receiver", "platform-team"))));
        var source = new HelmSource("values.yaml", "Application/test", "kube-prometheus-stack", pack.version(), values);
        var configs = MonitoringConfigs.alertmanager(source, pack, Map.of(), new ArrayList<>());
        assertEquals(1, configs.size());
        assertTrue(configs.get(0).content().contains("Watchdog"), "the chart's default route is merged in");
        var result = ExternalTool.AMTOOL.run(List.of("check-config"), "alertmanager.yaml", configs.get(0).content());
        assertFalse(result.passed());
        assertTrue(result.output().contains("undefined receiver \"null\""), result.output());
    }

    @ParameterizedTest
    @EnumSource(Observability.class)
    void everyPrometheusRuleFilePassesPromtool(Observability observability) {
        Assumptions.assumeTrue(ExternalTool.PROMTOOL.executable().isPresent(), ExternalTool.PROMTOOL.installHint());
        var report = Rendered.check(observability);
        var problems = new ArrayList<String>();
        RenderedRepositoryCheck.runTools(new RenderedRepositoryCheck.Report(List.of(), List.of(), 0, List.of(), List.of(),
                report.ruleFiles()), problems, new ArrayList<>());
        assertEquals(List.of(), problems);
        // The platform's own rule groups (its tools' availability, and the fleet's), where the management cluster runs Prometheus.
        assertEquals(observability == Observability.PROMETHEUS ? 2 : 0, report.ruleFiles().size(), report.ruleFiles().toString());
    }
}
