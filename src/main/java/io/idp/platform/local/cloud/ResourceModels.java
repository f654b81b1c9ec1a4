package io.idp.platform.local.cloud;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a real provider returns on create, per resource type: ids in each service's format, ARNs,
 * endpoints, provider-computed names (Pulumi's auto-naming: logical name plus seven hex digits).
 * Types without a model echo their inputs with a generated id, as a provider with no computed
 * outputs would.
 */
final class ResourceModels {
    private final Account account;
    private final Ids ids;
    private final Map<String, Consumer<Created>> models = new HashMap<>();
    private final Map<String, Consumer<Created>> fallbacks = new HashMap<>();

    /** A resource being created: its inputs become its state, the model adds what the cloud computes. */
    final class Created {
        final String type;
        final String name;
        final Map<String, Object> state;
        final Map<String, Object> provider;
        String id;

        Created(String type, String name, Map<String, Object> inputs, Map<String, Object> provider) {
            this.type = type;
            this.name = name;
            this.state = new HashMap<>(inputs);
            this.provider = provider;
        }

        /** A setting of the resource's provider: the explicit provider's input, else the stack's provider config. */
        String providerSetting(String key, String fallback) {
            var value = provider.get(key);
            return value == null ? fallback : String.valueOf(value);
        }

        String hex(int length) {
            return ids.hex(length, type, name);
        }

        String input(String key) {
            var value = state.get(key);
            return value == null ? null : String.valueOf(value);
        }

        /** Pulumi auto-names a resource whose name property is not set. */
        String autoName(String property) {
            var given = input(property);
            if (given == null) {
                var prefix = input("namePrefix");
                given = (prefix != null ? prefix : name + "-") + hex(7);
                state.put(property, given);
            }
            return given;
        }

        void put(String key, Object value) {
            state.put(key, value);
        }
    }

    ResourceModels(Account account, Ids ids) {
        this.account = account;
        this.ids = ids;
        AwsModels.register(this, account, ids);
        GithubModels.register(this, ids);
        CloudflareModels.register(this, ids);
        TlsModels.register(this, ids);
        KubernetesModels.register(this, ids);
    }

    Created create(String type, String name, Map<String, Object> inputs, Map<String, Object> provider) {
        var created = new Created(type, name, inputs, provider);
        models.getOrDefault(type, fallback(type)).accept(created);
        if (type.startsWith("pulumi:providers:")) {
            created.id = ids.uuid(type, name);
        }
        if (type.startsWith("aws:") && created.state.containsKey("tags")) {
            created.put("tagsAll", created.state.get("tags"));
        }
        return created;
    }

    void model(String type, Consumer<Created> model) {
        models.put(type, model);
    }

    /** The model of every type with this prefix that has none of its own. */
    void fallback(String typePrefix, Consumer<Created> model) {
        fallbacks.put(typePrefix, model);
    }

    private Consumer<Created> fallback(String type) {
        return fallbacks.entrySet().stream().filter(e -> type.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(c -> c.id = c.name + "-" + c.hex(8));
    }

}
