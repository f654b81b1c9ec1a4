package io.idp.platform.local;

/** A plan that cannot be made, with a message that tells the user what to do; exit code 1. */
public class PlanException extends RuntimeException {
    public PlanException(String message) {
        super(message);
    }
}
