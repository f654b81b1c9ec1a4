package io.idp.platform.config;

import java.util.stream.Collectors;

/** The configuration keys as a Markdown table: what docs/configuration.md carries and a test compares. */
public final class ConfigKeysTable {
    private ConfigKeysTable() {
    }

    public static String markdown() {
        var table = new StringBuilder()
                .append("| key | stacks | required | default | allowed | example | what it does |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (var key : ConfigKeys.all()) {
            table.append("| `").append(key.name()).append("` | ")
                    .append(key.roles().stream().map(Role::configValue).collect(Collectors.joining(", "))).append(" | ")
                    .append(key.required() ? (key.secret() ? "yes, secret" : "yes") : "no").append(" | ")
                    .append(key.defaultValue() == null ? "" : "`" + key.defaultValue() + "`").append(" | ")
                    .append(cell(key.allowed())).append(" | ")
                    .append("`").append(key.secret() ? key.example() : key.exampleLine()).append("` | ")
                    .append(cell(key.description())).append(" |\n");
        }
        return table.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
