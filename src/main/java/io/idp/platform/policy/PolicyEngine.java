package io.idp.platform.policy;

import io.idp.platform.local.Plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Evaluates rules over a plan; waivers (rule id to reason) come from the stack's configuration. */
public final class PolicyEngine {
    private PolicyEngine() {
    }

    public static List<Finding> evaluate(Plan plan, List<Rule> rules, Map<String, String> waivers) {
        var findings = new ArrayList<Finding>();
        for (var rule : rules) {
            for (var resource : rule.targets(plan)) {
                rule.check().apply(resource, plan).ifPresent(detail ->
                        findings.add(new Finding(rule, resource.urn(), resource.name(), detail, waivers.get(rule.id()))));
            }
        }
        return findings;
    }

    public static List<Finding> evaluate(Plan plan, Map<String, String> waivers) {
        return evaluate(plan, PolicyRules.list(), waivers);
    }
}
