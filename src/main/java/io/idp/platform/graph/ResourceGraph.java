package io.idp.platform.graph;

import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The creation graph of a plan: which resource must exist before which. A resource waits for its
 * dependencies, its property dependencies and its provider; a dependency on a component stands for
 * every resource inside it (Pulumi waits for the component's children).
 */
public final class ResourceGraph {
    private final Map<String, PlannedResource> resources = new LinkedHashMap<>();
    private final Map<String, Set<String>> dependsOn = new LinkedHashMap<>();

    public ResourceGraph(Plan plan) {
        plan.resources().forEach(r -> resources.put(r.urn(), r));
        var children = new LinkedHashMap<String, List<String>>();
        plan.resources().forEach(r -> children.computeIfAbsent(r.parent(), p -> new ArrayList<>()).add(r.urn()));
        for (var resource : plan.resources()) {
            if (!resource.custom()) {
                continue;
            }
            var direct = new TreeSet<String>(resource.dependencies());
            resource.propertyDependencies().values().forEach(direct::addAll);
            if (resource.provider().contains("::")) {
                direct.add(resource.provider().substring(0, resource.provider().lastIndexOf("::")));
            }
            var expanded = new TreeSet<String>();
            for (var urn : direct) {
                expand(urn, children, expanded);
            }
            expanded.remove(resource.urn());
            dependsOn.put(resource.urn(), expanded);
        }
    }

    private void expand(String urn, Map<String, List<String>> children, Set<String> into) {
        var resource = resources.get(urn);
        if (resource == null) {
            return;
        }
        if (resource.custom()) {
            into.add(urn);
            return;
        }
        for (var child : children.getOrDefault(urn, List.of())) {
            expand(child, children, into);
        }
    }

    /** Cloud resources (custom, not read): the nodes of the graph. */
    public List<PlannedResource> nodes() {
        return resources.values().stream().filter(r -> r.custom() && !r.read()).toList();
    }

    public Set<String> dependencies(String urn) {
        return dependsOn.getOrDefault(urn, Set.of()).stream().filter(d -> !resources.get(d).read())
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    public PlannedResource resource(String urn) {
        return resources.get(urn);
    }

    public Map<String, PlannedResource> all() {
        return resources;
    }
}
