package io.idp.platform.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads typed values from a {@link RawConfig}, applying each key's documented default. A bad value
 * is recorded as a {@link ConfigError} and read as empty, so that every problem of a stack is found
 * in one pass instead of one per run.
 */
final class ConfigReader {
    private final RawConfig raw;
    private final List<ConfigError> errors = new ArrayList<>();

    ConfigReader(RawConfig raw) {
        this.raw = raw;
    }

    List<ConfigError> errors() {
        return errors;
    }

    /** The value as given, else the key's default; a missing required key is an error. */
    Optional<String> text(ConfigKey key) {
        var given = raw.get(key.name());
        if (given.isPresent() && !given.get().isBlank()) {
            return given;
        }
        if (key.required()) {
            error(key, null, "is required but not set");
            return Optional.empty();
        }
        return Optional.ofNullable(key.defaultValue());
    }

    Optional<String> matching(ConfigKey key, Pattern pattern, String problem) {
        return text(key).filter(value -> check(key, value, pattern.matcher(value).matches(), problem));
    }

    <T> Optional<T> choice(ConfigKey key, Function<String, T> parse) {
        return text(key).flatMap(value -> {
            var parsed = Optional.ofNullable(parse.apply(value));
            check(key, value, parsed.isPresent(), "is not one of the allowed values");
            return parsed;
        });
    }

    Optional<Integer> integer(ConfigKey key, int min, int max) {
        return text(key).flatMap(value -> {
            try {
                int number = Integer.parseInt(value.trim());
                return check(key, value, number >= min && number <= max, "is out of range") ? Optional.of(number) : Optional.empty();
            } catch (NumberFormatException e) {
                error(key, value, "is not a whole number");
                return Optional.empty();
            }
        });
    }

    Optional<Boolean> bool(ConfigKey key) {
        return text(key).flatMap(value -> switch (value.trim()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                error(key, value, "is not true or false");
                yield Optional.empty();
            }
        });
    }

    Optional<List<String>> list(ConfigKey key) {
        return list(key, text(key));
    }

    /** A list whose default depends on more than the key (the role, say). */
    Optional<List<String>> list(ConfigKey key, List<String> defaultValue) {
        var given = raw.get(key.name()).filter(value -> !value.isBlank());
        return given.isPresent() ? list(key, given) : Optional.of(defaultValue);
    }

    private Optional<List<String>> list(ConfigKey key, Optional<String> text) {
        return text.flatMap(value -> json(key, value).flatMap(element -> {
            if (!element.isJsonArray()) {
                error(key, value, "is not a list");
                return Optional.empty();
            }
            var items = new ArrayList<String>();
            for (var item : element.getAsJsonArray()) {
                if (!item.isJsonPrimitive()) {
                    error(key, value, "holds an entry that is not a plain value: " + item);
                    return Optional.empty();
                }
                items.add(item.getAsString());
            }
            return Optional.of(List.copyOf(items));
        }));
    }

    Optional<Map<String, String>> map(ConfigKey key) {
        return text(key).flatMap(value -> json(key, value).flatMap(element -> {
            if (!element.isJsonObject()) {
                error(key, value, "is not a map of names to values");
                return Optional.empty();
            }
            var entries = new LinkedHashMap<String, String>();
            for (var entry : element.getAsJsonObject().entrySet()) {
                if (!entry.getValue().isJsonPrimitive()) {
                    error(key, value, "entry '" + entry.getKey() + "' is not a plain value");
                    return Optional.empty();
                }
                entries.put(entry.getKey(), entry.getValue().getAsString());
            }
            return Optional.of(Map.copyOf(entries));
        }));
    }

    /** A secret must be set with {@code --secret}: a token in plain text in a stack file is a leak. */
    Optional<SecretValue> secret(ConfigKey key) {
        var given = raw.get(key.name()).filter(value -> !value.isBlank());
        if (given.isEmpty()) {
            if (raw.isSecret(key.name()) && raw.get(key.name()).isPresent()) {
                // The engine hands over an empty secret as "": set, but nothing usable.
                errors.add(new ConfigError(key.name(), SecretValue.MASK,
                        "is set as a secret but its value is empty", key.allowed(), key.example()));
            } else {
                error(key, null, "is required but not set");
            }
            return Optional.empty();
        }
        if (!raw.isSecret(key.name())) {
            errors.add(new ConfigError(key.name(), SecretValue.MASK,
                    "is stored in plain text; it must be a secret (rotate this token: it has been exposed)",
                    key.allowed(), key.example()));
            return Optional.empty();
        }
        return Optional.of(new SecretValue(given.get()));
    }

    /** Records an error unless ok; returns ok so callers can filter on it. */
    boolean check(ConfigKey key, String value, boolean ok, String problem) {
        if (!ok) {
            error(key, value, problem);
        }
        return ok;
    }

    /** Records an error naming its own allowed values and example unless ok; returns ok. */
    boolean check(ConfigKey key, String value, boolean ok, String problem, String allowed, String example) {
        if (!ok) {
            var shown = value != null && raw.isSecret(key.name()) ? SecretValue.MASK : value;
            errors.add(new ConfigError(key.name(), shown, problem, allowed, example));
        }
        return ok;
    }

    void error(ConfigKey key, String value, String problem) {
        var shown = value != null && raw.isSecret(key.name()) ? SecretValue.MASK : value;
        errors.add(new ConfigError(key.name(), shown, problem, key.allowed(),
                key.secret() ? key.example() : key.exampleLine()));
    }

    /** Records an error built by a caller; a value of a key set as secret is masked here, whatever path it came by. */
    void error(ConfigError error) {
        errors.add(error.value() != null && raw.isSecret(error.key())
                ? new ConfigError(error.key(), SecretValue.MASK, error.problem(), error.allowed(), error.example())
                : error);
    }

    private Optional<JsonElement> json(ConfigKey key, String value) {
        try {
            return Optional.of(JsonParser.parseString(value));
        } catch (JsonSyntaxException e) {
            error(key, value, "is not a YAML list or map");
            return Optional.empty();
        }
    }
}
