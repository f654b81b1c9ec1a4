package io.idp.platform.engine;

import java.util.List;
import java.util.Set;

/**
 * One registration as the engine received it, reduced to what must not differ between the real
 * engine's protocol and the offline plan: identity, parent, provider (its URN, not its id), resource
 * options, dependencies, which inputs hold a secret, and the alias URNs the engine derives.
 */
record Registration(String urn, String type, String name, String parent, boolean read, String provider, boolean protect,
                    boolean retainOnDelete, List<String> ignoreChanges, Set<String> dependencies, Set<String> secretInputs,
                    List<String> aliases)
        implements Comparable<Registration> {

    @Override
    public int compareTo(Registration other) {
        return toString().compareTo(other.toString());
    }

    /** The provider reference without its id ({@code <urn>::<id>} to {@code <urn>}); default providers as named. */
    static String providerUrn(String reference) {
        var at = reference.lastIndexOf("::");
        return reference.startsWith("urn:") && at > 0 ? reference.substring(0, at) : reference;
    }

    @Override
    public String toString() {
        return urn + " parent=" + parent + " provider=" + provider + " protect=" + protect + " retain=" + retainOnDelete
                + " ignore=" + ignoreChanges + " deps=" + dependencies + " secret=" + secretInputs + " aliases=" + aliases
                + (read ? " (read)" : "");
    }
}
