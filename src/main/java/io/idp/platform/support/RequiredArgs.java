package io.idp.platform.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The check an Args builder runs in {@code build()}: every required argument that was not set,
 * named together in one error with the setter that sets it.
 */
public final class RequiredArgs {
    private final String argsType;
    private final List<String> missing = new ArrayList<>();

    private RequiredArgs(String argsType) {
        this.argsType = argsType;
    }

    public static RequiredArgs of(Class<?> argsType) {
        return new RequiredArgs(argsType.getSimpleName());
    }

    /** Notes {@code name} as missing when {@code value} is null. */
    public RequiredArgs require(String name, Object value) {
        if (value == null) {
            missing.add(name);
        }
        return this;
    }

    /** @throws IllegalArgumentException naming every missing argument */
    public void check() {
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(argsType + " is missing the required argument" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; set " + (missing.size() > 1 ? "them" : "it") + " with "
                    + argsType + ".builder()." + missing.get(0) + "(...)");
        }
    }
}
