package io.idp.platform.validation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Which key paths the documented exceptions cover, and which they do not. */
class ValuesExceptionRulesTest {

    @Test
    void keysInsideAFreeFormMapOfTheChartOrAKubernetesMapAreFreeForm() {
        assertTrue(ValuesExceptions.freeForm("argo-cd", keys("configs.cm.url")));
        assertFalse(ValuesExceptions.freeForm("argo-cd", keys("configs.cm")), "the map itself is a value of the chart");
        assertFalse(ValuesExceptions.freeForm("argo-cd", keys("configs.cmx.url")));
        assertFalse(ValuesExceptions.freeForm("cert-manager", keys("configs.cm.url")), "another chart's exception");
        assertTrue(ValuesExceptions.freeForm("any", keys("server.podAnnotations.team")));
        assertTrue(ValuesExceptions.freeForm("any", keys("labels.team")));
        assertFalse(ValuesExceptions.freeForm("any", keys("labels")), "a top-level key named like a Kubernetes map is checked");
        assertFalse(ValuesExceptions.freeForm("any", keys("server.labels")));
        assertFalse(ValuesExceptions.freeForm("any", keys("labels.team.name")), "only the map's own keys");
        assertTrue(ValuesExceptions.freeForm("any", List.of("server", "annotations", "example.com/x")), "a key holding dots");
        assertTrue(ValuesExceptions.freeForm("kube-prometheus-stack", List.of("grafana", "grafana.ini", "server", "root_url")),
                "a prefix whose key holds a dot");
    }

    static List<String> keys(String path) {
        return List.of(path.split("\\."));
    }

    @Test
    void aCommentedKeyAndWhatLiesBelowItAreAllowedForItsChartOnly() {
        assertTrue(ValuesExceptions.allows("kube-prometheus-stack", "alertmanager.alertmanagerSpec.configSecret"));
        assertTrue(ValuesExceptions.allows("kube-prometheus-stack", "alertmanager.alertmanagerSpec.configSecret.x"));
        assertFalse(ValuesExceptions.allows("kube-prometheus-stack", "alertmanager.alertmanagerSpec.configSecretName"));
        assertFalse(ValuesExceptions.allows("kube-prometheus-stack", "alertmanager.alertmanagerSpec"));
        assertFalse(ValuesExceptions.allows("argo-cd", "alertmanager.alertmanagerSpec.configSecret"));
    }
}
