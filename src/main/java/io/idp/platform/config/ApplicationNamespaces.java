package io.idp.platform.config;

/**
 * Where an application runs in an environment: its namespace {@code <app>-<env>}. One rule for the
 * rendered projects and policies and for the clusters' access entries, so they cannot disagree.
 */
public final class ApplicationNamespaces {
    private ApplicationNamespaces() {
    }

    public static String of(String app, String environment) {
        return app + "-" + environment;
    }
}
