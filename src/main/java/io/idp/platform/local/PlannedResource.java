package io.idp.platform.local;

import java.util.List;
import java.util.Map;

/**
 * One resource registration as the engine received it, with the outputs the (simulated) provider
 * returned. Secret values are already masked as {@code [secret]}: nothing in this record may leak.
 *
 * @param read     true for resources the program only reads (stack references), never creates
 * @param provider the explicit provider reference, or {@code default_<package>_<version>}
 * @param importId the id of an existing resource the program adopts instead of creating, or empty
 * @param aliases  the URNs the engine takes as this resource's former identities (its own {@code aliases}
 *                 and those it inherits from its parent's), so state under one of them is moved, not replaced
 */
public record PlannedResource(
        String urn,
        String type,
        String name,
        String parent,
        boolean custom,
        boolean read,
        String provider,
        Map<String, Object> inputs,
        Map<String, Object> outputs,
        List<String> dependencies,
        Map<String, List<String>> propertyDependencies,
        boolean protect,
        boolean retainOnDelete,
        List<String> ignoreChanges,
        List<String> replaceOnChanges,
        boolean deleteBeforeReplace,
        String importId,
        List<String> aliases) {

    public PlannedResource {
        // Plan files written before aliases were recorded have none.
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A registration without aliases. */
    public PlannedResource(String urn, String type, String name, String parent, boolean custom, boolean read, String provider,
                           Map<String, Object> inputs, Map<String, Object> outputs, List<String> dependencies,
                           Map<String, List<String>> propertyDependencies, boolean protect, boolean retainOnDelete,
                           List<String> ignoreChanges, List<String> replaceOnChanges, boolean deleteBeforeReplace, String importId) {
        this(urn, type, name, parent, custom, read, provider, inputs, outputs, dependencies, propertyDependencies, protect,
                retainOnDelete, ignoreChanges, replaceOnChanges, deleteBeforeReplace, importId, List.of());
    }

    /** The same resource with other inputs (a refresh from what the provider holds). */
    public PlannedResource withInputs(Map<String, Object> newInputs) {
        return new PlannedResource(urn, type, name, parent, custom, read, provider, newInputs, outputs, dependencies,
                propertyDependencies, protect, retainOnDelete, ignoreChanges, replaceOnChanges, deleteBeforeReplace, importId, aliases);
    }

    /** The same resource with other outputs (a component's registered outputs). */
    public PlannedResource withOutputs(Map<String, Object> newOutputs) {
        return new PlannedResource(urn, type, name, parent, custom, read, provider, inputs, newOutputs, dependencies,
                propertyDependencies, protect, retainOnDelete, ignoreChanges, replaceOnChanges, deleteBeforeReplace, importId, aliases);
    }
}
