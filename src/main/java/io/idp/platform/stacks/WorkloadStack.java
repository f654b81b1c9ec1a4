package io.idp.platform.stacks;

import com.pulumi.Context;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.idp.platform.components.AwsProviderFactory;
import io.idp.platform.components.ClusterDnsTokens;
import io.idp.platform.components.ClusterRegistration;
import io.idp.platform.components.ContractException;
import io.idp.platform.components.DnsZone;
import io.idp.platform.components.EksCluster;
import io.idp.platform.components.ExternalSecretsRole;
import io.idp.platform.components.Firewall;
import io.idp.platform.components.ManagementReference;
import io.idp.platform.components.Network;
import io.idp.platform.components.RepositoryFiles;
import io.idp.platform.components.SecretReadAccess;
import io.idp.platform.components.VirtualCluster;
import io.idp.platform.components.VirtualClusterSecrets;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.config.WorkloadSettings.ClusterType;
import io.idp.platform.gitops.ClusterKind;
import io.idp.platform.gitops.GitopsLayout;
import io.idp.platform.gitops.Sources;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.idp.platform.stacks.ManagementOutputs.*;

/**
 * A workload stack: one workload cluster built on the management stack's outputs. Physical (EKS, in
 * its own VPC and region, with the same catalog as every cluster) or virtual (vcluster in the
 * management cluster). Either way it is registered with Argo CD as a cluster Secret, and its own
 * directory {@code registry/clusters/<name>/} is committed to the gitops repository.
 */
public final class WorkloadStack {
    private WorkloadStack() {
    }

