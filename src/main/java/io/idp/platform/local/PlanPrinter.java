package io.idp.platform.local;

import io.idp.platform.local.PlanDiff.Change;
import io.idp.platform.local.PlanDiff.Op;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a plan diff as {@code pulumi preview} does: resources nested under their parents with a
 * marker per operation, changed properties under changed resources, then the summary line.
 */
public final class PlanPrinter {
    private static final String RESET = "\u001b[0m";
    private static final Map<Op, String> COLOURS = Map.of(
            Op.CREATE, "\u001b[32m", Op.UPDATE, "\u001b[33m", Op.REPLACE, "\u001b[35m", Op.DELETE, "\u001b[31m",
            Op.READ, "\u001b[36m", Op.IMPORT, "\u001b[34m", Op.SAME, "");

    private final boolean colour;

    public PlanPrinter(boolean colour) {
        this.colour = colour;
    }

    /**
     * The tree of the plan. With an earlier plan, unchanged resources are shown only where they
     * hold a changed one, so a one-line change reads as one line.
     */
    public String render(PlanDiff diff, boolean firstPlan) {
        var shown = firstPlan ? allUrns(diff) : changedWithAncestors(diff);
        var children = new HashMap<String, List<Change>>();
        var byUrn = new HashMap<String, Change>();
        diff.changes().forEach(c -> byUrn.put(c.resource().urn(), c));
        var roots = new ArrayList<Change>();
        for (var change : diff.changes()) {
            if (!shown.contains(change.resource().urn())) {
                continue;
            }
            var parent = change.resource().parent();
            if (parent == null || parent.isEmpty() || !byUrn.containsKey(parent)) {
                roots.add(change);
            } else {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(change);
            }
        }
        var rows = new ArrayList<String[]>();
        var details = new HashMap<Integer, List<String>>();
        for (var root : sorted(roots)) {
            walk(root, "", "", children, rows, details);
        }
        // At least as wide as the headers, so short names still line up under them.
        int typeWidth = Math.max("Type".length(), rows.stream().mapToInt(r -> r[1].length()).max().orElse(0));
        int nameWidth = Math.max("Name".length(), rows.stream().mapToInt(r -> r[2].length()).max().orElse(0));
        var out = new StringBuilder();
        out.append(String.format("     %-" + typeWidth + "s  %-" + nameWidth + "s  %s%n", "Type", "Name", "Plan"));
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var op = Op.valueOf(row[3]);
            var line = String.format(" %s   %-" + typeWidth + "s  %-" + nameWidth + "s  %s", op.marker, row[1], row[2],
                    op == Op.SAME ? "" : op.word + row[4]);
            out.append(paint(op, line.stripTrailing())).append('\n');
            for (var detail : details.getOrDefault(i, List.of())) {
                out.append(paint(op, detail)).append('\n');
            }
        }
        return out.toString();
    }

    private void walk(Change change, String prefix, String childPrefix, Map<String, List<Change>> children,
                      List<String[]> rows, Map<Integer, List<String>> details) {
        var resource = change.resource();
        var note = resource.protect() && (change.op() == Op.DELETE || change.op() == Op.REPLACE) ? "  (protected)" : "";
        rows.add(new String[]{resource.urn(), prefix + resource.type(), resource.name(), change.op().name(), note});
        var lines = new ArrayList<String>();
        for (var property : change.properties()) {
            var indent = "         " + childPrefix + "    ";
            var marker = property.replaces() ? "± " : "~ ";
            var replaces = property.replaces() ? "  (forces replacement)" : "";
            if (isMultiLine(property.before()) || isMultiLine(property.after())) {
                lines.add(indent + marker + property.path() + ": text changed" + replaces);
                lineChanges(String.valueOf(property.before()), String.valueOf(property.after()))
                        .forEach(line -> lines.add(indent + "    " + line));
            } else {
                lines.add(indent + marker + property.path() + ": " + shown(property.before()) + " => " + shown(property.after()) + replaces);
            }
        }
        if (!lines.isEmpty()) {
            details.put(rows.size() - 1, lines);
        }
        var kids = sorted(children.getOrDefault(resource.urn(), List.of()));
        for (int i = 0; i < kids.size(); i++) {
            boolean last = i == kids.size() - 1;
            walk(kids.get(i), childPrefix + (last ? "└─ " : "├─ "), childPrefix + (last ? "   " : "│  "), children, rows, details);
        }
    }

    private static List<Change> sorted(List<Change> changes) {
        return changes.stream()
                .sorted(Comparator.comparing((Change c) -> c.resource().custom()).thenComparing(c -> c.resource().name())
                        .thenComparing(c -> c.resource().type()))
                .toList();
    }

    private static Set<String> allUrns(PlanDiff diff) {
        var urns = new HashSet<String>();
        diff.changes().forEach(c -> urns.add(c.resource().urn()));
        return urns;
    }

    private static Set<String> changedWithAncestors(PlanDiff diff) {
        var parents = new HashMap<String, String>();
        diff.changes().forEach(c -> parents.put(c.resource().urn(), c.resource().parent()));
        var urns = new HashSet<String>();
        for (var change : diff.changes()) {
            if (change.op() == Op.SAME || change.op() == Op.READ) {
                continue;
            }
            for (var urn = change.resource().urn(); urn != null && !urn.isEmpty() && urns.add(urn); urn = parents.get(urn)) {
                // add the resource and each ancestor once
            }
        }
        return urns;
    }

    private static boolean isMultiLine(Object value) {
        return value instanceof String s && s.contains("\n");
    }

    /** The lines only one side has, at most eight, as "- old" and "+ new". */
    static List<String> lineChanges(String before, String after) {
        var old = List.of(before.split("\n"));
        var now = List.of(after.split("\n"));
        var changes = new ArrayList<String>();
        old.stream().filter(l -> !now.contains(l)).forEach(l -> changes.add("- " + l));
        now.stream().filter(l -> !old.contains(l)).forEach(l -> changes.add("+ " + l));
        if (changes.size() > 8) {
            var more = changes.size() - 8;
            var shown = new ArrayList<>(changes.subList(0, 8));
            shown.add("... " + more + " more changed line(s)");
            return shown;
        }
        return changes;
    }

    private static String shown(Object value) {
        if (value == null) {
            return "(none)";
        }
        var text = value instanceof String s ? '"' + s + '"' : String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private String paint(Op op, String text) {
        var code = COLOURS.get(op);
        return colour && !code.isEmpty() ? code + text + RESET : text;
    }
}
