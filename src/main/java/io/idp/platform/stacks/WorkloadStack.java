package io.idp.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.idp.platform.components.AwsProviderFactory;
import io.idp.platform.components.ManagementReference;
import io.idp.platform.components.Network;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.gitops.Sources;

/** A workload stack: one workload cluster built on the management stack's outputs. */
public final class WorkloadStack {
    private WorkloadStack() {
    }

    public static void define(Context ctx, PlatformConfig config, Sources sources) {
        var settings = config.workloadSettings();
        var management = new ManagementReference(settings.managementStack(), config);
        var aws = ComponentResourceOptions.builder().providers(AwsProviderFactory.create(config)).build();

        var network = new Network(config.clusterName(), Network.Args.of(config.clusterName(), config.network().vpcCidr(),
                config.network().availabilityZones(), config.network().natGateways()), aws);

        ctx.export("clusterName", Output.of(config.clusterName()));
        ctx.export("clusterType", Output.of(settings.clusterType().configValue()));
        ctx.export("region", Output.of(config.region()));
        ctx.export("environments", Output.of(config.environments()));
        ctx.export("managementCluster", management.require(ManagementOutputs.CLUSTER_NAME));
        ctx.export("vpcId", network.vpcId());
        ctx.export("vpcCidr", network.vpcCidr());
    }
}
