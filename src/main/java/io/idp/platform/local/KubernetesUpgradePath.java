package io.idp.platform.local;

import io.idp.platform.config.ConfigError;
import io.idp.platform.config.ConfigException;
import io.idp.platform.config.ConfigKeys;
import io.idp.platform.config.KubernetesSupport;

import java.util.ArrayList;
import java.util.Optional;

/**
 * EKS upgrades a cluster one minor version at a time (1.33 to 1.34, then 1.35): a stack whose last
 * plan (the state it was deployed from) has an older cluster may only move to the next minor. A jump
 * would fail at AWS halfway through {@code pulumi up}; here it fails before anything runs.
 */
final class KubernetesUpgradePath {
    static final String CLUSTER = "aws:eks/cluster:Cluster";

    private KubernetesUpgradePath() {
    }

    /** Throws with one error per cluster of the previous plan that {@code wanted} would skip a minor from. */
    static void check(String stackFile, Optional<Plan> previous, String wanted) {
        if (previous.isEmpty() || wanted == null) {
            return;
        }
        var errors = new ArrayList<ConfigError>();
        for (var cluster : previous.get().ofType(CLUSTER)) {
            var from = cluster.inputs().get("version");
            if (from instanceof String version && version.matches("1\\.\\d+") && KubernetesSupport.skipsAMinor(version, wanted)) {
                var next = "1." + (Integer.parseInt(version.substring(2)) + 1);
                errors.add(new ConfigError(ConfigKeys.KUBERNETES_VERSION.name(), wanted,
                        "skips a minor version: the cluster " + cluster.name() + " runs Kubernetes " + version
                                + " in the stack's last plan, and EKS upgrades one minor version at a time",
                        next + " now, then the next minor in a later update (docs/kubernetes-versions.md)",
                        ConfigKeys.KUBERNETES_VERSION.name() + ": \"" + next + "\""));
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(stackFile, errors);
        }
    }
}
