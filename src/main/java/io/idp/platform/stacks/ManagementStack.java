package io.idp.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.idp.platform.components.ArgoCd;
import io.idp.platform.components.ArgoCdValues;
import io.idp.platform.components.ClusterDnsTokens;
import io.idp.platform.components.SingleSignOn;
import io.idp.platform.components.AwsProviderFactory;
import io.idp.platform.components.BotAccounts;
import io.idp.platform.components.DnsZone;
import io.idp.platform.components.EksCluster;
import io.idp.platform.components.Firewall;
import io.idp.platform.components.GitopsRepo;
import io.idp.platform.components.Network;
import io.idp.platform.components.SecretStore;
import io.idp.platform.components.StateStore;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.components.ExternalSecretsRole;
import io.idp.platform.gitops.GitopsLayout;
import io.idp.platform.gitops.Sources;

import static io.idp.platform.stacks.ManagementOutputs.*;

/**
 * The {@code mgmt} stack: bot accounts, the state store, the secret store, network, firewall and
 * the management EKS cluster; the gitops repository and Argo CD pointed at its registry; DNS.
 */
public final class ManagementStack {
    private ManagementStack() {
    }

    public static void define(Context ctx, PlatformConfig config, Sources sources) {
        var settings = config.managementSettings();
        var catalog = sources.catalog();
        var cluster = config.clusterName();
        var hostname = cluster + "." + settings.domain();
        var aws = ComponentResourceOptions.builder().providers(AwsProviderFactory.create(config)).build();

        var stateStore = new StateStore("state", StateStore.Args.of(settings.stateBucket(), config.protect()), aws);
        var secrets = new SecretStore("secrets", SecretStore.Args.of(cluster, config.protect()), aws);
        var recovery = Recovery.define(config, settings, stateStore, secrets, aws);
        var bots = new BotAccounts("bots", new BotAccounts.Args(cluster, settings.githubOwner(), settings.platformRepo(),
                settings.alertsEmail(), settings.githubToken(), settings.cloudflareToken(), settings.githubOidcProviderArn(),
                stateStore.bucketArn(), stateStore.keyArn(), secrets), aws);
        var dns = new DnsZone("dns", new DnsZone.Args(settings.domain(), settings.cloudflareToken(), config.dns(), config.protect()),
                ComponentResourceOptions.Empty);
        var gitops = new GitopsRepo("gitops", new GitopsRepo.Args(settings.githubOwner(), settings.gitopsRepo(), cluster,
                config.protect(), settings.adoptGitopsRepo(), "https://argocd." + hostname + "/api/webhook", secrets),
                ComponentResourceOptions.builder().providers(bots.github()).build());

        var network = new Network(cluster, Network.Args.of(cluster, config.network().vpcCidr(),
                config.network().availabilityZones(), config.network().natGateways()), aws);
        var firewall = new Firewall(cluster + "-firewall", new Firewall.Args(cluster, network.vpcId()), aws);
        var eks = new EksCluster(cluster, new EksCluster.Args(cluster, config.region(), config.cluster(),
                network.privateSubnetIds(), firewall.controlPlaneSecurityGroupId(), firewall.nodeSecurityGroupId(),
                config.network().apiPublicAccessCidrs(), bots.ciDeployRoleArn(),
                catalog.addonsFor(config.cluster().kubernetesVersion()), config.protect(),
                EksCluster.Args.DEFAULT_LOG_RETENTION_DAYS, EksCluster.Args.DEFAULT_NODE_VOLUME_GIB), aws);
        var sso = settings.sso();
        new SingleSignOn("sso", cluster, sso.clientSecret(), secrets, ComponentResourceOptions.Empty);
        var argocd = new ArgoCd("argocd", new ArgoCd.Args(cluster, "argocd." + hostname,
                settings.argocdHa(), catalog.tool("argo-cd"), gitops.sshCloneUrl(), gitops.deployKeyPrivate(), eks,
                new ArgoCdValues.Sso(settings.githubOwner(), sso.adminsTeam(), sso.developersTeam(), sso.clientId(), "grafana." + hostname),
                eks.ready()), aws);
        var externalSecrets = ExternalSecretsRole.createReadingReplicas(eks, cluster,
                recovery.readableSecrets(secrets.secretArnPattern("clusters/" + cluster + "/")), recovery.secretKeys(secrets.kmsKeyArn()), true);
        new ClusterDnsTokens(cluster + "-dns-tokens", new ClusterDnsTokens.Args(cluster, Output.of(settings.domain()), dns.zoneId(),
                config.dns(), dns.cloudflare(), secrets.writer()), ComponentResourceOptions.Empty);
        DnsZone.clusterSubdomain(cluster, Output.of(settings.domain()), dns.zoneId(), dns.cloudflare(), dns);

        var facts = new GitopsLayout.ManagementFacts(cluster, hostname, config.region(), GitopsFiles.PENDING,
                settings.alertsEmail(), secrets.clusterPrefix(cluster), GitopsFiles.PENDING, GitopsFiles.PENDING,
                settings.argocdHa(), config.observability(),
                new GitopsLayout.Sso(settings.githubOwner(), sso.adminsTeam(), sso.developersTeam(), sso.clientId()));
        var files = GitopsFiles.management(sources, config.environments(), facts,
                Output.tuple(gitops.sshCloneUrl(), externalSecrets.arn(), argocd.fleetRoleArn())
                        .applyValue(t -> facts.withResources(t.t1, t.t2, t.t3)), config.recovery().secretStoreRegion(config.region()));
        gitops.commit(files.paths(), files.contents(), GitopsFiles::outlivesClusters, "the platform's templates (stacks/)");

        Applications.deliver(sources, config, settings, bots, gitops, aws);

        ctx.export(CLUSTER_NAME, Output.of(cluster));
        ctx.export(REGION, Output.of(config.region()));
        ctx.export(CLUSTER_ENDPOINT, eks.endpoint());
        ctx.export(CLUSTER_CERTIFICATE_AUTHORITY, eks.certificateAuthority());
        ctx.export(OIDC_PROVIDER_ARN, eks.oidcProviderArn());
        ctx.export(OIDC_ISSUER_URL, eks.oidcIssuerUrl());
        ctx.export(ARGOCD_FLEET_ROLE_ARN, argocd.fleetRoleArn());
        ctx.export(ARGOCD_NAMESPACE, Output.of(ArgoCd.NAMESPACE));
        ctx.export(ARGOCD_URL, Output.of(argocd.url()));
        ctx.export(GITOPS_REPO, Output.of(gitops.fullName()));
        ctx.export(GITOPS_REPO_SSH_URL, gitops.sshCloneUrl());
        ctx.export(GITOPS_REPO_HTTPS_URL, gitops.httpCloneUrl());
        ctx.export(SECRET_STORE_KMS_KEY_ARN, secrets.kmsKeyArn());
        ctx.export(SECRET_STORE_PREFIX, Output.of(secrets.prefix()));
        ctx.export(DNS_ZONE_ID, dns.zoneId());
        ctx.export(DOMAIN, Output.of(settings.domain()));
        ctx.export(VPC_ID, network.vpcId());
        ctx.export(VPC_CIDR, network.vpcCidr());
        ctx.export(PRIVATE_SUBNET_IDS, network.privateSubnetIds());
        ctx.export(STATE_BUCKET, stateStore.bucketName());
        ctx.export(STATE_BACKEND_URL, stateStore.backendUrl());
        ctx.export(CATALOG_VERSION, Output.of(catalog.catalogVersion()));
        ctx.export(CI_PREVIEW_ROLE_ARN, bots.ciPreviewRoleArn());
        ctx.export(CI_DEPLOY_ROLE_ARN, bots.ciDeployRoleArn());
        ctx.export(ALERTS_EMAIL, Output.of(bots.alertsEmail()));
        ctx.export(ENVIRONMENTS, Output.of(config.environments()));
        ctx.export(KUBECONFIG, eks.kubeconfig());
        recovery.export(ctx);
    }
}
