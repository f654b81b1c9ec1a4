package io.idp.platform.policy;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.idp.platform.config.ConfigError;
import io.idp.platform.config.ConfigKeys;
import io.idp.platform.config.RawConfig;
import io.idp.platform.config.Validators;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule ids a stack waives ({@code platform:policyWaivers}) must name rules of this package. The
 * configuration checks the key's shape and that each waiver has a reason; which ids exist is the
 * policy's to say, so the check lives here and the stack checks add its errors to the others.
 */
public final class PolicyWaivers {
    private PolicyWaivers() {
    }

    /** One error per waived id that names no rule; nothing for a value of the wrong shape (the configuration reports that). */
    public static List<ConfigError> check(RawConfig raw) {
        var key = ConfigKeys.POLICY_WAIVERS;
        var errors = new ArrayList<ConfigError>();
        var given = raw.get(key.name()).filter(value -> !value.isBlank());
        if (given.isEmpty()) {
            return errors;
        }
        try {
            var element = JsonParser.parseString(given.get());
            if (!element.isJsonObject()) {
                return errors;
            }
            for (var id : element.getAsJsonObject().keySet()) {
                if (PolicyRules.find(id).isEmpty()) {
                    var hint = Validators.closest(id, PolicyRules.ids()).map(c -> "; did you mean " + c + "?").orElse("");
                    errors.add(new ConfigError(key.name(), id, "is not a policy rule" + hint, key.allowed(), key.exampleLine()));
                }
            }
        } catch (JsonParseException e) {
            return errors;
        }
        return errors;
    }
}
