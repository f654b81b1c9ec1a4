package io.idp.platform.local;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * What the engine answers for a resource to be created during {@code pulumi preview}: no id yet, the
 * outputs the program's own known inputs determine, and every other output unknown. A program that
 * only works with known values fails here, as it would in a real preview.
 */
public final class PreviewValues {
    private PreviewValues() {
    }

    public static RegisterResourceResponse of(RegisterResourceRequest request, RegisterResourceResponse simulated) {
        return simulated.toBuilder().setId("").setObject(outputs(request.getObject(), simulated.getObject())).build();
    }

    /** Each output as the provider would preview it: known only where a known input of that name determines it. */
    public static Struct outputs(Struct inputs, Struct simulated) {
        var preview = Struct.newBuilder();
        simulated.getFieldsMap().forEach((key, value) -> {
            var input = inputs.getFieldsMap().get(key);
            preview.putFields(key, input != null && isKnown(input) ? value : unknown());
        });
        inputs.getFieldsMap().forEach((key, value) -> {
            if (!preview.containsFields(key)) {
                preview.putFields(key, isKnown(value) ? value : unknown());
            }
        });
        return preview.build();
    }

    public static Value unknown() {
        return Value.newBuilder().setStringValue(WireValues.UNKNOWN).build();
    }

    /** False for the unknown sentinel, an output value without a value, or anything containing one. */
    public static boolean isKnown(Value value) {
        return switch (value.getKindCase()) {
            case STRING_VALUE -> !WireValues.UNKNOWN.equals(value.getStringValue());
            case LIST_VALUE -> value.getListValue().getValuesList().stream().allMatch(PreviewValues::isKnown);
            case STRUCT_VALUE -> {
                var fields = value.getStructValue().getFieldsMap();
                var sig = fields.get(WireValues.SIGNATURE_KEY);
                if (sig != null && WireValues.OUTPUT_SIG.equals(sig.getStringValue())) {
                    yield fields.containsKey("value") && isKnown(fields.get("value"));
                }
                yield fields.values().stream().allMatch(PreviewValues::isKnown);
            }
            default -> true;
        };
    }
}
