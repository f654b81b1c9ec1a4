package io.idp.platform.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import io.idp.platform.config.ConfigError;
import io.idp.platform.config.ConfigKeys;
import io.idp.platform.config.RawConfig;
import io.idp.platform.config.Validators;
import io.idp.platform.gitops.GitopsLayout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one stack file cannot know alone: every stack file of the project is read, and a stack is
 * refused if it would collide with another (a cluster name, and with it the gitops directory, DNS
 * name and cloud resource names; a management stack's gitops repository) or if it builds on a
 * management stack that is not there or lacks its environments. Broken sibling files are skipped:
 * they fail when they are checked themselves.
 */
final class CrossStackChecks {
    private static final List<String> DEFAULT_ENVIRONMENTS = List.of("development", "staging", "production");

    /** A sibling stack as its file states it. */
    record Sibling(String stack, RawConfig raw) {
        Optional<String> get(String key) {
            return raw.get(key).filter(v -> !v.isBlank());
        }

        boolean management() {
            return "management".equals(get(ConfigKeys.ROLE.name()).orElse(null));
        }

        String gitopsRepository() {
            return get(ConfigKeys.GITHUB_OWNER.name()).orElse("") + "/" + get(ConfigKeys.GITOPS_REPO.name())
                    .orElse(ConfigKeys.GITOPS_REPO.defaultValue());
        }
    }

    private final Path projectDir;
    private final String project;

    CrossStackChecks(Path projectDir, String project) {
        this.projectDir = projectDir;
        this.project = project;
    }

    List<ConfigError> check(String stack, RawConfig raw) {
        var self = new Sibling(stack, raw);
        var others = siblings(stack);
        var errors = new ArrayList<ConfigError>();
        clusterName(self, others, errors);
        repositories(self, others, errors);
        if ("workload".equals(self.get(ConfigKeys.ROLE.name()).orElse(null))) {
            managementStack(self, others, errors);
        }
        return errors;
    }

    private Map<String, Sibling> siblings(String stack) {
        var siblings = new LinkedHashMap<String, Sibling>();
        for (var other : new StackDirectory(projectDir).stacks()) {
            if (other.equals(stack)) {
                continue;
            }
            try {
                siblings.put(other, new Sibling(other, StackFile.readChecked(projectDir, other).raw()));
            } catch (PlanException ignored) {
                // a sibling that does not parse is reported when that stack is checked
            }
        }
        return siblings;
    }

    private static void clusterName(Sibling self, Map<String, Sibling> others, List<ConfigError> errors) {
        var key = ConfigKeys.CLUSTER_NAME.name();
        var name = self.get(key).filter(n -> Validators.CLUSTER_NAME.matcher(n).matches());
        if (name.isEmpty()) {
            return;
        }
        var taken = others.values().stream().map(o -> o.get(key).orElse(null)).filter(n -> n != null).sorted().toList();
        others.values().stream().filter(o -> name.get().equals(o.get(key).orElse(null))).findFirst().ifPresent(owner -> {
            var free = Validators.CLUSTER_NAME.matcher(self.stack()).matches() && !taken.contains(self.stack())
                    ? self.stack() : name.get() + "-2";
            errors.add(new ConfigError(key, name.get(), "is already the cluster name of stack " + owner.stack() + " (Pulumi."
                    + owner.stack() + ".yaml" + (owner.management() ? ", the management cluster" : "") + "); the two stacks would "
                    + "overwrite each other's " + GitopsLayout.clusterDirectory(name.get()) + " in the gitops repository, "
                    + "DNS name and cloud resources", "a cluster name no other stack uses (taken: " + String.join(", ", taken) + ")",
                    key + ": " + free));
        });
    }

    private static void repositories(Sibling self, Map<String, Sibling> others, List<ConfigError> errors) {
        if (!self.management()) {
            return;
        }
        var gitopsKey = ConfigKeys.GITOPS_REPO.name();
        var gitops = self.get(gitopsKey).orElse(ConfigKeys.GITOPS_REPO.defaultValue());
        var platform = self.get(ConfigKeys.PLATFORM_REPO.name()).orElse(ConfigKeys.PLATFORM_REPO.defaultValue());
        if (gitops.equalsIgnoreCase(platform)) {
            errors.add(new ConfigError(gitopsKey, gitops, "names the same repository as platform:platformRepo (GitHub names ignore case); "
                    + "the generated gitops repository would take over this program's repository",
                    "a repository name other than platform:platformRepo (" + platform + ")",
                    gitopsKey + ": " + (platform.equalsIgnoreCase("gitops") ? "gitops-config" : "gitops")));
        }
        var applications = self.get(ConfigKeys.APPLICATIONS.name()).map(CrossStackChecks::list).orElse(List.of());
        for (var application : applications) {
            if (application.equalsIgnoreCase(gitops) || application.equalsIgnoreCase(platform)) {
                errors.add(new ConfigError(ConfigKeys.APPLICATIONS.name(), application,
                        "names the gitops or platform repository; each application gets a repository of its own name",
                        "application names other than " + gitops + " and " + platform, ConfigKeys.APPLICATIONS.exampleLine()));
            }
        }
        others.values().stream().filter(Sibling::management)
                .filter(o -> o.gitopsRepository().equalsIgnoreCase(self.gitopsRepository())).findFirst().ifPresent(owner ->
                        errors.add(new ConfigError(gitopsKey, gitops, "is already the gitops repository of management stack "
                                + owner.stack() + " (" + owner.gitopsRepository() + "); both platforms would write its registry/ "
                                + "and environments/ paths", "a gitops repository no other management stack uses",
                                gitopsKey + ": gitops-" + self.stack())));
    }

    private void managementStack(Sibling self, Map<String, Sibling> others, List<ConfigError> errors) {
        var key = ConfigKeys.MANAGEMENT_STACK.name();
        var reference = self.get(key).filter(r -> Validators.STACK_REFERENCE.matcher(r).matches());
        if (reference.isEmpty()) {
            return;
        }
        var managementStacks = others.values().stream().filter(Sibling::management).map(Sibling::stack).sorted().toList();
        var allowed = managementStacks.isEmpty() ? "the name of a management stack of this project (there is none yet)"
                : "a management stack of this project: " + String.join(", ", managementStacks);
        var example = key + ": " + (managementStacks.isEmpty() ? "mgmt" : managementStacks.get(0));
        var parts = reference.get().split("/");
        if (parts.length == 3 && project != null && !parts[1].equals(project)) {
            errors.add(new ConfigError(key, reference.get(), "names project " + parts[1] + ", but this project is " + project
                    + " (Pulumi.yaml)", allowed + ", optionally as <organisation>/" + project + "/<stack>", example));
            return;
        }
        var name = parts[parts.length - 1];
        var management = others.get(name);
        if (management == null) {
            errors.add(new ConfigError(key, reference.get(), "names no stack of this project: there is no Pulumi." + name + ".yaml",
                    allowed, example));
            return;
        }
        if (!management.management()) {
            errors.add(new ConfigError(key, reference.get(), "is a " + management.get(ConfigKeys.ROLE.name()).orElse("(no role)")
                    + " stack, not a management stack", allowed, example));
            return;
        }
        var known = management.get(ConfigKeys.ENVIRONMENTS.name()).map(CrossStackChecks::list).orElse(DEFAULT_ENVIRONMENTS);
        var envKey = ConfigKeys.ENVIRONMENTS.name();
        self.get(envKey).map(CrossStackChecks::list).orElse(List.of()).stream()
                .filter(env -> Validators.ENVIRONMENT.matcher(env).matches() && !known.contains(env))
                .forEach(env -> errors.add(new ConfigError(envKey, env, "is not an environment of the platform: management stack "
                        + name + " has " + String.join(", ", known), "environments of management stack " + name + ": "
                        + String.join(", ", known), envKey + ": [" + known.get(0) + "]")));
    }

    /** A list value as the stack file gave it; anything else reads as empty (PlatformConfig reports it). */
    private static List<String> list(String json) {
        try {
            var element = JsonParser.parseString(json);
            if (element instanceof JsonArray array) {
                var items = new ArrayList<String>();
                array.forEach(item -> items.add(item.isJsonPrimitive() ? item.getAsString() : item.toString()));
                return items;
            }
        } catch (RuntimeException ignored) {
            // not a list: reported by PlatformConfig
        }
        return List.of();
    }
}
