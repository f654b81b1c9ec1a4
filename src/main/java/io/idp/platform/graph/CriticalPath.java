package io.idp.platform.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The least time {@code pulumi up} can take: the longest chain of creations through the graph, each
 * taking its typical time, against the serial sum of all of them. Pure.
 */
public record CriticalPath(List<Step> path, int minimumSeconds, int serialSeconds) {

    /** One resource on the path, with when it can start and finish at the earliest. */
    public record Step(String urn, String type, String name, int startSeconds, int finishSeconds) {
    }

    public static CriticalPath of(ResourceGraph graph) {
        var finish = new HashMap<String, Integer>();
        var previous = new HashMap<String, String>();
        int serial = 0;
        for (var node : graph.nodes()) {
            serial += ProvisioningTimes.seconds(node.type());
        }
        String last = null;
        for (var node : graph.nodes()) {
            finish(node.urn(), graph, finish, previous, new java.util.HashSet<>());
            if (last == null || finish.get(node.urn()) > finish.get(last)) {
                last = node.urn();
            }
        }
        var path = new ArrayList<Step>();
        for (var urn = last; urn != null; urn = previous.get(urn)) {
            var r = graph.resource(urn);
            int end = finish.get(urn);
            path.add(0, new Step(urn, r.type(), r.name(), end - ProvisioningTimes.seconds(r.type()), end));
        }
        return new CriticalPath(path, last == null ? 0 : finish.get(last), serial);
    }

    private static int finish(String urn, ResourceGraph graph, Map<String, Integer> finish, Map<String, String> previous,
                              java.util.Set<String> visiting) {
        var known = finish.get(urn);
        if (known != null) {
            return known;
        }
        if (!visiting.add(urn)) {
            throw new IllegalStateException("the plan's dependencies form a cycle through " + urn);
        }
        int start = 0;
        String after = null;
        for (var dependency : graph.dependencies(urn)) {
            int end = finish(dependency, graph, finish, previous, visiting);
            if (end > start) {
                start = end;
                after = dependency;
            }
        }
        int end = start + ProvisioningTimes.seconds(graph.resource(urn).type());
        finish.put(urn, end);
        if (after != null) {
            previous.put(urn, after);
        }
        visiting.remove(urn);
        return end;
    }

    public String format() {
        return format(Integer.MAX_VALUE);
    }

    /** The table laid out for a terminal of {@code width} columns: long types and names are shortened in the middle. */
    public String format(int width) {
        var heading = "critical path (estimated minimum pulumi up: " + minutes(minimumSeconds)
                + "; all creations one after another: " + minutes(serialSeconds) + "):";
        var text = new StringBuilder();
        if (heading.length() > width) {
            int cut = heading.lastIndexOf(' ', width);
            text.append(heading, 0, cut).append("\n  ").append(heading.substring(cut + 1)).append('\n');
        } else {
            text.append(heading).append('\n');
        }
        int typeWidth = Math.max(4, path.stream().mapToInt(s -> s.type().length()).max().orElse(4));
        int nameWidth = path.stream().mapToInt(s -> s.name().length()).max().orElse(4);
        // "  " + 6 for the time + "  " + type + " " + name
        int room = width == Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(30, width - 11);
        if (typeWidth + nameWidth > room) {
            int name = Math.min(nameWidth, Math.max(room * 2 / 5, room - typeWidth));
            typeWidth = Math.min(typeWidth, room - name);
            nameWidth = room - typeWidth;
        }
        for (var step : path) {
            var line = String.format("  %6s  %-" + typeWidth + "s %s", minutes(step.finishSeconds()), middle(step.type(), typeWidth),
                    middle(step.name(), nameWidth));
            text.append(line.stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static String middle(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        int head = (width - 1) / 2;
        return text.substring(0, head) + "…" + text.substring(text.length() - (width - 1 - head));
    }

    static String minutes(int seconds) {
        return seconds / 60 + "m" + String.format("%02d", seconds % 60) + "s";
    }
}
