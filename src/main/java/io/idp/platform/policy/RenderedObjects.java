package io.idp.platform.policy;

import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Kubernetes objects of the files a plan commits to a repository, for rules over the rendered repository. */
final class RenderedObjects {
    static final String FILE = "github:index/repositoryFile:RepositoryFile";

    private RenderedObjects() {
    }

    /** A committed file's path. */
    static String path(PlannedResource file) {
        return String.valueOf(PlanFacts.input(file, "file"));
    }

    /** The YAML objects of one committed file; none for other files or unparsable ones (the renderer reports those). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> of(PlannedResource file) {
        var path = path(file);
        if (!(PlanFacts.input(file, "content") instanceof String text) || !(path.endsWith(".yaml") || path.endsWith(".yml"))) {
            return List.of();
        }
        var objects = new ArrayList<Map<String, Object>>();
        try {
            for (var doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
                if (doc instanceof Map<?, ?> m && m.get("kind") instanceof String) {
                    objects.add((Map<String, Object>) m);
                }
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return objects;
    }

    static List<Map<String, Object>> ofKind(PlannedResource file, String kind) {
        return of(file).stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    /** The value at a path of keys; null where the path ends early. */
    static Object at(Object object, String... keys) {
        var current = object;
        for (var key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static String name(Map<String, Object> object) {
        return String.valueOf(at(object, "metadata", "name"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        var out = new ArrayList<Map<String, Object>>();
        if (value instanceof List<?> items) {
            for (var item : items) {
                if (item instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    static boolean isEmptyList(Object value) {
        return value == null || value instanceof List<?> l && l.isEmpty();
    }

    // One plan's objects, read once per plan: rules over the whole repository look at every file.
    private static Plan cachedPlan;
    private static List<Map<String, Object>> cachedObjects;
    private static List<String> cachedPaths;

    /** Every object of every committed file of the plan, with the path of its file (same order). */
    static synchronized List<Map<String, Object>> all(Plan plan) {
        fill(plan);
        return cachedObjects;
    }

    static synchronized List<String> paths(Plan plan) {
        fill(plan);
        return cachedPaths;
    }

    private static void fill(Plan plan) {
        if (cachedPlan == plan) {
            return;
        }
        var objects = new ArrayList<Map<String, Object>>();
        var paths = new ArrayList<String>();
        for (var file : plan.ofType(FILE)) {
            for (var object : of(file)) {
                objects.add(object);
                paths.add(path(file));
            }
        }
        cachedObjects = objects;
        cachedPaths = paths;
        cachedPlan = plan;
    }
}
