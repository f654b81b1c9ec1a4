package io.idp.platform.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitoring configuration the platform would run, as the tools read it: Alertmanager's
 * configuration is the kube-prometheus-stack chart's default merged with our values (Helm's merge),
 * and Prometheus rule groups come from PrometheusRule objects and the chart's additional rules.
 */
public final class MonitoringConfigs {
    public static final String PROMETHEUS_CHART = "kube-prometheus-stack";
    static final String ALERTMANAGER_KEY = "alertmanager.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MonitoringConfigs() {
    }

    /** A configuration file one of the tools checks, and where it comes from. */
    public record ConfigFile(String origin, String content) {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> mergedValues(HelmSource source, ReferenceData.ChartPack pack) {
        return HelmValues.merge(JSON.convertValue(pack.values(), Map.class), source.values());
    }

    /**
     * The Alertmanager configuration the chart would run: alertmanager.config of the merged values, or,
     * with alertmanagerSpec.useExistingSecret, the alertmanager.yaml of the Secret it names, as the
     * repository's ExternalSecret templates it (secret values stand in as "example-&lt;key&gt;").
     *
     * @param templatedSecrets ExternalSecret target name to its template's data, from the rendered files
     */
    @SuppressWarnings("unchecked")
    public static List<ConfigFile> alertmanager(HelmSource source, ReferenceData.ChartPack pack,
                                                Map<String, TemplatedSecret> templatedSecrets, List<String> problems) {
        var merged = mergedValues(source, pack);
        var alertmanager = merged.get("alertmanager") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
        if (Boolean.FALSE.equals(alertmanager.get("enabled"))) {
            return List.of();
        }
        var spec = alertmanager.get("alertmanagerSpec") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
        if (Boolean.TRUE.equals(spec.get("useExistingSecret"))) {
            // The configuration is that Secret's: checked where the repository templates it (templated()).
            var name = spec.get("configSecret");
            var secret = name == null ? null : templatedSecrets.get(String.valueOf(name));
            // An ApplicationSet's Secret is in each selected cluster's directory, which the add-on check covers.
            if (!source.owner().startsWith("ApplicationSet/") && (secret == null || secret.data().get(ALERTMANAGER_KEY) == null)) {
                problems.add(source.describe() + ": alertmanager.alertmanagerSpec.useExistingSecret is true, but no ExternalSecret in the "
                        + "repository templates " + ALERTMANAGER_KEY + " into the Secret " + (name == null ? "(configSecret is not set)" : name));
            }
            return List.of();
        }
        if (!(alertmanager.get("config") instanceof Map<?, ?> config)) {
            return List.of();
        }
        return List.of(new ConfigFile(source.describe() + ": alertmanager.config (merged with the chart's defaults)", yaml(config)));
    }

    /**
     * The Alertmanager configuration an ExternalSecret templates, secret values standing in as "example-&lt;key&gt;"
     * (a URL, https://example.invalid/&lt;key&gt;, for a key ending in Url, which Alertmanager parses as one).
     */
    public static java.util.Optional<ConfigFile> templated(TemplatedSecret secret) {
        var text = secret.data().get(ALERTMANAGER_KEY);
        if (text == null) {
            return java.util.Optional.empty();
        }
        var filled = java.util.regex.Pattern.compile("\\{\\{-?\\s*\\.(\\w+)[^}]*}}").matcher(text).replaceAll(match ->
                java.util.regex.Matcher.quoteReplacement(match.group(1).endsWith("Url")
                        ? "\"https://example.invalid/" + match.group(1) + "\"" : "\"example-" + match.group(1) + "\""));
        return java.util.Optional.of(new ConfigFile(secret.origin() + ": " + ALERTMANAGER_KEY, filled));
    }

    /** An ExternalSecret's template: where it is written and the data keys it templates. */
    public record TemplatedSecret(String origin, Map<String, String> data) {
        @SuppressWarnings("unchecked")
        static java.util.Optional<Map.Entry<String, TemplatedSecret>> of(String file, Map<String, Object> object) {
            if (!"ExternalSecret".equals(object.get("kind")) || !(object.get("spec") instanceof Map<?, ?> spec)
                    || !(spec.get("target") instanceof Map<?, ?> target) || !(target.get("template") instanceof Map<?, ?> template)
                    || !(template.get("data") instanceof Map<?, ?> data)) {
                return java.util.Optional.empty();
            }
            var metadata = object.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
            var strings = new LinkedHashMap<String, String>();
            ((Map<String, Object>) data).forEach((k, v) -> strings.put(k, String.valueOf(v)));
            var name = String.valueOf(target.get("name") != null ? target.get("name") : metadata.get("name"));
            return java.util.Optional.of(Map.entry(name, new TemplatedSecret(file + " ExternalSecret/" + metadata.get("name"), strings)));
        }
    }

    /** additionalPrometheusRulesMap of the merged values: one rule file per entry. */
    @SuppressWarnings("unchecked")
    public static List<ConfigFile> additionalRules(HelmSource source, ReferenceData.ChartPack pack) {
        var merged = mergedValues(source, pack);
        var files = new ArrayList<ConfigFile>();
        if (merged.get("additionalPrometheusRulesMap") instanceof Map<?, ?> rules) {
            ((Map<String, Object>) rules).forEach((name, rule) -> {
                if (rule instanceof Map<?, ?> r && r.get("groups") != null) {
                    files.add(new ConfigFile(source.describe() + ": additionalPrometheusRulesMap." + name, yaml(Map.of("groups", r.get("groups")))));
                }
            });
        }
        return files;
    }

    /** The rule groups of a PrometheusRule object (its spec is a Prometheus rule file). */
    @SuppressWarnings("unchecked")
    public static List<ConfigFile> prometheusRule(String file, Map<String, Object> object) {
        if (!"PrometheusRule".equals(object.get("kind")) || !(object.get("spec") instanceof Map<?, ?> spec)) {
            return List.of();
        }
        var metadata = object.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
        return List.of(new ConfigFile(file + " PrometheusRule/" + metadata.get("name"), yaml(spec)));
    }

    static String yaml(Object value) {
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(new LinkedHashMap<>((Map<?, ?>) value));
    }
}
