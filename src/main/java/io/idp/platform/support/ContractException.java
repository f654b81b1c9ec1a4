package io.idp.platform.support;

import java.util.List;

/** Stacks disagree: outputs one stack relies on are missing or conflict with this stack. */
public final class ContractException extends RuntimeException {
    private final List<String> problems;

    public ContractException(String message) {
        this(List.of(message));
    }

    public ContractException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem on its own, as the program reports them. */
    public List<String> problems() {
        return problems;
    }
}
