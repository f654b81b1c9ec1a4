package io.idp.platform.local.cloud;

/**
 * A registration the real provider would reject: which resource, which property, the value and
 * the provider's rule. Found by the simulated cloud so it fails here before it fails at pulumi up.
 */
public record Violation(String type, String name, String property, String value, String rule) {
    public String format() {
        return type + " '" + name + "': " + property + " = \"" + value + "\": " + rule;
    }
}
