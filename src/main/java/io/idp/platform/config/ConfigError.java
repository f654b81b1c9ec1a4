package io.idp.platform.config;

/**
 * One bad configuration value: which key, what was given, what is wrong, what is allowed and an
 * example of a good value. Formatted the same way everywhere so a user learns to read it once.
 */
public record ConfigError(String key, String value, String problem, String allowed, String example) {

    /** The value as shown to a person: quoted, "(not set)" when missing. Secrets never reach here. */
    public String shownValue() {
        return value == null ? "(not set)" : '"' + value + '"';
    }

    public String format() {
        var text = new StringBuilder()
                .append(key).append(" = ").append(shownValue()).append(": ").append(problem);
        if (allowed != null && !allowed.isBlank()) {
            text.append("\n      allowed: ").append(allowed);
        }
        if (example != null && !example.isBlank()) {
            text.append("\n      example: ").append(example);
        }
        return text.toString();
    }
}
