package io.idp.platform.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import java.util.Iterator;
import java.util.List;

/** JSON Schema (draft 4, as CRDs and the Kubernetes API use it) compiled with format assertions on. */
final class Schemas {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private Schemas() {
    }

    static JsonSchema compile(JsonNode schema) {
        // "http://json-schema.org/schema#" (whatever is latest) names no draft the validator can load;
        // such a schema is read as draft 4, which is what its keywords are.
        if (schema.isObject() && schema.has("$schema") && !schema.get("$schema").asText().contains("draft")) {
            var copy = (ObjectNode) schema.deepCopy();
            copy.remove("$schema");
            return FACTORY.getSchema(copy, CONFIG);
        }
        return FACTORY.getSchema(schema, CONFIG);
    }

    /** Messages as "path: message", the path in dotted form from the object's root. */
    static List<String> validate(JsonSchema schema, JsonNode instance) {
        return schema.validate(instance).stream()
                .map(m -> m.getMessage())
                .sorted()
                .toList();
    }

    /**
     * The API server drops or rejects fields its schema does not know; JSON Schema accepts them. An
     * object schema that lists its properties (and does not preserve unknown fields) is closed here, so
     * a misspelt field fails instead of vanishing.
     */
    static JsonNode closed(JsonNode schema) {
        var copy = schema.deepCopy();
        close(copy);
        return copy;
    }

    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && object.get("properties").isObject() && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                    && !object.has("allOf") && !object.has("anyOf") && !object.has("oneOf")) {
                object.put("additionalProperties", false);
            }
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                close(it.next());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(Schemas::close);
        }
    }
}
