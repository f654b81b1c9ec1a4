package io.idp.platform.policy;

/**
 * One violation of one rule by one resource.
 *
 * @param waiver the reason the stack gives for accepting it, or null when it is not waived
 */
public record Finding(Rule rule, String urn, String resourceName, String detail, String waiver) {
    public boolean waived() {
        return waiver != null;
    }

    public boolean failsThePlan() {
        return rule.severity() == Severity.MANDATORY && !waived();
    }

    public String format() {
        var text = rule.id() + " (" + rule.severity().name().toLowerCase() + ") " + resourceName + ": " + detail + ". Fix: " + rule.fix();
        return waived() ? text + " [waived: " + waiver + "]" : text;
    }
}
