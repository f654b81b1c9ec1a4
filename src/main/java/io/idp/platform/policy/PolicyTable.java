package io.idp.platform.policy;

import java.util.List;

/** The rules as a Markdown table: what docs/policies.md carries, {@code ./platform policies} prints and a test compares. */
public final class PolicyTable {
    private PolicyTable() {
    }

    public static String markdown(List<Rule> rules) {
        var table = new StringBuilder()
                .append("| id | severity | resource | rule | source | fix |\n")
                .append("|---|---|---|---|---|---|\n");
        for (var rule : rules) {
            table.append("| ").append(rule.id()).append(" | ").append(rule.severity().name().toLowerCase()).append(" | `")
                    .append(rule.resourceType()).append("` | ").append(rule.title()).append(" | ").append(rule.source()).append(" | ")
                    .append(rule.fix().replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }
}
