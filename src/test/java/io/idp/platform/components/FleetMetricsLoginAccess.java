package io.idp.platform.components;

/** Opens {@link FleetMetricsLogin}'s htpasswd form to the stack tests. */
public final class FleetMetricsLoginAccess {
    private FleetMetricsLoginAccess() {
    }

    public static String htpasswd(String user, String password) {
        return FleetMetricsLogin.htpasswd(user, password);
    }
}
