package io.idp.platform.components;

import io.idp.platform.gitops.FleetMonitoring;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.tls.PrivateKey;
import com.pulumi.tls.PrivateKeyArgs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * A physical workload cluster's login to the management cluster's metrics door: the user is the
 * cluster's name, the password a 256-bit secret made here (the SHA-256 of a dedicated key's material,
 * as for Grafana's client secret). The password goes under the cluster's own path of the secret store,
 * where its External Secrets reads it; only its htpasswd line ({SHA}, what Envoy Gateway's basic
 * auth checks) goes under the management cluster's path, where the management cluster collects the
 * fleet's lines. Replacing the key (pulumi up --replace) rotates the password on both sides.
 */
public final class FleetMetricsLogin extends ComponentResource {
    public static final String TYPE = "platform:components:FleetMetricsLogin";

    /**
     * @param clusterName           the workload cluster, also the login's user
     * @param managementClusterName the management cluster, under whose path the htpasswd line goes
     * @param store                 the platform's secret store, as the workload stack writes it
     */
    public record Args(String clusterName, Output<String> managementClusterName, SecretWriter store) {
    }

    public FleetMetricsLogin(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var cluster = args.clusterName();
        var seed = new PrivateKey(name + "-seed", PrivateKeyArgs.builder().algorithm("ED25519").build(),
                CustomResourceOptions.builder().parent(this).build());
        var password = seed.privateKeyPem().applyValue(SingleSignOn::derive).asSecret();
        args.store().put("clusters/" + cluster + "/" + FleetMonitoring.PASSWORD_PATH,
                "Password of " + cluster + "'s Prometheus remote write to the management cluster", password);
        args.store().put("secret-prometheus-write-users-" + cluster,
                args.managementClusterName().applyValue(mgmt -> "clusters/" + mgmt + "/" + FleetMonitoring.USERS_PATH + cluster),
                "htpasswd line of " + cluster + "'s remote-write login (the management Gateway checks it)",
                password.applyValue(p -> htpasswd(cluster, p)).asSecret());
        registerOutputs(Map.of());
    }

    /** {@code user:{SHA}<base64 of the password's SHA-1>}, the htpasswd form Envoy Gateway accepts. */
    static String htpasswd(String user, String password) {
        try {
            var digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            return user + ":{SHA}" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
