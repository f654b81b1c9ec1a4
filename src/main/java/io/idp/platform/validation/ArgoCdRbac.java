package io.idp.platform.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Argo CD's RBAC settings (configs.rbac of the argo-cd chart) parsed as Argo CD's Casbin model reads
 * them, and held to the platform's rule: the admins' team is admin, the developers' team may see and
 * sync applications and read logs, and nobody else has any access (no default role).
 */
public final class ArgoCdRbac {
    static final Set<String> RESOURCES = Set.of("applications", "applicationsets", "clusters", "projects", "repositories",
            "accounts", "certificates", "gpgkeys", "logs", "exec", "extensions");
    static final Set<String> ACTIONS = Set.of("get", "create", "update", "delete", "sync", "override", "action", "invoke", "*");

    /** One {@code p} line: role, resource, action, object, effect. */
    public record Permission(String subject, String resource, String action, String object, String effect) {
    }

    /** The parsed policy: permissions, group-to-role assignments, the default role, the scopes. */
    public record Policy(List<Permission> permissions, Map<String, List<String>> groupRoles, String defaultRole, String scopes,
                         List<String> problems) {
    }

    private ArgoCdRbac() {
    }

    @SuppressWarnings("unchecked")
    public static Policy parse(Map<String, Object> chartValues) {
        var configs = chartValues.get("configs") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.<String, Object>of();
        var rbac = configs.get("rbac") instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.<String, Object>of();
        var problems = new ArrayList<String>();
        var permissions = new ArrayList<Permission>();
        var groups = new TreeMap<String, List<String>>();
        var csv = rbac.get("policy.csv") == null ? "" : String.valueOf(rbac.get("policy.csv"));
        var lines = csv.split("\n");
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            var fields = line.split("\\s*,\\s*");
            var at = "configs.rbac.policy.csv line " + (i + 1) + " (" + line + "): ";
            switch (fields[0]) {
                case "p" -> {
                    if (fields.length != 6) {
                        problems.add(at + "a permission has 6 fields: p, subject, resource, action, object, effect");
                    } else if (!RESOURCES.contains(fields[2])) {
                        problems.add(at + "unknown resource " + fields[2] + " (Argo CD's: " + new java.util.TreeSet<>(RESOURCES) + ")");
                    } else if (!ACTIONS.contains(fields[3]) && !fields[3].startsWith("action/")) {
                        problems.add(at + "unknown action " + fields[3]);
                    } else if (!Set.of("allow", "deny").contains(fields[5])) {
                        problems.add(at + "effect must be allow or deny");
                    } else {
                        permissions.add(new Permission(fields[1], fields[2], fields[3], fields[4], fields[5]));
                    }
                }
                case "g" -> {
                    if (fields.length != 3) {
                        problems.add(at + "a role assignment has 3 fields: g, group, role");
                    } else {
                        groups.computeIfAbsent(fields[1], k -> new ArrayList<>()).add(fields[2]);
                    }
                }
                default -> problems.add(at + "a policy line starts with p or g");
            }
        }
        return new Policy(List.copyOf(permissions), new LinkedHashMap<>(groups),
                rbac.get("policy.default") == null ? "" : String.valueOf(rbac.get("policy.default")),
                rbac.get("scopes") == null ? "" : String.valueOf(rbac.get("scopes")), List.copyOf(problems));
    }

    /** Problems with the policy against the platform's rule for these two GitHub teams (org:team). */
    public static List<String> check(Policy policy, String adminsGroup, String developersGroup) {
        var problems = new ArrayList<>(policy.problems());
        if (!policy.defaultRole().isEmpty()) {
            problems.add("configs.rbac.policy.default is " + policy.defaultRole() + ": anyone signed in would get it; it must be empty");
        }
        if (!policy.scopes().contains("groups")) {
            problems.add("configs.rbac.scopes is " + policy.scopes() + ": teams are read from the groups claim, so it must be [groups]");
        }
        var expected = Map.of(adminsGroup, List.of("role:admin"), developersGroup, List.of("role:developer"));
        if (!policy.groupRoles().equals(expected)) {
            problems.add("configs.rbac.policy.csv assigns " + policy.groupRoles() + "; expected exactly " + new TreeMap<>(expected));
        }
        for (var permission : policy.permissions()) {
            if (!permission.subject().equals("role:developer")) {
                problems.add("configs.rbac.policy.csv grants " + permission + " to " + permission.subject()
                        + "; only role:developer has permissions of its own (role:admin is built in)");
            } else if (!permission.effect().equals("allow") || !Set.of("applications", "logs").contains(permission.resource())
                    || !Set.of("get", "sync").contains(permission.action())) {
                problems.add("configs.rbac.policy.csv grants developers " + permission.resource() + " " + permission.action()
                        + "; developers may only get and sync applications and get logs");
            }
        }
        return problems;
    }
}
