package io.idp.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.idp.platform.components.AwsProviderFactory;
import io.idp.platform.components.SecretReadAccess;
import io.idp.platform.components.SecretReplicas;
import io.idp.platform.components.SecretStore;
import io.idp.platform.components.StateReplica;
import io.idp.platform.components.StateStore;
import io.idp.platform.config.ManagementSettings;
import io.idp.platform.config.PlatformConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.idp.platform.stacks.ManagementOutputs.*;

/**
 * The management stack's disaster-recovery side, when platform:recoveryRegion is set: the state
 * bucket's replica and the secrets' replica key in that region, and what other parts need of them.
 */
record Recovery(Optional<String> region, Optional<StateReplica> state, Optional<SecretReplicas> secrets) {

    static Recovery define(PlatformConfig config, ManagementSettings settings, StateStore stateStore, SecretStore secretStore,
                           ComponentResourceOptions aws) {
        var region = config.recovery().recoveryRegion();
        if (region.isEmpty()) {
            return new Recovery(region, Optional.empty(), Optional.empty());
        }
        var provider = AwsProviderFactory.create(config, "aws-recovery", region.get());
        var state = new StateReplica("state-replica", new StateReplica.Args(stateStore, settings.stateBucket(), config.region(),
                region.get(), provider, StateStore.Args.DEFAULT_NONCURRENT_DAYS, config.protect()), aws);
        var secrets = new SecretReplicas("secret-replicas", new SecretReplicas.Args(config.clusterName(), region.get(), provider,
                config.protect()), aws);
        secretStore.replicateTo(secrets.replica());
        return new Recovery(region, Optional.of(state), Optional.of(secrets));
    }

    /** The cluster's secrets in the store's region and, with a recovery region, their replicas. */
    Output<List<String>> readableSecrets(Output<String> pattern) {
        return pattern.applyValue(p -> {
            var patterns = new ArrayList<>(List.of(p));
            region.ifPresent(r -> patterns.add(SecretReadAccess.inRegion(p, r)));
            return List.copyOf(patterns);
        });
    }

    /** The store's key and, with a recovery region, the replicas' key. */
    Output<List<String>> secretKeys(Output<String> storeKey) {
        return secrets.map(s -> Output.tuple(storeKey, s.kmsKeyArn()).applyValue(t -> List.of(t.t1, t.t2)))
                .orElseGet(() -> storeKey.applyValue(k -> List.of(k)));
    }

    void export(Context ctx) {
        ctx.export(RECOVERY_REGION, Output.of(region.orElse("")));
        ctx.export(SECRET_REPLICA_KMS_KEY_ARN, secrets.map(SecretReplicas::kmsKeyArn).orElse(Output.of("")));
        ctx.export(STATE_REPLICA_BACKEND_URL, state.map(StateReplica::backendUrl).orElse(Output.of("")));
    }
}
