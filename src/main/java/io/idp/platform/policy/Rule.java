package io.idp.platform.policy;

import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A policy rule over a plan: which resource type it looks at, where it comes from (CIS Amazon EKS
 * Benchmark, checkov, Argo CD's and Cloudflare's hardening guides), how bad a violation is, and how
 * to fix it. {@code check} returns what is wrong with one resource, given the whole plan.
 *
 * @param examples a compliant and a violating plan, the rule's own specification (and its tests)
 */
public record Rule(
        String id,
        String source,
        Severity severity,
        String resourceType,
        String title,
        String fix,
        BiFunction<PlannedResource, Plan, Optional<String>> check,
        Examples examples) {

    /** A plan the rule accepts and one it rejects. */
    public record Examples(Plan compliant, Plan violating) {
    }

    public List<PlannedResource> targets(Plan plan) {
        return plan.ofType(resourceType);
    }
}
