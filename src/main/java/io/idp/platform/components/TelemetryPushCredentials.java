package io.idp.platform.components;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.tls.PrivateKey;
import com.pulumi.tls.PrivateKeyArgs;
import io.idp.platform.config.TelemetryPaths;

import java.util.List;
import java.util.Map;

/**
 * One push password per physical workload cluster, for sending its logs and traces to the management
 * cluster's stores through the gateway (basic auth over HTTPS). Made here, as Grafana's client secret
 * is (the SHA-256 of a dedicated key's material), and written to the secret store twice
 * ({@link TelemetryPaths}): the workload cluster's External Secrets reads only its own copy, the
 * management cluster's reads every copy under its own path. A virtual cluster needs none: its pods'
 * logs are read on the management cluster's nodes.
 */
public final class TelemetryPushCredentials extends ComponentResource {
    public static final String TYPE = "platform:components:TelemetryPushCredentials";

    /**
     * @param managementCluster the management cluster, under whose path the stores' copies go
     * @param workloadClusters  the physical workload clusters of the stack files
     * @param store             the platform's secret store
     */
    public record Args(String managementCluster, List<String> workloadClusters, SecretStore store) {
        public Args {
            workloadClusters = List.copyOf(workloadClusters);
        }
    }

    public TelemetryPushCredentials(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        for (var cluster : args.workloadClusters()) {
            var seed = new PrivateKey(name + "-" + cluster + "-seed", PrivateKeyArgs.builder().algorithm("ED25519").build(),
                    CustomResourceOptions.builder().parent(this).build());
            var password = seed.privateKeyPem().applyValue(SingleSignOn::derive).asSecret();
            args.store().put(TelemetryPaths.agentPassword(cluster), "Push password of " + cluster + " for logs and traces", password);
            args.store().put(TelemetryPaths.storePassword(args.managementCluster(), cluster),
                    "Push password of " + cluster + ", for the management cluster's log and trace stores", password);
        }
        registerOutputs(Map.of());
    }
}
