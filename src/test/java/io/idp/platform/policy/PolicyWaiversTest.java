package io.idp.platform.policy;

import io.idp.platform.config.ConfigError;
import io.idp.platform.config.RawConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Waived ids must name rules of the policy; the error reads like every configuration error. */
class PolicyWaiversTest {
    private static List<ConfigError> check(String waivers) {
        return PolicyWaivers.check(new RawConfig("Pulumi.test.yaml", Map.of("platform:policyWaivers", waivers), Set.of()));
    }

    @Test
    void anUnknownRuleIsNamedWithTheNearestKnownOne() {
        var errors = check("{\"CKV_AWS_77\": \"x\"}");
        assertEquals(1, errors.size());
        var error = errors.get(0);
        assertEquals("platform:policyWaivers", error.key());
        assertEquals("CKV_AWS_77", error.value());
        assertEquals("is not a policy rule; did you mean CKV_AWS_37?", error.problem());
        assertTrue(error.allowed().contains("policy rule ids"), error.allowed());
        assertTrue(error.example().startsWith("platform:policyWaivers:"), error.example());
    }

    @Test
    void everyUnknownRuleIsReportedAndKnownOnesPass() {
        var errors = check("{\"CKV_AWS_18\": \"audited\", \"NOPE_1\": \"a\", \"CKV_AWS_3\": \"b\"}");
        assertEquals(List.of("NOPE_1", "CKV_AWS_3"), errors.stream().map(ConfigError::value).toList());
        assertTrue(PolicyRules.find("CKV_AWS_18").isPresent());
    }

    @Test
    void noWaiversOrAShapeTheConfigurationRefusesGiveNoErrorHere() {
        assertEquals(List.of(), check("{}"));
        assertEquals(List.of(), check("[\"CKV_AWS_77\"]"));
        assertEquals(List.of(), check("{not json"));
        assertEquals(List.of(), PolicyWaivers.check(new RawConfig("Pulumi.test.yaml", Map.of(), Set.of())));
    }
}
