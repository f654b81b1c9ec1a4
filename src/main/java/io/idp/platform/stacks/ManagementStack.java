package io.idp.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.idp.platform.components.ArgoCd;
import io.idp.platform.components.BotAccounts;
import io.idp.platform.components.BotAccountsArgs;
import io.idp.platform.components.DnsZone;
import io.idp.platform.components.DnsZoneArgs;
import io.idp.platform.components.GitopsRepo;
import io.idp.platform.components.GitopsRepoArgs;
import io.idp.platform.components.ManagementCluster;
import io.idp.platform.components.ManagementClusterArgs;
import io.idp.platform.components.GitopsBoundaries;
import io.idp.platform.components.PlatformTeams;
import io.idp.platform.components.PlatformTeamsArgs;
import io.idp.platform.components.RepositoryFiles;
import io.idp.platform.components.RepositoryFilesArgs;
import io.idp.platform.components.SecretStore;
import io.idp.platform.components.SecretStoreArgs;
import io.idp.platform.components.StateStore;
import io.idp.platform.components.StateStoreArgs;
import io.idp.platform.components.TelemetryPushCredentials;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.gitops.Sources;
import io.idp.platform.support.AwsProviderFactory;

import static io.idp.platform.contract.ManagementOutputs.*;

/**
 * The {@code mgmt} stack: the state and secret stores (first: the bots, the gitops repository and the
 * cluster all keep secrets in them), the bot accounts, DNS, the gitops repository and the management
 * cluster; then what is committed to the repository, the applications' delivery, and the outputs.
 */
public final class ManagementStack {
    private ManagementStack() {
    }

