package io.idp.platform.validation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.idp.platform.validation.ObjectCheckTest.json;
import static org.junit.jupiter.api.Assertions.*;

/** Which object schemas are closed to unknown fields, and schemas that name no draft. */
class SchemasTest {

    @Test
    void anObjectSchemaListingItsPropertiesIsClosedAtEveryDepthIncludingArrays() {
        var closed = Schemas.closed(json("{'type': 'object', 'properties': {'a': {'type': 'object', 'properties': {'b': {'type': 'string'}}},"
                + " 'items': {'type': 'array', 'items': [{'type': 'object', 'properties': {'c': {'type': 'string'}}}]}}}"));
        assertEquals(json("{'type': 'object', 'properties': {'a': {'type': 'object', 'properties': {'b': {'type': 'string'}},"
                + " 'additionalProperties': false}, 'items': {'type': 'array', 'items': [{'type': 'object', 'properties': {'c': {'type': 'string'}},"
                + " 'additionalProperties': false}]}}, 'additionalProperties': false}"), closed);
    }

    @Test
    void schemasThatAllowUnknownFieldsOrCombineSchemasStayOpen() {
        for (var open : List.of(
                "{'properties': {'a': {}}, 'additionalProperties': true}",
                "{'properties': {'a': {}}, 'x-kubernetes-preserve-unknown-fields': true}",
                "{'properties': {'a': {}}, 'allOf': [{}]}",
                "{'properties': {'a': {}}, 'anyOf': [{}]}",
                "{'properties': {'a': {}}, 'oneOf': [{}]}",
                "{'properties': 'not an object'}",
                "{'type': 'object'}")) {
            assertEquals(json(open), Schemas.closed(json(open)), open);
        }
        assertEquals(json("{'properties': {'a': {}}, 'x-kubernetes-preserve-unknown-fields': false, 'additionalProperties': false}"),
                Schemas.closed(json("{'properties': {'a': {}}, 'x-kubernetes-preserve-unknown-fields': false}")));
    }

    @Test
    void closingCopiesTheSchema() {
        var schema = json("{'properties': {'a': {}}}");
        Schemas.closed(schema);
        assertEquals(json("{'properties': {'a': {}}}"), schema);
    }

    @Test
    void aSchemaNamingNoDraftIsReadAsDraft4AndMessagesAreSorted() {
        var schema = Schemas.compile(json("{'$schema': 'http://json-schema.org/schema#', 'type': 'object',"
                + " 'properties': {'b': {'type': 'string'}, 'a': {'type': 'integer'}}}"));
        assertEquals(List.of("/a: string found, integer expected", "/b: integer found, string expected"),
                Schemas.validate(schema, json("{'a': 'x', 'b': 1}")));
        var draft4 = Schemas.compile(json("{'$schema': 'http://json-schema.org/draft-04/schema#', 'type': 'string'}"));
        assertEquals(List.of(": integer found, string expected"), Schemas.validate(draft4, json("1")));
        assertEquals(List.of(), Schemas.validate(draft4, json("'x'")));
    }

    @Test
    void formatsAreAsserted() {
        var schema = Schemas.compile(json("{'type': 'string', 'format': 'ipv4'}"));
        assertEquals(1, Schemas.validate(schema, json("'not an address'")).size());
        assertEquals(List.of(), Schemas.validate(schema, json("'10.0.0.1'")));
    }
}
