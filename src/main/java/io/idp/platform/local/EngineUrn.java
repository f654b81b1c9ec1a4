package io.idp.platform.local;

/**
 * URNs as the Pulumi engine assigns them: {@code urn:pulumi:<stack>::<project>::<qualified type>::<name>},
 * where the qualified type is the parent's qualified type, {@code $}, and the resource's type, except
 * that the root stack's type is left out. The SDK's test engine keeps the root type in, so the
 * offline engine rewrites its URNs with this rule and a plan can be compared with
 * {@code pulumi stack export}.
 */
public final class EngineUrn {
    static final String PREFIX = "urn:pulumi:";
    static final String DELIMITER = "::";
    static final String ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

    private EngineUrn() {
    }

    public static String of(String stack, String project, String parentUrn, String type, String name) {
        var parentType = parentUrn == null || parentUrn.isEmpty() ? "" : qualifiedType(parentUrn);
        var qualified = parentType.isEmpty() || parentType.equals(ROOT_STACK_TYPE) ? type : parentType + "$" + type;
        return PREFIX + stack + DELIMITER + project + DELIMITER + qualified + DELIMITER + name;
    }

    /** The qualified type of a URN: its third {@code ::}-separated part. */
    public static String qualifiedType(String urn) {
        if (!urn.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a URN: " + urn);
        }
        var parts = urn.substring(PREFIX.length()).split(DELIMITER, 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a URN: " + urn);
        }
        return parts[2];
    }

    /** The URN inside a provider reference ({@code <urn>::<id>}). */
    public static String ofProviderReference(String reference) {
        var at = reference.lastIndexOf(DELIMITER);
        return at < 0 || !reference.startsWith(PREFIX) ? reference : reference.substring(0, at);
    }

    /** {@code <type>::<name>} of a URN: its own type (the last of its type chain) and its logical name. */
    public static String typeAndName(String urn) {
        var name = urn.substring(urn.lastIndexOf("::") + 2);
        var rest = urn.substring(0, urn.lastIndexOf("::"));
        var types = rest.substring(rest.lastIndexOf("::") + 2);
        return types.substring(types.lastIndexOf('$') + 1) + "::" + name;
    }
}
