package io.idp.platform.config;

import com.pulumi.core.Output;

/**
 * A secret configuration value. It prints as {@code [secret]} wherever it is shown by accident and
 * reaches resources only as a Pulumi secret output, so the engine encrypts it in state.
 */
public final class SecretValue {
    public static final String MASK = "[secret]";

    private final String value;

    public SecretValue(String value) {
        this.value = value;
    }

    public Output<String> output() {
        return Output.ofSecret(value);
    }

    /** Whether the value has a shape, checked without showing it. */
    boolean matches(String pattern) {
        return value.matches(pattern);
    }

    @Override
    public String toString() {
        return MASK;
    }
}
