package io.idp.platform.components;

/** Stacks disagree: an output one stack relies on is missing or conflicts with this stack. */
public final class ContractException extends RuntimeException {
    public ContractException(String message) {
        super(message);
    }
}
