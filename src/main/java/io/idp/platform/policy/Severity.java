package io.idp.platform.policy;

/** Mandatory violations fail the plan; advisory ones are reported. */
public enum Severity {
    MANDATORY, ADVISORY
}
