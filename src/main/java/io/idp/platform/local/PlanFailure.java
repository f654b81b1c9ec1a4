package io.idp.platform.local;

import java.util.List;

/** A plan the engine ran but that would fail at pulumi up: every reason, reported together. */
public final class PlanFailure extends RuntimeException {
    private final List<String> reasons;

    public PlanFailure(String stack, List<String> reasons) {
        super("the plan of stack '" + stack + "' failed:\n  - " + String.join("\n  - ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
