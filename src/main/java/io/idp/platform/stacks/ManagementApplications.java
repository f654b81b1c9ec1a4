package io.idp.platform.stacks;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The platform's applications ({@code platform:applications}), read by a workload stack from the
 * management stack's file in the same project: developers' access entries name the applications'
 * namespaces on this cluster, and EKS access scopes take whole namespace names only. Read leniently,
 * as {@link WorkloadClusters} reads: the management stack's own checks report a broken file.
 */
final class ManagementApplications {
    private ManagementApplications() {
    }

    /** @param managementStack {@code platform:managementStack}: a stack name, or org/project/stack */
    static List<String> read(Path projectDir, String managementStack) {
        var stack = managementStack.substring(managementStack.lastIndexOf('/') + 1);
        try {
            Object root = new Yaml(new LoaderOptions()).load(Files.readString(projectDir.resolve("Pulumi." + stack + ".yaml")));
            if (root instanceof Map<?, ?> top && top.get("config") instanceof Map<?, ?> config
                    && config.get("platform:applications") instanceof List<?> apps) {
                return apps.stream().map(String::valueOf).toList();
            }
            return List.of();
        } catch (IOException | YAMLException e) {
            // No management stack file here: no application namespaces to give developers edit in.
            return List.of();
        }
    }
}
