package io.idp.platform.components;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.tls.PrivateKey;
import com.pulumi.tls.PrivateKeyArgs;
import io.idp.platform.support.FleetSignOn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The secrets of single sign-on, in the secret store under the management cluster's path: the
 * GitHub OAuth app's client secret (given), and the client secrets Grafana and Argo Workflows use with
 * Argo CD's Dex (made here: each the SHA-256 of a dedicated private key's material, a 256-bit secret
 * that needs no random provider), and one such secret per workload cluster's Grafana ({@link FleetSignOn}).
 * External Secrets delivers them to both sides of each client; git holds only references.
 */
public final class SingleSignOn extends ComponentResource {
    public static final String TYPE = "platform:components:SingleSignOn";
    public static final String GITHUB_CLIENT_SECRET = "sso/github-oauth-client-secret";
    public static final String GRAFANA_CLIENT_SECRET = "sso/grafana-client-secret";
    public static final String ARGO_WORKFLOWS_CLIENT_SECRET = "sso/argo-workflows-client-secret";

    /**
     * @param clusterName        the management cluster, under whose path of the store the secrets go
     * @param githubClientSecret the GitHub OAuth app's client secret (secret)
     * @param store              the platform's secret store
     */
    public record Args(String clusterName, Output<String> githubClientSecret, SecretStore store, FleetSignOn fleet) {
        public Args {
            fleet = fleet == null ? FleetSignOn.NONE : fleet;
        }

        /** No workload Grafana signs in through the management cluster's Dex. */
        public Args(String clusterName, Output<String> githubClientSecret, SecretStore store) {
            this(clusterName, githubClientSecret, store, null);
        }
    }

    public SingleSignOn(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var clusterName = args.clusterName();
        var store = args.store();
        var own = "clusters/" + clusterName + "/";
        store.put(own + GITHUB_CLIENT_SECRET, "GitHub OAuth app client secret (Argo CD's Dex)", args.githubClientSecret());
        var seed = new PrivateKey(name + "-grafana-seed", PrivateKeyArgs.builder().algorithm("ED25519").build(),
                CustomResourceOptions.builder().parent(this).build());
        store.put(own + GRAFANA_CLIENT_SECRET, "Grafana's client secret with Argo CD's Dex",
                seed.privateKeyPem().applyValue(SingleSignOn::derive).asSecret());
        // Each workload Grafana's secret, kept twice: at the workload cluster's own path, which its External
        // Secrets reads, and at this cluster's, which Argo CD's Dex reads; each cluster's role reads only its own.
        for (var workload : args.fleet().grafanaClusters()) {
            var workloadSeed = new PrivateKey(name + "-grafana-" + workload + "-seed", PrivateKeyArgs.builder().algorithm("ED25519").build(),
                    CustomResourceOptions.builder().parent(this).build());
            var secret = workloadSeed.privateKeyPem().applyValue(SingleSignOn::derive).asSecret();
            store.put("clusters/" + workload + "/" + FleetSignOn.CLUSTER_SECRET,
                    "Grafana of " + workload + ": its client secret with Argo CD's Dex", secret);
            store.put(own + FleetSignOn.managementSecret(workload),
                    "Grafana of " + workload + ": its client secret, for Argo CD's Dex", secret);
        }
        var workflowsSeed = new PrivateKey(name + "-argo-workflows-seed", PrivateKeyArgs.builder().algorithm("ED25519").build(),
                CustomResourceOptions.builder().parent(this).build());
        store.put(own + ARGO_WORKFLOWS_CLIENT_SECRET, "Argo Workflows' client secret with Argo CD's Dex",
                workflowsSeed.privateKeyPem().applyValue(SingleSignOn::derive).asSecret());
        registerOutputs(Map.of());
    }

    static String derive(String material) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
