package io.idp.platform.stacks;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.idp.platform.local.PlanException;
import io.idp.platform.local.StackFile;

import java.nio.file.Path;
import java.util.List;

/**
 * The platform's applications ({@code platform:applications}), read by a workload stack from the
 * management stack's file in the same project: developers' access entries name the applications'
 * namespaces on this cluster, and EKS access scopes take whole namespace names only.
 */
final class ManagementApplications {
    private ManagementApplications() {
    }

    /** @param managementStack {@code platform:managementStack}: a stack name, or org/project/stack */
    static List<String> read(Path projectDir, String managementStack) {
        var stack = managementStack.substring(managementStack.lastIndexOf('/') + 1);
        try {
            var json = StackFile.read(projectDir, stack).get("platform:applications").orElse("[]");
            var items = new Gson().fromJson(json, String[].class);
            return items == null ? List.of() : List.of(items);
        } catch (PlanException | JsonParseException e) {
            // No management stack file here: no application namespaces to give developers edit in.
            return List.of();
        }
    }
}
