package io.idp.platform.config.wrongway;

import io.idp.platform.stacks.ManagementStack;

/**
 * A configuration class that uses the stacks: the wrong way round. Only {@code ArchitectureTest} reads
 * it, to prove the rules fail on such an import and name both classes.
 */
public final class ConfigReadingTheStacks {
    private ConfigReadingTheStacks() {
    }

    public static String stackClass() {
        return ManagementStack.class.getName();
    }
}
