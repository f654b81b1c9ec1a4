package io.idp.platform.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Which key paths the documented exceptions cover, and which they do not. */
class ValuesExceptionRulesTest {

    @Test
    void keysInsideAFreeFormMapOfTheChartOrAKubernetesMapAreFreeForm() {
        assertTrue(ValuesExceptions.freeForm("argo-cd", "configs.cm.url"));
        assertFalse(ValuesExceptions.freeForm("argo-cd", "configs.cm"), "the map itself is a value of the chart");
        assertFalse(ValuesExceptions.freeForm("argo-cd", "configs.cmx.url"));
        assertFalse(ValuesExceptions.freeForm("cert-manager", "configs.cm.url"), "another chart's exception");
        assertTrue(ValuesExceptions.freeForm("any", "server.podAnnotations.team"));
        assertTrue(ValuesExceptions.freeForm("any", "labels.team"));
        assertFalse(ValuesExceptions.freeForm("any", "labels"), "a top-level key named like a Kubernetes map is checked");
        assertFalse(ValuesExceptions.freeForm("any", "server.labels"));
        assertFalse(ValuesExceptions.freeForm("any", "labels.team.name"), "only the map's own keys");
    }

    @Test
    void aCommentedKeyAndWhatLiesBelowItAreAllowedForItsChartOnly() {
        assertTrue(ValuesExceptions.allows("kube-prometheus-stack", "alertmanager.alertmanagerSpec.configSecret"));
        assertTrue(ValuesExceptions.allows("kube-prometheus-stack", "grafana.ingress.ingressClassName.x"));
        assertFalse(ValuesExceptions.allows("kube-prometheus-stack", "alertmanager.alertmanagerSpec.configSecretName"));
        assertFalse(ValuesExceptions.allows("kube-prometheus-stack", "alertmanager.alertmanagerSpec"));
        assertFalse(ValuesExceptions.allows("argo-cd", "alertmanager.alertmanagerSpec.configSecret"));
    }
}