    public static void define(Context ctx, PlatformConfig config, Sources sources) {
        var settings = config.workloadSettings();
        var catalog = sources.catalog();
        var name = config.clusterName();
        ManagementReference management;
        try {
            management = ManagementReference.read(settings.managementStack(), config);
        } catch (ContractException broken) {
            // Reported as errors, not thrown: the engine shows each message once, without a stack trace,
            // and the program ends having registered nothing but the stack reference.
            broken.problems().forEach(problem -> ctx.log().error(problem));
            return;
        }
        var managementCluster = management.kubernetes("management-cluster");
        var managementRegion = new com.pulumi.aws.Provider("aws-management-region", ProviderArgs.builder()
                .region(management.require(REGION)).defaultTags(com.pulumi.aws.inputs.ProviderDefaultTagsArgs.builder()
                        .tags(AwsProviderFactory.tags(config)).build()).build());
        var github = management.github("github", managementRegion);
        var kind = settings.clusterType() == ClusterType.EKS ? ClusterKind.WORKLOAD_EKS : ClusterKind.WORKLOAD_VCLUSTER;
        var labels = ClusterRegistration.labels(catalog, kind, config.observability(), config.environments());
        var hostname = management.require(DOMAIN).applyValue(domain -> name + "." + domain);
        var secretsPrefix = management.require(SECRET_STORE_PREFIX).applyValue(prefix -> prefix + "clusters/" + name + "/");

        Output<String> server;
        if (kind == ClusterKind.WORKLOAD_EKS) {
            var aws = ComponentResourceOptions.builder().providers(AwsProviderFactory.create(config)).build();
            var network = new Network(name, Network.Args.of(name, config.network().vpcCidr(),
                    config.network().availabilityZones(), config.network().natGateways()), aws);
            var firewall = new Firewall(name + "-firewall", new Firewall.Args(name, network.vpcId()), aws);
            var eks = new EksCluster(name, new EksCluster.Args(name, config.region(), config.cluster(),
                    network.privateSubnetIds(), firewall.controlPlaneSecurityGroupId(), firewall.nodeSecurityGroupId(),
                    config.network().apiPublicAccessCidrs(), management.require(CI_DEPLOY_ROLE_ARN),
                    catalog.addonsFor(config.cluster().kubernetesVersion()), config.protect(),
                    EksCluster.Args.DEFAULT_LOG_RETENTION_DAYS, EksCluster.Args.DEFAULT_NODE_VOLUME_GIB), aws);
            // Argo CD in the management cluster reaches this one through its fleet role: an access entry, no token.
            var fleetAccess = eks.admin(name + "-argocd-fleet", management.require(ARGOCD_FLEET_ROLE_ARN));
            var readable = Output.tuple(management.require(SECRET_STORE_KMS_KEY_ARN), secretsPrefix)
                    .applyValue(t -> SecretReadAccess.arnPattern(t.t1, t.t2));
            // Its replicas too, when the platform has a recovery region: failing over is then a configuration change.
            var replica = management.optional(RECOVERY_REGION);
            var replicaKey = management.optional(SECRET_REPLICA_KMS_KEY_ARN);
            var externalSecrets = ExternalSecretsRole.createReadingReplicas(eks, name,
                    readable.applyValue(p -> replica.map(r -> List.of(p, SecretReadAccess.inRegion(p, r))).orElse(List.of(p))),
                    management.require(SECRET_STORE_KMS_KEY_ARN).applyValue(k -> replicaKey.map(r -> List.of(k, r)).orElse(List.of(k))),
                    false);
            var cloudflare = management.cloudflare("cloudflare", managementRegion);
            new ClusterDnsTokens(name + "-dns-tokens", new ClusterDnsTokens.Args(name, management.require(DOMAIN),
                    management.require(DNS_ZONE_ID), config.dns(), cloudflare, management.secretStore(config.protect(), managementRegion)),
                    ComponentResourceOptions.Empty);
            DnsZone.clusterSubdomain(name, management.require(DOMAIN), management.require(DNS_ZONE_ID), cloudflare, null);
            var annotations = Output.tuple(hostname, externalSecrets.arn()).applyValue(t -> annotations(config, t.t1, t.t2));
            // The Secret depends on the cluster (through its endpoint) and on Argo CD's access to it, so a destroy
            // removes it first. It does not wait for nodes: Argo CD retries until the add-ons can run.
            ClusterRegistration.eks(name, eks.endpoint(), eks.certificateAuthority(), labels, annotations,
                    CustomResourceOptions.builder().provider(managementCluster).dependsOn(fleetAccess).build());
            server = eks.endpoint();
            ctx.export("vpcId", network.vpcId());
            ctx.export("vpcCidr", network.vpcCidr());
        } else {
            var cloudflare = management.cloudflare("cloudflare", managementRegion);
            new ClusterDnsTokens(name + "-dns-tokens", new ClusterDnsTokens.Args(name, management.require(DOMAIN),
                    management.require(DNS_ZONE_ID), config.dns(), cloudflare, management.secretStore(config.protect(), managementRegion)),
                    ComponentResourceOptions.Empty);
            DnsZone.clusterSubdomain(name, management.require(DOMAIN), management.require(DNS_ZONE_ID), cloudflare, null);
            var secretsRole = VirtualClusterSecrets.role(name, management, secretsPrefix, managementRegion);
            var vcluster = new VirtualCluster(name, new VirtualCluster.Args(name, catalog.tool("vcluster"), labels,
                    hostname.applyValue(host -> annotations(config, host, "")), managementCluster, secretsRole,
                    secretsPrefix, management.require(REGION).applyValue(region -> config.recovery().secretStoreRegion(region))),
                    ComponentResourceOptions.Empty);
            server = Output.of(vcluster.server());
        }

        var facts = Output.tuple(hostname, management.require(ALERTS_EMAIL), secretsPrefix).applyValue(t ->
                new GitopsLayout.WorkloadFacts(name, t.t1, config.region(), t.t2, t.t3));
        var secretsRegion = management.require(REGION).applyValue(region -> config.recovery().secretStoreRegion(region));
        var paths = new TreeSet<>(GitopsLayout.workload(sources.root(), catalog, kind,
                new GitopsLayout.WorkloadFacts(name, GitopsFiles.PENDING, config.region(), GitopsFiles.PENDING, GitopsFiles.PENDING),
                GitopsFiles.PENDING).keySet());
        new RepositoryFiles(name + "-registry", new RepositoryFiles.Args(
                management.require(GITOPS_REPO).applyValue(repo -> repo.substring(repo.indexOf('/') + 1)), paths,
                Output.tuple(facts, secretsRegion).applyValue(t -> GitopsLayout.workload(sources.root(), catalog, kind, t.t1, t.t2)), path -> false,
                "stacks/" + kind.catalogName() + " for " + name), ComponentResourceOptions.builder().providers(github).build());

        ctx.export("clusterName", Output.of(name));
        ctx.export("clusterType", Output.of(settings.clusterType().configValue()));
        ctx.export("region", Output.of(config.region()));
        ctx.export("environments", Output.of(config.environments()));
        ctx.export("managementCluster", management.require(CLUSTER_NAME));
        ctx.export("server", server);
    }

    /** Per-cluster facts the fleet's add-ons read from the cluster Secret's annotations. */
    static Map<String, String> annotations(PlatformConfig config, String hostname, String externalSecretsRoleArn) {
        var annotations = new TreeMap<String, String>();
        annotations.put("cluster_hostname", hostname);
        annotations.put("region", config.region());
        annotations.put("platform/stack", config.stack());
        if (!externalSecretsRoleArn.isEmpty()) {
            annotations.put("external_secrets_role_arn", externalSecretsRoleArn);
        }
        return annotations;
    }
}
