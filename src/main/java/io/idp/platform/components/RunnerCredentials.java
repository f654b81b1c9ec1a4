package io.idp.platform.components;

import io.idp.platform.config.CiSettings;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;

import java.util.Map;

/**
 * The GitHub App the self-hosted runners register with, in the secret store under the management
 * cluster's path: its id and installation id as given, its private key as the Pulumi secret it arrived
 * as. External Secrets assembles them into the scale set's githubConfigSecret in arc-runners
 * (stacks/management/gha-runner-scale-set.yaml); git holds only the references.
 */
public final class RunnerCredentials extends ComponentResource {
    public static final String TYPE = "platform:components:RunnerCredentials";
    public static final String APP_ID = "ci/github-app-id";
    public static final String INSTALLATION_ID = "ci/github-app-installation-id";
    public static final String PRIVATE_KEY = "ci/github-app-private-key";

    /**
     * @param clusterName the management cluster, under whose path of the store the secrets go
     * @param app         the App's ids and private key
     * @param store       the platform's secret store
     */
    public record Args(String clusterName, CiSettings.GithubApp app, SecretStore store) {
    }

    public RunnerCredentials(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var own = "clusters/" + args.clusterName() + "/";
        var store = args.store();
        store.put(own + APP_ID, "GitHub App id of the self-hosted runners", Output.of(args.app().appId()));
        store.put(own + INSTALLATION_ID, "GitHub App installation id of the self-hosted runners", Output.of(args.app().installationId()));
        store.put(own + PRIVATE_KEY, "GitHub App private key of the self-hosted runners", args.app().privateKey().output());
        registerOutputs(Map.of());
    }
}
