package io.idp.platform.bindings;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A provider schema subset (src/test/resources/provider-schemas) read into what conformance needs:
 * per resource, function and nested type, each property's expected Java type, whether it is
 * required, and whether it is secret. Reads both shapes: Pulumi package schemas (github, tls) and
 * the Java-annotated cloudflare subset.
 */
final class ProviderSchema {
    /** One property: its Java type text (no spaces), e.g. {@code List<RepositoryTemplateArgs>}. */
    record Property(String javaType, boolean required, boolean secret) {
    }

    /** Inputs and outputs of a resource, function or the provider. */
    record Shape(Map<String, Property> inputs, Map<String, Property> outputs) {
    }

    final String name;
    final String version;
    final Map<String, Shape> resources = new LinkedHashMap<>();
    final Map<String, Shape> functions = new LinkedHashMap<>();
    final Map<String, Map<String, Property>> inputTypes = new LinkedHashMap<>();
    final Map<String, Map<String, Property>> outputTypes = new LinkedHashMap<>();
    Shape provider;

    private static final Map<String, Set<String>> CLOUDFLARE_SECRETS = Map.of(
            "cloudflare:index/apiToken:ApiToken", Set.of("value"),
            "provider", Set.of("apiKey", "apiToken", "apiUserServiceKey"));

    static ProviderSchema load(String file) {
        var stream = ProviderSchema.class.getResourceAsStream("/provider-schemas/" + file);
        if (stream == null) {
            throw new IllegalStateException("missing test resource provider-schemas/" + file);
        }
        try (var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return new ProviderSchema(JsonParser.parseReader(reader).getAsJsonObject());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProviderSchema(JsonObject schema) {
        name = schema.get("name").getAsString();
        version = schema.get("version").getAsString();
        if (schema.has("derivedFrom")) {
            readJavaAnnotated(schema);
        } else {
            readPulumi(schema);
        }
    }

    String packageName() {
        return "com.pulumi." + name;
    }

    Optional<Shape> resource(String token) {
        if (token.equals("pulumi:providers:" + name)) {
            return Optional.of(provider);
        }
        return Optional.ofNullable(resources.get(token));
    }

    private void readPulumi(JsonObject schema) {
        for (var entry : schema.getAsJsonObject("resources").entrySet()) {
            var r = entry.getValue().getAsJsonObject();
            resources.put(entry.getKey(), new Shape(
                    pulumiProps(r.getAsJsonObject("inputProperties"), names(r, "requiredInputs"), "in"),
                    pulumiProps(r.getAsJsonObject("properties"), names(r, "required"), "out")));
        }
        for (var entry : schema.getAsJsonObject("functions").entrySet()) {
            var f = entry.getValue().getAsJsonObject();
            var in = f.getAsJsonObject("inputs");
            var out = f.getAsJsonObject("outputs");
            functions.put(entry.getKey(), new Shape(
                    in == null ? Map.of() : pulumiProps(in.getAsJsonObject("properties"), names(in, "required"), "in"),
                    out == null ? Map.of() : pulumiProps(out.getAsJsonObject("properties"), names(out, "required"), "out")));
        }
        var p = schema.getAsJsonObject("provider");
        provider = new Shape(pulumiProps(p.getAsJsonObject("inputProperties"), names(p, "requiredInputs"), "in"),
                pulumiProps(p.getAsJsonObject("properties"), names(p, "required"), "out"));
        for (var entry : schema.getAsJsonObject("types").entrySet()) {
            if (entry.getKey().contains(":config/")) {
                continue;
            }
            var t = entry.getValue().getAsJsonObject();
            var typeName = upperFirst(entry.getKey().substring(entry.getKey().lastIndexOf(':') + 1));
            inputTypes.put(typeName + "Args", pulumiProps(t.getAsJsonObject("properties"), names(t, "required"), "in"));
            outputTypes.put(typeName, pulumiProps(t.getAsJsonObject("properties"), names(t, "required"), "out"));
        }
    }

    private void readJavaAnnotated(JsonObject schema) {
        for (var entry : schema.getAsJsonObject("resources").entrySet()) {
            var r = entry.getValue().getAsJsonObject();
            var secrets = CLOUDFLARE_SECRETS.getOrDefault(entry.getKey(), Set.of());
            resources.put(entry.getKey(), new Shape(javaProps(r.getAsJsonObject("inputProperties"), secrets),
                    javaProps(r.getAsJsonObject("properties"), secrets)));
        }
        for (var entry : schema.getAsJsonObject("functions").entrySet()) {
            var f = entry.getValue().getAsJsonObject();
            functions.put(entry.getKey(), new Shape(javaProps(f.getAsJsonObject("inputs"), Set.of()),
                    javaProps(f.getAsJsonObject("outputs"), Set.of())));
        }
        provider = new Shape(javaProps(schema.getAsJsonObject("provider").getAsJsonObject("inputProperties"),
                CLOUDFLARE_SECRETS.get("provider")), Map.of());
        for (var entry : schema.getAsJsonObject("types").entrySet()) {
            var side = entry.getKey().substring(0, entry.getKey().indexOf('/'));
            var typeName = entry.getKey().substring(entry.getKey().indexOf('/') + 1);
            (side.equals("inputs") ? inputTypes : outputTypes).put(typeName, javaProps(entry.getValue().getAsJsonObject(), Set.of()));
        }
    }

    private static Set<String> names(JsonObject object, String key) {
        var set = new java.util.HashSet<String>();
        if (object.has(key)) {
            object.getAsJsonArray(key).forEach(e -> set.add(e.getAsString()));
        }
        return set;
    }

    private static Map<String, Property> pulumiProps(JsonObject properties, Set<String> required, String side) {
        var map = new LinkedHashMap<String, Property>();
        if (properties != null) {
            for (var entry : properties.entrySet()) {
                var spec = entry.getValue().getAsJsonObject();
                map.put(entry.getKey(), new Property(javaType(spec, side), required.contains(entry.getKey()),
                        spec.has("secret") && spec.get("secret").getAsBoolean()));
            }
        }
        return map;
    }

    private static Map<String, Property> javaProps(JsonObject properties, Set<String> secrets) {
        var map = new LinkedHashMap<String, Property>();
        if (properties != null) {
            for (var entry : properties.entrySet()) {
                var spec = entry.getValue().getAsJsonObject();
                map.put(entry.getKey(), new Property(spec.get("java").getAsString().replace(" ", ""),
                        spec.has("required") && spec.get("required").getAsBoolean(), secrets.contains(entry.getKey())));
            }
        }
        return map;
    }

    /** The Java type the official generator gives a Pulumi schema type; inputs name nested types ...Args. */
    static String javaType(JsonObject spec, String side) {
        if (spec.has("$ref")) {
            var ref = spec.get("$ref").getAsString();
            if (ref.startsWith("pulumi.json#/Any")) {
                return "Object";
            }
            var typeName = upperFirst(ref.substring(ref.lastIndexOf(':') + 1));
            return side.equals("in") ? typeName + "Args" : typeName;
        }
        var type = spec.has("type") ? spec.get("type").getAsString() : "object";
        return switch (type) {
            case "string" -> "String";
            case "integer" -> "Integer";
            case "number" -> "Double";
            case "boolean" -> "Boolean";
            case "array" -> "List<" + javaType(spec.getAsJsonObject("items"), side) + ">";
            default -> spec.has("additionalProperties")
                    ? "Map<String," + javaType(spec.getAsJsonObject("additionalProperties"), side) + ">" : "Object";
        };
    }

    static String upperFirst(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