    public static void define(Context ctx, PlatformConfig config, Sources sources) {
        var settings = config.managementSettings();
        var name = config.clusterName();
        var aws = ComponentResourceOptions.builder().providers(AwsProviderFactory.create(config)).build();

        var state = new StateStore("state", StateStoreArgs.builder().bucketName(settings.stateBucket()).protect(config.protect()).build(), aws);
        var secrets = new SecretStore("secrets", SecretStoreArgs.builder().clusterName(name).protect(config.protect()).build(), aws);
        // Before anything writes a secret: each secret then keeps a replica in the recovery region.
        var recovery = Recovery.define(config, settings, state, secrets, aws);
        var bots = new BotAccounts("bots", BotAccountsArgs.builder().clusterName(name).githubOwner(settings.githubOwner())
                .platformRepo(settings.platformRepo()).alertsEmail(settings.alertsEmail())
                .githubToken(settings.githubToken().output()).cloudflareToken(settings.cloudflareToken().output())
                .existingOidcProviderArn(settings.githubOidcProviderArn()).stateBucketArn(state.bucketArn())
                .stateKeyArn(state.keyArn()).secretStore(secrets).build(), aws);
        var dns = new DnsZone("dns", DnsZoneArgs.builder().domain(settings.domain()).apiToken(settings.cloudflareToken().output())
                .createZone(config.dns().createZone()).accountId(config.dns().accountId()).dnssec(config.dns().dnssec())
                .protect(config.protect()).build(), ComponentResourceOptions.Empty);
        var gitops = new GitopsRepo("gitops", GitopsRepoArgs.builder().owner(settings.githubOwner()).name(settings.gitopsRepo())
                .clusterName(name).protect(config.protect()).adopt(settings.adoptGitopsRepo())
                .webhookUrl("https://argocd." + name + "." + settings.domain() + "/api/webhook").secretStore(secrets).botTeamId(bots.gitBotTeamId()).build(),
                ComponentResourceOptions.builder().providers(bots.github()).build());
        var cluster = new ManagementCluster(name, ManagementClusterArgs.builder().clusterName(name).region(config.region())
                .clusterSettings(config.cluster()).vpcCidr(config.network().vpcCidr())
                .availabilityZones(config.network().availabilityZones()).natGateways(config.network().natGateways())
                .apiPublicAccessCidrs(config.network().apiPublicAccessCidrs())
                .addonVersions(sources.catalog().addonsFor(config.cluster().kubernetesVersion()))
                .argoCdChart(CatalogPins.chart(sources.catalog(), "argo-cd"))
                .ciDeployRoleArn(bots.ciDeployRoleArn()).secretStore(secrets).gitopsRepo(gitops).dnsZone(dns)
                .ssoClientId(settings.sso().clientId()).ssoClientSecret(settings.sso().clientSecret().output())
                .alertsChatWebhook(settings.alertsChatWebhook().map(io.idp.platform.config.SecretValue::output).orElse(null))
                .ssoAdminsTeam(sources.people().admins().githubSlug()).ssoDevelopersTeam(sources.people().developers().githubSlug())
                .fleetSignOn(WorkloadClusters.signOn(sources.root(), name + "." + settings.domain(), settings.domain()))
                .argocdHighlyAvailable(settings.argocdHa()).argocdScale(settings.argocdScale()).people(sources.people())
                .autoscaling(config.autoscaling()).backups(config.backups()).telemetryRetention(settings.telemetryRetention())
                .ci(settings.ci())
                .dnsTokenAllowedCidrs(config.dns().tokenAllowedCidrs()).dnsTokenExpiresOn(config.dns().tokenExpiresOn())
                .protect(config.protect()).build(), aws);

        // Each physical workload cluster pushes its logs and traces with a password of its own.
        new TelemetryPushCredentials("telemetry-push", new TelemetryPushCredentials.Args(name,
                WorkloadClusters.physical(sources.root()), secrets), aws);
        GitopsCommits.management(sources, config, cluster, gitops);
        var boundaries = GitopsBoundaries.files(settings.githubOwner(), sources.people().admins().githubSlug(), settings.applications(),
                settings.ci().runsOn());
        new RepositoryFiles("gitops-boundaries", RepositoryFilesArgs.builder().repository(gitops.name())
                .paths(new java.util.TreeSet<>(boundaries.keySet())).contents(Output.of(new java.util.TreeMap<>(boundaries)))
                .keep(path -> false).source("the platform's repository boundaries").build(),
                ComponentResourceOptions.builder().providers(bots.github()).build());
        var appRepositories = Applications.deliver(sources, config, settings, bots, gitops, aws);
        cluster.workflowArtifacts().allowPushTo(settings.applications());
        // people.yaml on GitHub: teams, memberships, and the teams' permissions on every platform repository.
        var teams = PlatformTeamsArgs.builder().people(sources.people())
                .repository("gitops", gitops.name()).repository("platform", Output.of(settings.platformRepo()));
        appRepositories.forEach((app, repository) -> teams.repository("app-" + app, repository));
        new PlatformTeams("teams", teams.build(), ComponentResourceOptions.builder().providers(bots.github()).build());

        ctx.export(CLUSTER_NAME, cluster.clusterName());
        ctx.export(REGION, cluster.region());
        ctx.export(CLUSTER_ENDPOINT, cluster.endpoint());
        ctx.export(CLUSTER_CERTIFICATE_AUTHORITY, cluster.certificateAuthority());
        ctx.export(OIDC_PROVIDER_ARN, cluster.oidcProviderArn());
        ctx.export(OIDC_ISSUER_URL, cluster.oidcIssuerUrl());
        ctx.export(ARGOCD_FLEET_ROLE_ARN, cluster.argocdFleetRoleArn());
        ctx.export(ARGOCD_NAMESPACE, Output.of(ArgoCd.NAMESPACE));
        ctx.export(ARGOCD_URL, cluster.argocdUrl());
        ctx.export(GITOPS_REPO, cluster.gitopsRepo());
        ctx.export(GITOPS_REPO_SSH_URL, gitops.sshCloneUrl());
        ctx.export(GITOPS_REPO_HTTPS_URL, gitops.httpCloneUrl());
        ctx.export(SECRET_STORE_KMS_KEY_ARN, cluster.secretStoreKmsKeyArn());
        ctx.export(SECRET_STORE_PREFIX, cluster.secretStorePrefix());
        ctx.export(DNS_ZONE_ID, cluster.dnsZoneId());
        ctx.export(DOMAIN, cluster.domain());
        ctx.export(VPC_ID, cluster.vpcId());
        ctx.export(VPC_CIDR, cluster.vpcCidr());
        ctx.export(PRIVATE_SUBNET_IDS, cluster.privateSubnetIds());
        ctx.export(NAT_PUBLIC_IPS, cluster.natPublicIps());
        ctx.export(STATE_BUCKET, state.bucketName());
        ctx.export(STATE_BACKEND_URL, state.backendUrl());
        ctx.export(CATALOG_VERSION, Output.of(sources.catalog().catalogVersion()));
        ctx.export(CI_PREVIEW_ROLE_ARN, bots.ciPreviewRoleArn());
        ctx.export(CI_DEPLOY_ROLE_ARN, bots.ciDeployRoleArn());
        ctx.export(ALERTS_EMAIL, Output.of(bots.alertsEmail()));
        ctx.export(ENVIRONMENTS, Output.of(config.environments()));
        ctx.export(KUBECONFIG, cluster.kubeconfig());
        recovery.export(ctx);
    }
}
