package io.idp.platform.gitops;

import io.idp.platform.config.Observability;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Charts create ServiceMonitors only where kube-prometheus-stack installs their CRD. */
class ServiceMonitorChoiceTest {
    static String trivy(Observability observability) {
        return GitopsLayout.management(Fixtures.ROOT, Fixtures.catalog(), Fixtures.management(observability))
                .get("registry/clusters/mgmt/trivy-operator.yaml");
    }

    @Test
    void withPrometheusChartsCreateServiceMonitors() {
        assertTrue(trivy(Observability.PROMETHEUS).contains("serviceMonitor:\n          enabled: true\n"));
    }

    @Test
    void withDatadogChartsCreateNone() {
        assertTrue(trivy(Observability.DATADOG).contains("serviceMonitor:\n          enabled: false\n"));
    }
}
