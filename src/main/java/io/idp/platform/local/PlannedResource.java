package io.idp.platform.local;

import java.util.List;
import java.util.Map;

/**
 * One resource registration as the engine received it, with the outputs the (simulated) provider
 * returned. Secret values are already masked as {@code [secret]}: nothing in this record may leak.
 *
 * @param read     true for resources the program only reads (stack references), never creates
 * @param provider the explicit provider reference, or {@code default_<package>_<version>}
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
        boolean deleteBeforeReplace) {
}
