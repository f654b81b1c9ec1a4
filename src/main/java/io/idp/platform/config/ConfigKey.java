package io.idp.platform.config;

import java.util.Set;

/**
 * The definition of one configuration key: who uses it, whether it must be set, its documented
 * default, what is allowed and an example. {@link ConfigKeys} lists them all; docs/configuration.md
 * is checked against that list.
 *
 * @param defaultValue the value used when the key is not set, or null when the key is required or
 *                     has no default (optional keys without a default are simply absent)
 */
public record ConfigKey(
        String name,
        Set<Role> roles,
        boolean required,
        boolean secret,
        String defaultValue,
        String allowed,
        String example,
        String description) {

    public String namespace() {
        return name.substring(0, name.indexOf(':'));
    }

    public boolean appliesTo(Role role) {
        return roles.contains(role);
    }

    /** An example line as it would stand in a Pulumi.&lt;stack&gt;.yaml file. */
    public String exampleLine() {
        return name + ": " + example;
    }
}
