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

    /** The narrowest terminal the tree is laid out for; below it lines are cut rather than squeezed further. */
    static final int MIN_WIDTH = 60;
    private static final String MORE = "…";

    private final boolean colour;
    private final int width;

    /** A printer without a width limit (a file, a test that wants whole lines). */
    public PlanPrinter(boolean colour) {
        this(colour, Integer.MAX_VALUE);
    }

    /** A printer whose every line fits {@code width} columns: long types and names are shortened in the middle. */
    public PlanPrinter(boolean colour, int width) {
        this.colour = colour;
        this.width = Math.max(MIN_WIDTH, width);
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
        int typeWidth = Math.max(4, rows.stream().mapToInt(r -> r[1].length()).max().orElse(4));
        int nameWidth = Math.max(4, rows.stream().mapToInt(r -> r[2].length()).max().orElse(4));
        int planWidth = rows.stream().mapToInt(r -> planCell(r).length()).max().orElse(4);
        // " + " marker and gaps take 9 columns; the plan column is never cut, type and name share the rest.
        int room = width - 9 - planWidth;
        if (typeWidth + nameWidth > room) {
            // Narrow: types in their short form (aws:iam:Role), as the module path repeats the type's name.
            rows.forEach(r -> r[1] = compactType(r[1]));
            typeWidth = Math.max(4, rows.stream().mapToInt(r -> r[1].length()).max().orElse(4));
        }
        if (typeWidth + nameWidth > room) {
            int name = Math.min(nameWidth, Math.max(room / 2, room - typeWidth));
            typeWidth = Math.min(typeWidth, room - name);
            nameWidth = room - typeWidth;
        }
        var out = new StringBuilder();
        out.append(String.format("     %-" + typeWidth + "s  %-" + nameWidth + "s  %s%n", "Type", "Name", "Plan"));
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var op = Op.valueOf(row[3]);
            var line = String.format(" %s   %-" + typeWidth + "s  %-" + nameWidth + "s  %s", op.marker,
                    shortenType(row[1], typeWidth), shortenMiddle(row[2], nameWidth), planCell(row));
            out.append(paint(op, line.stripTrailing())).append('\n');
            for (var detail : details.getOrDefault(i, List.of())) {
                out.append(paint(op, fit(detail))).append('\n');
            }
        }
        return out.toString();
    }

    private static String planCell(String[] row) {
        var op = Op.valueOf(row[3]);
        return op == Op.SAME ? "" : op.word + row[4];
    }

    /** A line cut to the width, marked where it was cut. */
    public String fit(String line) {
        return line.length() <= width ? line : line.substring(0, width - 1) + MORE;
    }

    /**
     * A type token without its module path's repetition: {@code aws:iam/rolePolicy:RolePolicy} reads
     * {@code aws:iam:RolePolicy}, {@code github:index/repository:Repository} reads {@code github:Repository}.
     */
    static String compactType(String cell) {
        int tree = treeWidth(cell);
        var parts = cell.substring(tree).split(":");
        if (parts.length != 3 || !parts[1].contains("/")) {
            return cell;
        }
        var module = parts[1].substring(0, parts[1].indexOf('/'));
        return cell.substring(0, tree) + parts[0] + (module.equals("index") ? "" : ":" + module) + ":" + parts[2];
    }

    /** The tree prefix stays; a type too long keeps its end, which names the kind of resource. */
    static String shortenType(String cell, int width) {
        if (cell.length() <= width) {
            return cell;
        }
        int tree = treeWidth(cell);
        var prefix = cell.substring(0, Math.min(tree, Math.max(0, width - 8)));
        int keep = width - prefix.length() - 1;
        return prefix + MORE + cell.substring(cell.length() - keep);
    }

    /** How many leading columns of a type cell draw the tree (│ ├ └ ─ and spaces). */
    static int treeWidth(String cell) {
        int tree = 0;
        while (tree < cell.length() && "│├└─ ".indexOf(cell.charAt(tree)) >= 0) {
            tree++;
        }
        return tree;
    }

    /** A name too long keeps its start and end, where names differ. */
    static String shortenMiddle(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        int head = (width - 1) / 2;
        return text.substring(0, head) + MORE + text.substring(text.length() - (width - 1 - head));
    }

    private void walk(Change change, String prefix, String childPrefix, Map<String, List<Change>> children,
                      List<String[]> rows, Map<Integer, List<String>> details) {
        var resource = change.resource();
        var note = resource.protect() && (change.op() == Op.DELETE || change.op() == Op.REPLACE) ? "  (protected)" : "";
        rows.add(new String[]{resource.urn(), prefix + resource.type(), resource.name(), change.op().name(), note});
        var lines = new ArrayList<String>();
        for (var property : change.properties()) {
            var indent = "     " + childPrefix + "   ";
            var marker = property.replaces() ? "± " : "~ ";
            var replaces = property.replaces() ? "  (forces replacement)" : "";
            if (isMultiLine(property.before()) || isMultiLine(property.after())) {
                lines.add(indent + marker + property.path() + ": text changed" + replaces);
                lineChanges(String.valueOf(property.before()), String.valueOf(property.after()))
                        .forEach(line -> lines.add(indent + "    " + line));
            } else if (asMap(property.before()) != null && asMap(property.after()) != null) {
                mapChanges(property.path(), asMap(property.before()), asMap(property.after()))
                        .forEach(c -> lines.add(change(indent + marker, c, replaces)));
            } else {
                lines.add(change(indent + marker, new String[]{property.path(), shown(property.before()), shown(property.after())}, replaces));
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

    /** A map, or a provider input that is a map in JSON (providers take their inputs as JSON text); else null. */
    static Map<?, ?> asMap(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        if (value instanceof String text && text.startsWith("{")) {
            try {
                return new com.google.gson.Gson().fromJson(text, Map.class);
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** One property change as a line; values are shortened in the middle so the line fits and its end stays readable. */
    private String change(String head, String[] change, String tail) {
        var whole = head + change[0] + ": " + change[1] + " => " + change[2] + tail;
        if (whole.length() <= width) {
            return whole;
        }
        int each = Math.max(9, (width - head.length() - change[0].length() - 6 - tail.length()) / 2);
        return fit(head + change[0] + ": " + shortenMiddle(change[1], each) + " => " + shortenMiddle(change[2], each) + tail);
    }

    /** The keys of a map that changed (tags, labels), each as its own change, nested maps by dotted path. */
    static List<String[]> mapChanges(String path, Map<?, ?> before, Map<?, ?> after) {
        var keys = new java.util.TreeSet<String>();
        before.keySet().forEach(k -> keys.add(String.valueOf(k)));
        after.keySet().forEach(k -> keys.add(String.valueOf(k)));
        var lines = new ArrayList<String[]>();
        for (var key : keys) {
            var old = before.get(key);
            var now = after.get(key);
            if (java.util.Objects.equals(old, now)) {
                continue;
            }
            if (old instanceof Map<?, ?> oldMap && now instanceof Map<?, ?> newMap) {
                lines.addAll(mapChanges(path + "." + key, oldMap, newMap));
            } else {
                lines.add(new String[]{path + "." + key, shown(old), shown(now)});
            }
        }
        return lines;
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
        return text.length() > 200 ? text.substring(0, 150) + "… (" + text.length() + " characters)" : text;
    }

    private String paint(Op op, String text) {
        var code = COLOURS.get(op);
        return colour && !code.isEmpty() ? code + text + RESET : text;
    }
}
