package io.idp.platform.config;

/**
 * One bad configuration value: which key, what was given, what is wrong, what is allowed and an
 * example of a good value. Formatted the same way everywhere so a user learns to read it once.
 *
 * @param file the file the key is in when it is not the stack file being checked (Pulumi.yaml, the
 *             catalog, another stack's file), else null
 */
public record ConfigError(String key, String value, String problem, String allowed, String example, String file) {
    /** Values longer than this are shortened when shown: a pasted blob must not bury the message. */
    public static final int MAX_SHOWN = 200;

    public ConfigError(String key, String value, String problem, String allowed, String example) {
        this(key, value, problem, allowed, example, null);
    }

    public ConfigError inFile(String name) {
        return new ConfigError(key, value, problem, allowed, example, name);
    }

    /** The value as shown to a person: quoted, "(not set)" when missing, shortened past 200 characters. */
    public String shownValue() {
        if (value == null) {
            return "(not set)";
        }
        return '"' + shorten(value) + '"';
    }

    public static String shorten(String text) {
        return text.length() <= MAX_SHOWN ? text
                : text.substring(0, MAX_SHOWN - 3) + "... (" + text.length() + " characters)";
    }

    public String format() {
        var text = new StringBuilder();
        if (file != null) {
            text.append(file).append(": ");
        }
        text.append(key).append(" = ").append(shownValue()).append(": ").append(problem);
        if (allowed != null && !allowed.isBlank()) {
            text.append("\n      allowed: ").append(allowed);
        }
        if (example != null && !example.isBlank()) {
            text.append("\n      example: ").append(example);
        }
        return text.toString();
    }
}
