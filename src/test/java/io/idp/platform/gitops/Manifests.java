package io.idp.platform.gitops;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rendered files read back as Kubernetes objects, for assertions. */
final class Manifests {
    record Manifest(String file, Map<String, Object> object) {
        String kind() {
            return String.valueOf(object.get("kind"));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> metadata() {
            return (Map<String, Object>) object.getOrDefault("metadata", Map.of());
        }

        String name() {
            return String.valueOf(metadata().get("name"));
        }

        @SuppressWarnings("unchecked")
        int wave() {
            var annotations = (Map<String, Object>) metadata().getOrDefault("annotations", Map.of());
            return Integer.parseInt(String.valueOf(annotations.getOrDefault("argocd.argoproj.io/sync-wave", "0")));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> spec() {
            return (Map<String, Object>) object.get("spec");
        }
    }

    @SuppressWarnings("unchecked")
    static List<Manifest> of(Map<String, String> files) {
        var manifests = new ArrayList<Manifest>();
        files.forEach((file, content) -> {
            if (!file.endsWith(".yaml")) {
                return;
            }
            for (var document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(content)) {
                if (document != null) {
                    manifests.add(new Manifest(file, (Map<String, Object>) document));
                }
            }
        });
        return manifests;
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> object, String... path) {
        Object current = object;
        for (var key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return current;
    }
}
