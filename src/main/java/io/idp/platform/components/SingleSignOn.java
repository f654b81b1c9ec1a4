package io.idp.platform.components;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.tls.PrivateKey;
import com.pulumi.tls.PrivateKeyArgs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The secrets of single sign-on, in the secret store under the management cluster's path: the
 * GitHub OAuth app's client secret (given), and the client secrets Grafana and Argo Workflows use with
 * Argo CD's Dex (made here: each the SHA-256 of a dedicated private key's material, a 256-bit secret
 * that needs no random provider). External Secrets delivers them to both sides of each client (Dex's
 * argocd-sso and the client's own namespace); git holds only references.
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
    public record Args(String clusterName, Output<String> githubClientSecret, SecretStore store) {
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
