package io.idp.platform.config;

import java.util.List;

/** Every configuration problem of a stack, reported together before any resource is registered. */
public final class ConfigException extends RuntimeException {
    private final String source;
    private final List<ConfigError> errors;

    public ConfigException(String source, List<ConfigError> errors) {
        super(describe(source, errors));
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    public String source() {
        return source;
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String describe(String source, List<ConfigError> errors) {
        var text = new StringBuilder()
                .append(errors.size()).append(errors.size() == 1 ? " configuration problem" : " configuration problems")
                .append(" in ").append(source).append("; nothing was registered:");
        for (var error : errors) {
            text.append("\n  - ").append(error.format());
        }
        return text.toString();
    }
}
