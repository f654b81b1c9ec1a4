package io.idp.platform.engine;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine side of Pulumi's wire format (pulumirpc property values): the signature keys of secrets,
 * resource references and output values, the unknown sentinel, and conversions to plain Java values
 * for the simulated providers. Written from the protocol's documentation (sdk/proto), independently of
 * the offline engine's own reader.
 */
final class Wire {
    static final String SIG = "4dabf18193072939515e22adb298388d";
    static final String SECRET = "1b47061264138c4ac30d75fd1eb44270";
    static final String RESOURCE_REFERENCE = "5cf8f73096256a8f31e491e813e4eb8e";
    static final String OUTPUT_VALUE = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private Wire() {
    }

    static String signature(Value value) {
        if (!value.hasStructValue()) {
            return "";
        }
        var sig = value.getStructValue().getFieldsMap().get(SIG);
        return sig == null ? "" : sig.getStringValue();
    }

    /** True if the value is a secret or contains one anywhere. */
    static boolean holdsSecret(Value value) {
        var sig = signature(value);
        if (sig.equals(SECRET)) {
            return true;
        }
        if (sig.equals(OUTPUT_VALUE)) {
            var fields = value.getStructValue().getFieldsMap();
            return (fields.containsKey("secret") && fields.get("secret").getBoolValue())
                    || (fields.containsKey("value") && holdsSecret(fields.get("value")));
        }
        return switch (value.getKindCase()) {
            case LIST_VALUE -> value.getListValue().getValuesList().stream().anyMatch(Wire::holdsSecret);
            case STRUCT_VALUE -> value.getStructValue().getFieldsMap().values().stream().anyMatch(Wire::holdsSecret);
            default -> false;
        };
    }

    static Value secret(Value value) {
        if (signature(value).equals(SECRET)) {
            return value;
        }
        return Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields(SIG, text(SECRET)).putFields("value", value)).build();
    }

    static Value text(String text) {
        return Value.newBuilder().setStringValue(text).build();
    }

    static Value unknown() {
        return text(UNKNOWN);
    }

    /** A plain Java value, secrets unwrapped; null where the value is unknown. */
    static Object plain(Value value) {
        var sig = signature(value);
        if (sig.equals(SECRET)) {
            return plain(value.getStructValue().getFieldsMap().get("value"));
        }
        if (sig.equals(OUTPUT_VALUE)) {
            var inner = value.getStructValue().getFieldsMap().get("value");
            return inner == null ? null : plain(inner);
        }
        if (sig.equals(RESOURCE_REFERENCE)) {
            var fields = value.getStructValue().getFieldsMap();
            var id = fields.get("id");
            return id != null && !id.getStringValue().isEmpty() ? id.getStringValue() : fields.get("urn").getStringValue();
        }
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> value.getBoolValue();
            case NUMBER_VALUE -> value.getNumberValue();
            case STRING_VALUE -> UNKNOWN.equals(value.getStringValue()) ? null : value.getStringValue();
            case LIST_VALUE -> {
                var items = new ArrayList<>();
                value.getListValue().getValuesList().forEach(item -> items.add(plain(item)));
                yield items;
            }
            case STRUCT_VALUE -> plain(value.getStructValue());
        };
    }

    /** Known fields only, as a provider receives a resource's inputs. */
    static Map<String, Object> plain(Struct struct) {
        var map = new LinkedHashMap<String, Object>();
        struct.getFieldsMap().forEach((key, value) -> {
            var plain = plain(value);
            if (plain != null) {
                map.put(key, plain);
            }
        });
        return map;
    }

    static Struct struct(Map<?, ?> map) {
        var builder = Struct.newBuilder();
        map.forEach((key, value) -> builder.putFields(String.valueOf(key), value(value)));
        return builder.build();
    }

    static Value value(Object value) {
        if (value == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (value instanceof Value wire) {
            return wire;
        }
        if (value instanceof String text) {
            return text(text);
        }
        if (value instanceof Boolean bool) {
            return Value.newBuilder().setBoolValue(bool).build();
        }
        if (value instanceof Number number) {
            return Value.newBuilder().setNumberValue(number.doubleValue()).build();
        }
        if (value instanceof Map<?, ?> map) {
            return Value.newBuilder().setStructValue(struct(map)).build();
        }
        if (value instanceof List<?> list) {
            var items = ListValue.newBuilder();
            list.forEach(item -> items.addValues(value(item)));
            return Value.newBuilder().setListValue(items).build();
        }
        if (value instanceof java.util.Optional<?> optional) {
            return value(optional.orElse(null));
        }
        return text(String.valueOf(value));
    }
}
