package io.idp.platform.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a key need not appear in the chart's default values, each case checked by hand against the
 * chart's templates at the pinned version: maps whose keys are free-form although the defaults show
 * some (the chart passes them through whole), and keys a template reads that values.yaml only shows
 * commented out.
 */
final class ValuesExceptions {
    /** chart to key paths whose contents the chart passes through whole, with what reads them. */
    static final Map<String, Map<String, String>> FREE_FORM = Map.of(
            "argo-cd", Map.of(
                    "configs.cm", "the data of the argocd-cm ConfigMap (templates/argocd-configs/argocd-cm.yaml); Argo CD reads it",
                    "configs.params", "the data of argocd-cmd-params-cm (templates/argocd-configs/argocd-cmd-params-cm.yaml)",
                    "configs.rbac", "the data of argocd-rbac-cm (templates/argocd-configs/argocd-rbac-cm.yaml); checked by ArgoCdRbac",
                    "configs.repositories", "one repository Secret per key, its fields the Secret's data "
                            + "(templates/argocd-configs/repository-secret.yaml)"),
            "gha-runner-scale-set", Map.of(
                    "template.spec", "the runner pod's spec, copied whole into the AutoscalingRunnerSet's spec.template "
                            + "(templates/autoscalingrunnerset.yaml); the controller makes each runner pod from it"),
            "kube-prometheus-stack", Map.of(
                    "grafana.grafana.ini", "Grafana's own settings file, rendered whole by the grafana subchart's configmap.yaml",
                    "alertmanager.config", "Alertmanager's configuration file, rendered whole; checked by amtool"),
            "opentelemetry-collector", Map.of(
                    "config", "the collector's configuration file, merged with the presets and rendered whole (templates/_config.tpl); "
                            + "components are named <type>/<name>",
                    "ports", "each entry is a container and service port (templates/_pod.tpl, service.yaml); the schema's patternProperties "
                            + "types every entry"),
            "loki", Map.of(
                    "loki.limits_config", "Loki's limits_config, rendered whole into its configuration (values.yaml loki.config: "
                            + "{{- with .Values.loki.limits_config }} ... toYaml)"),
            "tempo", Map.of(
                    "tempo.storage", "Tempo's storage block, rendered whole into its configuration (values.yaml config: "
                            + "storage: {{- toYaml .Values.tempo.storage }})"));

    /** chart to key paths a template reads that values.yaml shows only commented out, with where. */
    static final Map<String, Map<String, String>> COMMENTED = Map.of(
            "gha-runner-scale-set", Map.of(
                    "maxRunners", "templates/autoscalingrunnerset.yaml sets spec.maxRunners from it (values.yaml line 61, commented)",
                    "minRunners", "templates/autoscalingrunnerset.yaml sets spec.minRunners from it (values.yaml line 65, commented)",
                    "runnerScaleSetName", "templates/autoscalingrunnerset.yaml sets spec.runnerScaleSetName, the runs-on label, "
                            + "from it (values.yaml line 70, commented)",
                    "controllerServiceAccount", "templates/_helpers.tpl names the controller's service account the listener's "
                            + "role binds from it (values.yaml line 427, commented)"),
            "kube-prometheus-stack", Map.of(
                    "alertmanager.alertmanagerSpec.configSecret", "templates/alertmanager/alertmanager.yaml sets the Alertmanager's "
                            + "configSecret from it (values.yaml line 942, commented); read with useExistingSecret",
                    "grafana.annotations", "grafana 9.3.0 templates/deployment.yaml reads .Values.annotations (values.yaml line 225, commented)"),
            "opentelemetry-collector", Map.of(
                    "podDisruptionBudget.minAvailable", "templates/pdb.yaml sets minAvailable from it (values.yaml line 747, commented)"),
            "loki", Map.of(
                    "loki.storage.bucketNames", "templates/_helpers.tpl names the chunks and ruler buckets from it (values.yaml line 434, "
                            + "commented: 'Please provide these values if you are using object storage')"));

    /** Kubernetes maps of arbitrary names, wherever a chart passes them to an object. */
    static final Set<String> KUBERNETES_MAPS = Set.of("annotations", "labels", "nodeSelector", "podAnnotations", "podLabels",
            "limits", "requests");

    private ValuesExceptions() {
    }

    /**
     * The key path, one element per key (a key may itself hold dots, as annotation names do), lies
     * inside a free-form map.
     */
    static boolean freeForm(String chart, List<String> keys) {
        if (keys.size() > 1 && KUBERNETES_MAPS.contains(keys.get(keys.size() - 2))) {
            return true;
        }
        // Joined, as the prefixes are written: a prefix's own keys may hold dots (grafana.ini).
        var keyPath = String.join(".", keys);
        return FREE_FORM.getOrDefault(chart, Map.of()).keySet().stream().anyMatch(prefix -> keyPath.startsWith(prefix + "."));
    }

    /** The key path (or one above it) is read by the chart although values.yaml does not show it. */
    static boolean allows(String chart, String keyPath) {
        return COMMENTED.getOrDefault(chart, Map.of()).keySet().stream()
                .anyMatch(prefix -> keyPath.equals(prefix) || keyPath.startsWith(prefix + "."));
    }

}
