package io.idp.platform.local;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.idp.platform.config.SecretValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the engine's wire values (protobuf structs with Pulumi's special signatures) to plain
 * Java values for the plan: secrets become {@code [secret]}, resource references their URN,
 * unknowns {@code [unknown]}. Numbers that are whole stay whole so plan files read naturally.
 */
final class WireValues {
    static final String SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
    static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    static final String OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    static final String ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
    static final String ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    static final String UNKNOWN_MASK = "[unknown]";

    private WireValues() {
    }

    static Map<String, Object> plain(Struct struct) {
        var map = new LinkedHashMap<String, Object>();
        struct.getFieldsMap().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> map.put(e.getKey(), plain(e.getValue())));
        return map;
    }

    static Object plain(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> value.getBoolValue();
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRING_VALUE -> UNKNOWN.equals(value.getStringValue()) ? UNKNOWN_MASK : value.getStringValue();
            case LIST_VALUE -> list(value.getListValue());
            case STRUCT_VALUE -> special(value.getStructValue());
        };
    }

    static boolean isSecret(Value value) {
        if (!value.hasStructValue()) {
            return false;
        }
        var fields = value.getStructValue().getFieldsMap();
        var sig = fields.get(SIGNATURE_KEY);
        if (sig == null) {
            return false;
        }
        return SECRET_SIG.equals(sig.getStringValue())
                || (OUTPUT_SIG.equals(sig.getStringValue()) && fields.containsKey("secret") && fields.get("secret").getBoolValue());
    }

    /** Wraps a value the way the engine marks a secret output. */
    static Value secret(Value value) {
        if (isSecret(value)) {
            return value;
        }
        return Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields(SIGNATURE_KEY, Value.newBuilder().setStringValue(SECRET_SIG).build())
                .putFields("value", value)).build();
    }

    private static Object special(Struct struct) {
        var sig = struct.getFieldsMap().get(SIGNATURE_KEY);
        if (sig == null) {
            return plain(struct);
        }
        var fields = struct.getFieldsMap();
        return switch (sig.getStringValue()) {
            case SECRET_SIG -> SecretValue.MASK;
            case RESOURCE_SIG -> fields.containsKey("urn") ? fields.get("urn").getStringValue() : UNKNOWN_MASK;
            case OUTPUT_SIG -> isSecret(Value.newBuilder().setStructValue(struct).build()) ? SecretValue.MASK
                    : fields.containsKey("value") ? plain(fields.get("value")) : UNKNOWN_MASK;
            case ASSET_SIG, ARCHIVE_SIG -> Map.of("asset", fields.containsKey("path") ? fields.get("path").getStringValue()
                    : fields.containsKey("text") ? "text(" + fields.get("text").getStringValue().length() + " chars)" : "archive");
            default -> plain(struct);
        };
    }

    private static List<Object> list(ListValue list) {
        var items = new ArrayList<>();
        list.getValuesList().forEach(v -> items.add(plain(v)));
        return items;
    }

    private static Object number(double number) {
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            return (long) number;
        }
        return number;
    }
}
