package io.idp.platform.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Helm chart the platform installs, with the values it sets: from an Argo CD Application or an
 * ApplicationSet's template in the gitops repository, or a Helm release the program installs itself.
 *
 * @param file  where the values are written (a rendered file, or the program's class)
 * @param owner what sets them (Application/name, ApplicationSet/name, Release/name)
 */
public record HelmSource(String file, String owner, String chart, String version, Map<String, Object> values) {

    /** Helm sources of a rendered Argo CD object: spec.source(s), or the template's for an ApplicationSet. */
    @SuppressWarnings("unchecked")
    public static List<HelmSource> of(String file, Map<String, Object> object) {
        var found = new ArrayList<HelmSource>();
        var kind = String.valueOf(object.get("kind"));
        var apiVersion = String.valueOf(object.get("apiVersion"));
        if (!apiVersion.startsWith("argoproj.io/")) {
            return found;
        }
        var metadata = object.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
        var owner = kind + "/" + metadata.get("name");
        Map<String, Object> spec = object.get("spec") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        if (kind.equals("ApplicationSet")) {
            spec = spec.get("template") instanceof Map<?, ?> t && t.get("spec") instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
        } else if (!kind.equals("Application")) {
            return found;
        }
        var sources = new ArrayList<Object>();
        if (spec.get("source") != null) {
            sources.add(spec.get("source"));
        }
        if (spec.get("sources") instanceof List<?> list) {
            sources.addAll(list);
        }
        for (var source : sources) {
            if (source instanceof Map<?, ?> s && s.get("chart") != null) {
                var helm = s.get("helm") instanceof Map<?, ?> h ? (Map<String, Object>) h : Map.<String, Object>of();
                var values = helm.get("valuesObject") instanceof Map<?, ?> v ? (Map<String, Object>) v
                        : helm.get("values") instanceof String text && new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                        new org.yaml.snakeyaml.LoaderOptions())).load(text) instanceof Map<?, ?> parsed ? (Map<String, Object>) parsed
                        : Map.<String, Object>of();
                found.add(new HelmSource(file, owner, String.valueOf(s.get("chart")), String.valueOf(s.get("targetRevision")), values));
            }
        }
        return found;
    }

    public String describe() {
        return file + " " + owner + " (chart " + chart + " " + version + ")";
    }
}
