package io.idp.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.idp.platform.components.SecretReplicas;
import io.idp.platform.components.SecretReplicasArgs;
import io.idp.platform.components.SecretStore;
import io.idp.platform.components.StateReplica;
import io.idp.platform.components.StateReplicaArgs;
import io.idp.platform.components.StateStore;
import io.idp.platform.config.ManagementSettings;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.support.AwsProviderFactory;

import java.util.Optional;

import static io.idp.platform.contract.ManagementOutputs.*;

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
        var state = new StateReplica("state-replica", StateReplicaArgs.builder().source(stateStore)
                .sourceBucket(settings.stateBucket()).sourceRegion(config.region()).region(region.get()).replicaRegion(provider)
                .protect(config.protect()).build(), aws);
        var secrets = new SecretReplicas("secret-replicas", SecretReplicasArgs.builder().clusterName(config.clusterName())
                .region(region.get()).replicaRegion(provider).protect(config.protect()).build(), aws);
        secretStore.replicateTo(secrets.replica());
        return new Recovery(region, Optional.of(state), Optional.of(secrets));
    }

    void export(Context ctx) {
        ctx.export(RECOVERY_REGION, Output.of(region.orElse("")));
        ctx.export(SECRET_REPLICA_KMS_KEY_ARN, secrets.map(SecretReplicas::kmsKeyArn).orElse(Output.of("")));
        ctx.export(STATE_REPLICA_BACKEND_URL, state.map(StateReplica::backendUrl).orElse(Output.of("")));
    }
}
