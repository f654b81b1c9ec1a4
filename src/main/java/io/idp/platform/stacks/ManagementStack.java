package io.idp.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.idp.platform.components.AwsProviderFactory;
import io.idp.platform.components.Network;
import io.idp.platform.components.StateStore;
import io.idp.platform.config.PlatformConfig;

import static io.idp.platform.stacks.ManagementOutputs.*;

/** The {@code mgmt} stack: the platform's state store and the management cluster's network. */
public final class ManagementStack {
    private ManagementStack() {
    }

    public static void define(Context ctx, PlatformConfig config) {
        var settings = config.managementSettings();
        var aws = ComponentResourceOptions.builder().providers(AwsProviderFactory.create(config)).build();

        var stateStore = new StateStore("state", StateStore.Args.of(settings.stateBucket(), config.protect()), aws);
        var network = new Network(config.clusterName(), Network.Args.of(config.clusterName(), config.network().vpcCidr(),
                config.network().availabilityZones(), config.network().natGateways()), aws);

        ctx.export(CLUSTER_NAME, Output.of(config.clusterName()));
        ctx.export(REGION, Output.of(config.region()));
        ctx.export(VPC_ID, network.vpcId());
        ctx.export(VPC_CIDR, network.vpcCidr());
        ctx.export(PRIVATE_SUBNET_IDS, network.privateSubnetIds());
        ctx.export(STATE_BUCKET, stateStore.bucketName());
        ctx.export(STATE_BACKEND_URL, stateStore.backendUrl());
        ctx.export(DOMAIN, Output.of(settings.domain()));
        ctx.export(GITOPS_REPO, Output.of(settings.githubOwner() + "/" + settings.gitopsRepo()));
    }
}
