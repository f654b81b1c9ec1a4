import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.idp.platform.components.*;
import io.idp.platform.config.Cidr;
import io.idp.platform.config.ClusterSettings;
import io.idp.platform.config.WorkloadSettings.ClusterType;
import io.idp.platform.config.Observability;
import io.idp.platform.gitops.Catalog;
import io.idp.platform.gitops.ClusterKind;
import io.idp.platform.gitops.GitopsLayout;

import java.nio.file.Path;
import java.util.List;

/** A management cluster and one virtual workload cluster, every argument in code. */
public final class PlatformInCode {
    public static void main(String[] args) {
        Pulumi.run(ctx -> define(ctx, Path.of("../..")));
    }

    /**
     * Secrets come from the stack's configuration ({@code pulumi config set --secret}): {@code cloudflare:apiToken},
     * {@code github:token} and {@code <project>:githubOAuthClientSecret}; everything else is here.
     *
     * @param platformRoot where the platform's stacks/catalog.yaml is: the versions every cluster runs */
    public static void define(Context ctx, Path platformRoot) {
        var config = ctx.config();
        var catalog = Catalog.load(platformRoot); // components take its pins and add-on names, not the catalog
        java.util.function.Function<String, HelmChart> chart = name -> { var t = catalog.tool(name); return new HelmChart(t.repository(), t.chart(), t.version()); };
        var aws = ComponentResourceOptions.builder()
                .providers(new Provider("aws", ProviderArgs.builder().region("eu-west-1").build())).build();

        var secrets = new SecretStore("secrets", SecretStoreArgs.builder().clusterName("hub").build(), aws);
        var dns = new DnsZone("dns", DnsZoneArgs.builder()
                .domain("apps.example.org").apiToken(ctx.config("cloudflare").requireSecret("apiToken")).build(), ComponentResourceOptions.Empty);
        var github = new com.pulumi.github.Provider("github", com.pulumi.github.ProviderArgs.builder()
                .owner("example-org").token(ctx.config("github").requireSecret("token")).build());
        // The git bot commits rendered files past main's ruleset as the only member of this team.
        var gitBot = new com.pulumi.github.Team("git-bot", com.pulumi.github.TeamArgs.builder().name("hub-git-bot")
                .privacy("secret").createDefaultMaintainer(true).build(),
                com.pulumi.resources.CustomResourceOptions.builder().provider(github).build());
        var gitops = new GitopsRepo("gitops", GitopsRepoArgs.builder()
                .owner("example-org").clusterName("hub").secretStore(secrets).botTeamId(gitBot.id())
                .webhookUrl("https://argocd.hub.apps.example.org/api/webhook").build(),
                ComponentResourceOptions.builder().providers(github).build());

        var hub = new ManagementCluster("hub", ManagementClusterArgs.builder()
                .clusterName("hub").region("eu-west-1")
                .clusterSettings(new ClusterSettings("1.35", List.of("m7i.large"), 2, 3, 6, ClusterSettings.AmiFamily.AL2023, List.of()))
                .vpcCidr(Cidr.parse("10.40.0.0/16").orElseThrow()).availabilityZones(2)
                .addonVersions(catalog.addonsFor("1.33"))
                .argoCdChart(chart.apply("argo-cd"))
                .ciDeployRoleArn(Output.of("arn:aws:iam::123456789012:role/platform-deploy"))
                .secretStore(secrets).gitopsRepo(gitops).dnsZone(dns)
                .ssoClientId("Ov23liExampleClient").ssoClientSecret(config.requireSecret("githubOAuthClientSecret"))
                .ssoAdminsTeam("platform-admins").ssoDevelopersTeam("developers")
                .build(), aws);

        var preview = new WorkloadCluster("preview", WorkloadClusterArgs.builder()
                .clusterName("preview").kind(ClusterType.VCLUSTER).region("eu-west-1")
                .management(hub).environments(List.of("preview")).vclusterChart(chart.apply("vcluster"))
                .addons(GitopsLayout.tools(catalog, ClusterKind.WORKLOAD_VCLUSTER, Observability.PROMETHEUS))
                .build(), aws);

        ctx.export("kubeconfig", hub.kubeconfig());
        ctx.export("argocdUrl", hub.argocdUrl());
        ctx.export("gitopsRepo", hub.gitopsRepo());
        ctx.export("previewServer", preview.server());
    }
}
