package io.idp.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.idp.platform.components.ManagementReference;
import io.idp.platform.components.WorkloadCluster;
import io.idp.platform.components.WorkloadClusterArgs;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.config.WorkloadSettings.ClusterType;
import io.idp.platform.gitops.GitopsLayout;
import io.idp.platform.gitops.Sources;
import io.idp.platform.support.AwsProviderFactory;
import io.idp.platform.support.ContractException;

/**
 * A workload stack: one {@link WorkloadCluster} (EKS in its own VPC and region, or a virtual cluster in
 * the management cluster) registered with the management stack's Argo CD, read through its outputs,
 * and its own directory {@code registry/clusters/<name>/} committed to the gitops repository.
 */
public final class WorkloadStack {
    private WorkloadStack() {
    }

    public static void define(Context ctx, PlatformConfig config, Sources sources) {
        var settings = config.workloadSettings();
        ManagementReference management;
        try {
            management = ManagementReference.read(settings.managementStack(), config);
        } catch (ContractException broken) {
            // Reported as errors, not thrown: the engine shows each message once, without a stack trace,
            // and the program ends having registered nothing but the stack reference.
            broken.problems().forEach(problem -> ctx.log().error(problem));
            return;
        }
        var eks = settings.clusterType() == ClusterType.EKS;
        var args = WorkloadClusterArgs.builder().clusterName(config.clusterName()).kind(settings.clusterType())
                .region(config.region()).management(management)
                .addons(GitopsLayout.tools(sources.catalog(), CatalogPins.kind(settings.clusterType()), config.observability()))
                .environments(config.environments()).stackName(config.stack())
                .dnsTokenAllowedCidrs(config.dns().tokenAllowedCidrs()).dnsTokenExpiresOn(config.dns().tokenExpiresOn())
                .secretStoreRegion(config.recovery().secretStoreRegion()).protect(config.protect())
                .people(sources.people()).applications(ManagementApplications.read(sources.root(), settings.managementStack()));
        if (eks) {
            args.clusterSettings(config.cluster()).vpcCidr(config.network().vpcCidr())
                    .addonVersions(sources.catalog().addonsFor(config.cluster().kubernetesVersion()))
                    .availabilityZones(config.network().availabilityZones()).natGateways(config.network().natGateways())
                    .apiPublicAccessCidrs(config.network().apiPublicAccessCidrs())
                    .autoscaling(config.autoscaling()).backups(config.backups()).metricsRetention(config.metrics().retention());
        } else {
            args.vclusterChart(CatalogPins.chart(sources.catalog(), "vcluster"));
        }
        // Only a cluster of its own needs the stack's AWS provider; a virtual cluster lives in the management region.
        var options = eks ? ComponentResourceOptions.builder().providers(AwsProviderFactory.create(config)).build()
                : ComponentResourceOptions.Empty;
        var cluster = new WorkloadCluster(config.clusterName(), args.build(), options);

        GitopsCommits.workload(sources, config, management, cluster);

        ctx.export("clusterName", cluster.clusterName());
        ctx.export("clusterType", Output.of(settings.clusterType().configValue()));
        ctx.export("region", Output.of(config.region()));
        ctx.export("environments", Output.of(config.environments()));
        ctx.export("managementCluster", management.clusterName());
        ctx.export("server", cluster.server());
        cluster.vpcId().ifPresent(vpcId -> ctx.export("vpcId", vpcId));
        cluster.vpcCidr().ifPresent(vpcCidr -> ctx.export("vpcCidr", vpcCidr));
    }
}
