package io.idp.platform.local;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The difference between two plans of a stack, per resource and per input property, as
 * {@code pulumi preview} reports it. A pure function of two plans.
 */
public record PlanDiff(List<Change> changes) {

    public enum Op {
        CREATE("+", "create"), UPDATE("~", "update"), REPLACE("±", "replace"), DELETE("-", "delete"),
        SAME(" ", "same"), READ(">", "read"), IMPORT("=", "import");

        public final String marker;
        public final String word;

        Op(String marker, String word) {
            this.marker = marker;
            this.word = word;
        }
    }

    /** One changed input; {@code replaces} when the provider must replace the resource for it. */
    public record PropertyChange(String path, Object before, Object after, boolean replaces) {
    }

    /** What happens to one resource; deleted resources carry their last known record. */
    public record Change(PlannedResource resource, Op op, List<PropertyChange> properties) {
    }

    /**
     * Diffs {@code after} against {@code before}; with no earlier plan, everything is created. A resource
     * whose earlier URN is one of its aliases is compared with what was registered there, not created anew.
     */
    public static PlanDiff between(Plan before, Plan after) {
        return between(before, after, java.util.Set.of());
    }

    /**
     * The diff with these resources (URNs) replaced whatever their inputs, as {@code pulumi up --replace}
     * does, and what that replacement takes with it, by the engine's rules: a resource replaced with
     * delete-before-replace replaces the dependents whose replace-forcing input comes from it; a
     * provider replaced replaces every resource it manages; a secret input (masked in plans) that is
     * derived from a replaced resource is taken to have changed.
     */
    public static PlanDiff between(Plan before, Plan after, java.util.Set<String> forced) {
        var diff = plain(before, after);
        if (forced.isEmpty() && diff.changes.stream().noneMatch(c -> c.op() == Op.REPLACE)) {
            return diff;
        }
        var replaced = new java.util.HashMap<String, PlannedResource>();
        var changes = new ArrayList<>(diff.changes);
        // Plans list resources by URN, not in dependency order: repeat until no replacement adds another.
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = 0; i < changes.size(); i++) {
                var change = changes.get(i);
                var resource = change.resource();
                if (change.op() == Op.REPLACE) {
                    grew |= replaced.put(resource.urn(), resource) == null;
                    continue;
                }
                if (change.op() != Op.SAME && change.op() != Op.UPDATE) {
                    continue;
                }
                var reason = replacementReason(resource, forced, replaced);
                if (reason != null) {
                    var properties = new ArrayList<>(change.properties());
                    properties.add(reason);
                    changes.set(i, new Change(resource, Op.REPLACE, List.copyOf(properties)));
                    replaced.put(resource.urn(), resource);
                    grew = true;
                }
            }
        }
        return new PlanDiff(List.copyOf(changes));
    }

    private static PropertyChange replacementReason(PlannedResource resource, java.util.Set<String> forced,
                                                    Map<String, PlannedResource> replaced) {
        if (forced.contains(resource.urn())) {
            return new PropertyChange("[replace]", null, "forced", true);
        }
        var provider = resource.provider().contains("::") ? resource.provider().substring(0, resource.provider().lastIndexOf("::")) : "";
        if (replaced.containsKey(provider)) {
            return new PropertyChange("[provider]", provider, "replaced", true);
        }
        for (var dependency : resource.propertyDependencies().entrySet()) {
            var property = dependency.getKey();
            for (var urn : dependency.getValue()) {
                var source = replaced.get(urn);
                if (source == null) {
                    continue;
                }
                boolean forcing = ReplaceRules.replaces(resource.type(), property, resource.replaceOnChanges());
                boolean masked = String.valueOf(resource.inputs().get(property)).contains("[secret]");
                if (forcing && (source.deleteBeforeReplace() || masked)) {
                    return new PropertyChange(property, "from " + source.name(), "from its replacement", true);
                }
            }
        }
        return null;
    }

    private static PlanDiff plain(Plan before, Plan after) {
        var previous = new TreeMap<String, PlannedResource>();
        if (before != null) {
            before.resources().forEach(r -> previous.put(r.urn(), r));
        }
        var changes = new ArrayList<Change>();
        for (var resource : after.resources()) {
            var old = previous.remove(resource.urn());
            // As the engine does: a resource registered under one of its aliases before is the same resource, moved.
            for (var alias : resource.aliases()) {
                old = old != null ? old : previous.remove(alias);
            }
            if (resource.read()) {
                changes.add(new Change(resource, Op.READ, List.of()));
            } else if (old == null) {
                var adopted = resource.importId() != null && !resource.importId().isEmpty();
                changes.add(new Change(resource, adopted ? Op.IMPORT : Op.CREATE, List.of()));
            } else {
                var properties = properties(old, resource);
                var op = properties.isEmpty() ? Op.SAME
                        : properties.stream().anyMatch(PropertyChange::replaces) ? Op.REPLACE : Op.UPDATE;
                changes.add(new Change(resource, op, properties));
            }
        }
        previous.values().stream().filter(r -> !r.read()).forEach(r -> changes.add(new Change(r, Op.DELETE, List.of())));
        return new PlanDiff(List.copyOf(changes));
    }

    public Map<Op, Integer> counts() {
        var counts = new EnumMap<Op, Integer>(Op.class);
        for (var op : Op.values()) {
            counts.put(op, 0);
        }
        changes.forEach(change -> counts.merge(change.op(), 1, Integer::sum));
        return counts;
    }

    public boolean hasChanges() {
        return changes.stream().anyMatch(c -> c.op() != Op.SAME && c.op() != Op.READ);
    }

    /** {@code N to create, N to update, N to replace, N to delete, N unchanged}. */
    public String summary() {
        var c = counts();
        var imports = c.get(Op.IMPORT) > 0 ? ", " + c.get(Op.IMPORT) + " to import" : "";
        return c.get(Op.CREATE) + " to create, " + c.get(Op.UPDATE) + " to update, " + c.get(Op.REPLACE) + " to replace, "
                + c.get(Op.DELETE) + " to delete, " + c.get(Op.SAME) + " unchanged" + imports;
    }

    /** Protected resources that this diff would delete or replace: the losses a reviewer must see. */
    public List<Change> protectedLosses() {
        return changes.stream()
                .filter(c -> (c.op() == Op.DELETE || c.op() == Op.REPLACE) && c.resource().protect())
                .toList();
    }

    private static List<PropertyChange> properties(PlannedResource before, PlannedResource after) {
        var old = flatten(before.inputs());
        var now = flatten(after.inputs());
        old.put("[protect]", before.protect());
        now.put("[protect]", after.protect());
        old.put("[retainOnDelete]", before.retainOnDelete());
        now.put("[retainOnDelete]", after.retainOnDelete());
        var paths = new TreeSet<>(old.keySet());
        paths.addAll(now.keySet());
        var changed = new ArrayList<PropertyChange>();
        for (var path : paths) {
            var a = old.get(path);
            var b = now.get(path);
            if (!Objects.equals(normal(a), normal(b))) {
                changed.add(new PropertyChange(path, a, b,
                        !path.startsWith("[") && ReplaceRules.replaces(after.type(), path, after.replaceOnChanges())));
            }
        }
        return changed;
    }

    /** Nested maps and lists as {@code a.b[0].c} paths to leaf values. */
    static Map<String, Object> flatten(Map<String, Object> values) {
        var flat = new TreeMap<String, Object>();
        values.forEach((key, value) -> flatten(key, value, flat));
        return flat;
    }

    private static void flatten(String path, Object value, Map<String, Object> flat) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> flatten(path + "." + k, v, flat));
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), flat);
            }
        } else {
            flat.put(path, value);
        }
    }

    /** Numbers compare by value whatever their Java type after a JSON round trip. */
    private static Object normal(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) ? (Object) (long) d : (Object) d;
        }
        return value;
    }
}
