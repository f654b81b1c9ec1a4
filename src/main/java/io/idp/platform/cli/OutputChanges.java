package io.idp.platform.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The stack outputs as a plan prints them: all of them on a first plan, only those that changed on a
 * re-plan, each value shortened so a certificate or kubeconfig blob never fills the screen.
 */
final class OutputChanges {
    /** Longest value shown whole however wide the terminal: longer ones show their start and their length. */
    static final int MAX_VALUE = 200;

    private OutputChanges() {
    }

    /** The lines, each at most {@code width} columns once indented by four. */
    static List<String> lines(Map<String, Object> before, Map<String, Object> after, int width) {
        var lines = new ArrayList<String>();
        if (before == null) {
            after.forEach((name, value) -> lines.add(name + ": " + shown(value, width - 6 - name.length())));
            return lines;
        }
        var names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (var name : names) {
            var old = before.get(name);
            var now = after.get(name);
            if (Objects.equals(String.valueOf(old), String.valueOf(now))) {
                continue;
            }
            if (!before.containsKey(name)) {
                lines.add("+ " + name + ": " + shown(now, width - 8 - name.length()));
            } else if (!after.containsKey(name)) {
                lines.add("- " + name + ": " + shown(old, width - 8 - name.length()));
            } else {
                int each = (width - 12 - name.length()) / 2;
                lines.add("~ " + name + ": " + shown(old, each) + " => " + shown(now, each));
            }
        }
        return lines;
    }

    /** The value whole if it fits {@code room} columns (and 200), else its start and its length. */
    static String shown(Object value, int room) {
        var text = String.valueOf(value).replace("\n", "\\n");
        int limit = Math.max(24, Math.min(room, MAX_VALUE));
        if (text.length() <= limit) {
            return text;
        }
        var suffix = "… (" + text.length() + " characters)";
        return text.substring(0, Math.max(4, limit - suffix.length())) + suffix;
    }
}
