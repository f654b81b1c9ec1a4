package io.idp.platform.local;

import java.util.List;

/** A plan the engine ran but that would fail at pulumi up: every reason, reported together. */
public final class PlanFailure extends RuntimeException {
    private final List<String> reasons;
    private final List<PlannedResource> registered;

    public PlanFailure(String stack, List<String> reasons) {
        this(stack, reasons, List.of());
    }

    /** @param registered what the program had registered when it failed: what a pulumi up would have created */
    public PlanFailure(String stack, List<String> reasons, List<PlannedResource> registered) {
        super("the plan of stack '" + stack + "' failed:\n  - " + String.join("\n  - ", reasons));
        this.reasons = List.copyOf(reasons);
        this.registered = List.copyOf(registered);
    }

    public List<String> reasons() {
        return reasons;
    }

    public List<PlannedResource> registered() {
        return registered;
    }
}
