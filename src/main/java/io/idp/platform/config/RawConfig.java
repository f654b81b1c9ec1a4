package io.idp.platform.config;

import com.google.gson.Gson;
import com.google.gson.JsonSyntaxException;
import com.google.gson.reflect.TypeToken;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A stack's configuration as the Pulumi engine hands it to a program: fully qualified keys
 * ({@code platform:clusterName}, {@code aws:region}) to string values, structured values as JSON,
 * and the set of keys whose values are secret. Both engines produce this shape, so one typed layer
 * ({@link PlatformConfig}) serves the real engine and the offline one.
 *
 * @param source where the values came from, named in error messages (a stack file, the engine)
 */
public record RawConfig(String source, Map<String, String> values, Set<String> secretKeys) {

    public RawConfig {
        values = new TreeMap<>(values);
        secretKeys = new TreeSet<>(secretKeys);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public boolean isSecret(String key) {
        return secretKeys.contains(key);
    }

    /**
     * The configuration the Pulumi engine passes to a language host: {@code PULUMI_CONFIG} (a JSON
     * object of key to string) and {@code PULUMI_CONFIG_SECRET_KEYS} (a JSON array of keys).
     */
    public static RawConfig fromEngineEnvironment(String stack, Map<String, String> env) {
        var gson = new Gson();
        Map<String, String> values = Map.of();
        List<String> secrets = List.of();
        try {
            var config = env.get("PULUMI_CONFIG");
            if (config != null && !config.isBlank()) {
                values = gson.fromJson(config, new TypeToken<Map<String, String>>() { }.getType());
            }
            var secretKeys = env.get("PULUMI_CONFIG_SECRET_KEYS");
            if (secretKeys != null && !secretKeys.isBlank()) {
                secrets = gson.fromJson(secretKeys, new TypeToken<List<String>>() { }.getType());
            }
        } catch (JsonSyntaxException e) {
            throw new IllegalStateException("the Pulumi engine passed configuration that is not JSON: " + e.getMessage(), e);
        }
        return new RawConfig("the configuration of stack " + stack, values, Set.copyOf(secrets));
    }
}
