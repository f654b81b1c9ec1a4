package io.idp.platform.local;

import pulumirpc.AliasOuterClass.Alias;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The alias URNs the engine computes for a registration, by its rules: each alias the program sends
 * (a URN, or a spec whose empty fields mean "as the resource is now", {@code noParent} or a root-stack
 * parent meaning "at the root"), then every alias inherited from the parent's aliases: the child's
 * type under the parent's former qualified type, its name re-prefixed when it starts with the
 * parent's name. The Java SDK (1.36.1) sends {@code aliases} and leaves the inheritance to the engine.
 */
public final class EngineAliases {
    private final String stack;
    private final String project;
    private final Map<String, List<String>> byUrn = new ConcurrentHashMap<>();

    public EngineAliases(String stack, String project) {
        this.stack = stack;
        this.project = project;
    }

    /** The aliases of a resource registered now; remembered, since its children inherit them. */
    public List<String> of(String urn, String parent, String type, String name, List<Alias> aliases) {
        var result = new LinkedHashSet<String>();
        var own = aliases.stream().map(alias -> collapse(alias, parent, type, name)).toList();
        result.addAll(own);
        if (parent != null && !parent.isEmpty()) {
            var parentName = nameOf(parent);
            for (var parentAlias : byUrn.getOrDefault(parent, List.of())) {
                result.add(inherited(type, name, parentName, parentAlias));
                for (var alias : own) {
                    result.add(inherited(typeOf(alias), nameOf(alias), parentName, parentAlias));
                }
            }
        }
        result.remove(urn);
        var list = List.copyOf(new ArrayList<>(result));
        if (!list.isEmpty()) {
            byUrn.put(urn, list);
        }
        return list;
    }

    private String collapse(Alias alias, String parent, String type, String name) {
        if (alias.getAliasCase() == Alias.AliasCase.URN) {
            return alias.getUrn();
        }
        var spec = alias.getSpec();
        var aliasParent = spec.getParentCase() == Alias.Spec.ParentCase.PARENTURN ? spec.getParentUrn() : parent;
        if (spec.getNoParent()) {
            aliasParent = "";
        }
        return EngineUrn.of(
                spec.getStack().isEmpty() ? stack : spec.getStack(),
                spec.getProject().isEmpty() ? project : spec.getProject(),
                aliasParent,
                spec.getType().isEmpty() ? type : spec.getType(),
                spec.getName().isEmpty() ? name : spec.getName());
    }

    /** The engine's rule for a child of an aliased parent ("{parent}-x" children follow a renamed parent). */
    private static String inherited(String childType, String childName, String parentName, String parentAlias) {
        var aliasName = childName.startsWith(parentName) ? nameOf(parentAlias) + childName.substring(parentName.length()) : childName;
        var parts = parentAlias.substring(EngineUrn.PREFIX.length()).split(EngineUrn.DELIMITER, 4);
        return EngineUrn.PREFIX + parts[0] + EngineUrn.DELIMITER + parts[1] + EngineUrn.DELIMITER
                + parts[2] + "$" + childType + EngineUrn.DELIMITER + aliasName;
    }

    private static String nameOf(String urn) {
        return urn.substring(urn.lastIndexOf(EngineUrn.DELIMITER) + EngineUrn.DELIMITER.length());
    }

    private static String typeOf(String urn) {
        var qualified = EngineUrn.qualifiedType(urn);
        return qualified.substring(qualified.lastIndexOf('$') + 1);
    }
}
