package io.idp.platform.stacks;

import io.idp.platform.config.SecretValue;
import io.idp.platform.local.Plan;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The inputs of a plan that hold a secret, as {@code <type> <name> <top-level input>}. */
final class SecretInputs {
    private SecretInputs() {
    }

    static Set<String> of(Plan plan) {
        var secret = new TreeSet<String>();
        plan.resources().forEach(r -> r.inputs().forEach((key, value) -> {
            if (holdsSecret(value)) {
                secret.add(r.type() + " " + r.name() + " " + key);
            }
        }));
        return secret;
    }

    static boolean holdsSecret(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(SecretInputs::holdsSecret);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(SecretInputs::holdsSecret);
        }
        return SecretValue.MASK.equals(value);
    }
}
