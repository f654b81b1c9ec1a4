package io.idp.platform.components;

import io.idp.platform.support.Trust;
import io.idp.platform.support.PolicyDocuments;

import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.github.Provider;
import com.pulumi.github.ProviderArgs;
import com.pulumi.github.Team;
import com.pulumi.github.TeamArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * The platform's bot accounts. Cloud bot: GitHub Actions of the platform repository assume IAM roles
 * through OIDC (a read-only role for pull-request previews, a deploy role for main), with no
 * long-lived keys. Git bot: the token the github provider uses. DNS bot: the Cloudflare token.
 * Their credentials are written to the {@link SecretStore}.
 */
public final class BotAccounts extends ComponentResource {
    public static final String TYPE = "platform:components:BotAccounts";
    static final String READ_ONLY_POLICY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    static final String ADMINISTRATOR_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess";
    /** The GitHub environments of the platform repository whose jobs assume the CI roles (see {@link CiEnvironments}). */
    public static final String DEPLOY_ENVIRONMENT = "platform";
    public static final String PREVIEW_ENVIRONMENT = "preview";
    public static final String DRIFT_ENVIRONMENT = "drift";

    private final Output<String> oidcProviderArn;
    private final Role previewRole;
    private final Role deployRole;
    private final Provider github;
    private final Team gitBotTeam;
    private final String alertsEmail;
    private final String logicalName;
    private final String clusterName;

    public BotAccounts(String name, BotAccountsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.logicalName = name;
        this.clusterName = args.clusterName();
        var child = CustomResourceOptions.builder().parent(this).build();
        this.alertsEmail = args.alertsEmail();

        this.oidcProviderArn = args.existingOidcProviderArn().map(Output::of).orElseGet(() ->
                new OpenIdConnectProvider(name + "-github-actions", OpenIdConnectProviderArgs.builder()
                        .url("https://" + Trust.GITHUB_ACTIONS_HOST)
                        .clientIdLists(Trust.STS_AUDIENCE)
                        .build(), child).arn());

        this.previewRole = ciRole("preview", "Previews and drift checks of " + args.githubOwner() + "/" + args.platformRepo() + ": read only",
                args.previewSubjects());
        new RolePolicyAttachment(name + "-ci-preview-read-only", RolePolicyAttachmentArgs.builder()
                .role(previewRole.name()).policyArn(READ_ONLY_POLICY).build(), child);
        new RolePolicy(name + "-ci-preview-state", RolePolicyArgs.builder()
                .role(previewRole.id())
                .name("read-pulumi-state")
                .policy(Output.tuple(args.stateBucketArn(), args.stateKeyArn()).applyValue(t -> PolicyDocuments.document(List.of(
                        PolicyDocuments.statement("ReadState", "Allow", null, List.of("s3:GetObject", "s3:ListBucket"),
                                List.of(t.t1, t.t1 + "/*"), null),
                        PolicyDocuments.statement("DecryptState", "Allow", null, List.of("kms:Decrypt"), List.of(t.t2), null)))))
                .build(), child);

        this.deployRole = ciRole("deploy", "Deploys of " + args.githubOwner() + "/" + args.platformRepo() + " (environment " + DEPLOY_ENVIRONMENT + ")",
                List.of(args.deploySubject()));
        // pulumi up creates VPCs, IAM roles, EKS clusters and KMS keys: it needs administrator rights.
        // Restrict them with an SCP or permissions boundary where the organisation requires it.
        new RolePolicyAttachment(name + "-ci-deploy-admin", RolePolicyAttachmentArgs.builder()
                .role(deployRole.name()).policyArn(ADMINISTRATOR_POLICY).build(), child);

        this.github = new Provider(name + "-github", ProviderArgs.builder()
                .owner(args.githubOwner())
                .token(args.githubToken())
                .build(), child);
        new CiEnvironments(name + "-ci", args.platformRepo(),
                ComponentResourceOptions.builder().parent(this).providers(github).build());
        // The git bot creates this team and, as its creator, is its one member: the team is how a
        // ruleset names the bot as its only bypass actor (rulesets cannot name a user).
        this.gitBotTeam = new Team(name + "-git-bot", TeamArgs.builder()
                .name(args.platformRepo() + "-git-bot")
                .privacy("secret")
                .createDefaultMaintainer(true)
                .build(), CustomResourceOptions.builder().parent(this).provider(github).build());

        args.secretStore().put("bots/github-token", "The git bot's GitHub token", args.githubToken());
        args.secretStore().put("bots/cloudflare-token", "The DNS bot's Cloudflare token", args.cloudflareToken());

        registerOutputs(Map.of(
                "oidcProviderArn", oidcProviderArn,
                "ciPreviewRoleArn", previewRole.arn(),
                "ciDeployRoleArn", deployRole.arn(),
                "alertsEmail", Output.of(alertsEmail)));
    }

    /** The role {@code <cluster>-ci-<purpose>}, assumable by GitHub Actions of the given subjects only. */
    private Role ciRole(String purpose, String description, List<String> subjects) {
        return new Role(logicalName + "-ci-" + purpose, RoleArgs.builder()
                .name(clusterName + "-ci-" + purpose)
                .description(description)
                .maxSessionDuration(3600)
                .assumeRolePolicy(oidcProviderArn.applyValue(arn -> Trust.githubActions(arn, subjects)))
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    public Output<String> oidcProviderArn() {
        return oidcProviderArn;
    }

    public Output<String> ciPreviewRoleArn() {
        return previewRole.arn();
    }

    public Output<String> ciDeployRoleArn() {
        return deployRole.arn();
    }

    /** The team whose only member is the git bot: the bypass actor of the repositories' rulesets. */
    public Output<String> gitBotTeamId() {
        return gitBotTeam.id();
    }

    /** The git bot's github provider; every GitHub resource of the platform uses it. */
    public Provider github() {
        return github;
    }

    /** The team's distribution list: ACME registration and alerts. */
    public String alertsEmail() {
        return alertsEmail;
    }
}
