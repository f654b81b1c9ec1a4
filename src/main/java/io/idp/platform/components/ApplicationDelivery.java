package io.idp.platform.components;

import io.idp.platform.support.Json;
import io.idp.platform.support.Trust;
import io.idp.platform.support.PolicyDocuments;
import io.idp.platform.support.RepositorySecurity;

import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.github.ActionsEnvironmentSecret;
import com.pulumi.github.ActionsEnvironmentSecretArgs;
import com.pulumi.github.ActionsVariable;
import com.pulumi.github.ActionsVariableArgs;
import com.pulumi.github.RepositoryEnvironment;
import com.pulumi.github.RepositoryEnvironmentArgs;
import com.pulumi.github.Team;
import com.pulumi.github.TeamArgs;
import com.pulumi.github.TeamRepository;
import com.pulumi.github.TeamRepositoryArgs;
import com.pulumi.github.inputs.RepositoryEnvironmentReviewerArgs;
import com.pulumi.github.inputs.RepositoryTemplateArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One application, delivered: its repository made from the app template, ECR repositories for its
 * image and chart (immutable tags, scan on push, lifecycle), a CI role only that repository's main
 * branch can assume (OIDC, no keys), GitHub environments (main only; production behind a required
 * reviewer) holding the gitops token, main's ruleset and CODEOWNERS, and its homes in the gitops
 * repository's environments, whose version pins CI then owns.
 */
public final class ApplicationDelivery extends ComponentResource {
    public static final String TYPE = "platform:components:ApplicationDelivery";
    /** Images and charts kept per repository; older ones expire. */
    public static final int KEEP_IMAGES = 30;

    /** The checks of the app template's ci workflow that every change to main needs. */
    public static final List<String> REQUIRED_CHECKS = List.of("test", "chart");

    /** The app's release approvers: code owners of the app and reviewers of production. */
    public static String approversTeam(String app) {
        return app + "-release-approvers";
    }

    /** The app repository's CODEOWNERS: the app's team owns the code, the platform admins its workflows. */
    public static String codeowners(String owner, String app, String adminsTeam) {
        return """
                # Written by the platform. A change needs a code owner's approval (main's ruleset).
                *            @%1$s/%2$s
                # Workflows hold the app's CI role and promote to production.
                /.github/    @%1$s/%3$s
                """.formatted(owner, approversTeam(app), adminsTeam);
    }

    private final Output<String> imageRepositoryUrl;
    private final Output<String> ciRoleArn;
    private final Output<String> repositoryName;

    public ApplicationDelivery(String name, ApplicationDeliveryArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var aws = CustomResourceOptions.builder().parent(this).build();
        var git = CustomResourceOptions.builder().parent(this).provider(args.github()).build();
        var app = args.name();

        var repository = new com.pulumi.github.Repository(name + "-repository", com.pulumi.github.RepositoryArgs.builder()
                .name(app)
                .visibility("private")
                .template(RepositoryTemplateArgs.builder().owner(args.owner()).repository(args.templateRepository()).build())
                .vulnerabilityAlerts(true)
                .securityAndAnalysis(RepositorySecurity.secretScanning())
                .deleteBranchOnMerge(true)
                .archiveOnDestroy(true)
                .build(), CustomResourceOptions.builder().parent(this).provider(args.github())
                .protect(args.protect()).retainOnDelete(true).build());

        var image = ecr(name + "-image", app, aws);
        var chart = ecr(name + "-chart", "charts/" + app, aws);
        this.imageRepositoryUrl = image.repositoryUrl();

        var role = new Role(name + "-ci", RoleArgs.builder()
                .name(app + "-ci")
                .description("CI of " + args.owner() + "/" + app + " (main): push its image and chart")
                .maxSessionDuration(3600)
                .assumeRolePolicy(args.oidcProviderArn().applyValue(arn -> Trust.githubActions(arn,
                        List.of("repo:" + args.owner() + "/" + app + ":ref:refs/heads/main"))))
                .build(), aws);
        new RolePolicy(name + "-ci-push", RolePolicyArgs.builder()
                .role(role.id())
                .name("push-image-and-chart")
                .policy(Output.tuple(image.arn(), chart.arn()).applyValue(t -> PolicyDocuments.document(List.of(
                        PolicyDocuments.statement("Login", "Allow", null, List.of("ecr:GetAuthorizationToken"), List.of("*"), null),
                        PolicyDocuments.statement("PushAndPull", "Allow", null, List.of("ecr:BatchCheckLayerAvailability",
                                "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
                                "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:DescribeImages"), List.of(t.t1, t.t2), null)))))
                .build(), aws);
        this.ciRoleArn = role.arn();
        this.repositoryName = repository.name();

        var variables = new TreeMap<String, Output<String>>();
        variables.put("APP_NAME", Output.of(app));
        variables.put("AWS_REGION", Output.of(args.region()));
        variables.put("AWS_ROLE_ARN", role.arn());
        variables.put("CI_RUNS_ON", Output.of(args.runsOn()));
        variables.put("GITOPS_REPOSITORY", Output.of(args.owner() + "/" + args.gitopsRepository()));
        variables.forEach((variable, value) -> new ActionsVariable(name + "-" + variable.toLowerCase().replace('_', '-'),
                ActionsVariableArgs.builder().repository(repository.name()).variableName(variable).value(value).build(), git));
        var approvers = new Team(name + "-approvers", TeamArgs.builder()
                .name(approversTeam(app))
                .privacy("closed")
                .build(), git);
        new TeamRepository(name + "-approvers", TeamRepositoryArgs.builder()
                .teamId(approvers.id()).repository(repository.name()).permission("push").build(), git);
        // The gitops write token is a secret of each environment, not of the repository: only a job
        // of that environment, on main (the one protected branch), past its reviewers, can read it.
        for (var environment : args.environments()) {
            var env = RepositoryEnvironmentArgs.builder().repository(repository.name()).environment(environment)
                    .canAdminsBypass(false)
                    .deploymentBranchPolicy(CiEnvironments.mainOnly());
            if (environment.equals("production")) {
                env.reviewers(RepositoryEnvironmentReviewerArgs.builder()
                        .teams(approvers.id().applyValue(id -> List.of(Integer.parseInt(id)))).build());
                env.preventSelfReview(true);
            }
            var created = new RepositoryEnvironment(name + "-" + environment, env.build(), git);
            new ActionsEnvironmentSecret(name + "-" + environment + "-gitops-token", ActionsEnvironmentSecretArgs.builder()
                    .repository(repository.name())
                    .environment(created.environment())
                    .secretName("GITOPS_TOKEN")
                    .plaintextValue(args.promotionToken())
                    .build(), git);
        }

        var owners = new RepositoryFiles(name + "-codeowners", RepositoryFilesArgs.builder()
                .repository(repository.name())
                .paths(new TreeSet<>(List.of(".github/CODEOWNERS")))
                .contents(Output.of(new TreeMap<>(Map.of(".github/CODEOWNERS", codeowners(args.owner(), app, args.adminsTeam())))))
                .keep(path -> false)
                .source("the platform's delivery of " + app)
                .build(), ComponentResourceOptions.builder().parent(this).providers(args.github()).build());
        MainBranchRules.protect(name + "-main", repository.name(), 1, REQUIRED_CHECKS, args.botTeamId(),
                CustomResourceOptions.builder().parent(this).provider(args.github()).dependsOn(owners).build());

        registerOutputs(Map.of("repository", repository.fullName(), "imageRepositoryUrl", imageRepositoryUrl, "ciRoleArn", ciRoleArn));
    }

    private Repository ecr(String logical, String repositoryName, CustomResourceOptions aws) {
        var repository = new Repository(logical, RepositoryArgs.builder()
                .name(repositoryName)
                .imageTagMutability("IMMUTABLE")
                .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder().scanOnPush(true).build())
                .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder().encryptionType("KMS").build())
                .build(), aws);
        new LifecyclePolicy(logical, LifecyclePolicyArgs.builder()
                .repository(repository.name())
                .policy(Json.render(Map.of("rules", List.of(Map.of(
                        "rulePriority", 1,
                        "description", "keep the last " + KEEP_IMAGES,
                        "selection", Map.of("tagStatus", "any", "countType", "imageCountMoreThan", "countNumber", KEEP_IMAGES),
                        "action", Map.of("type", "expire"))))))
                .build(), aws);
        return repository;
    }

    /**
     * The application's home in each environment: a Helm chart pointing at the published chart in
     * ECR, and the values CI pins. CI owns the pins after the first commit.
     */
    public static SortedMap<String, String> environmentFiles(String app, String registry, List<String> environments) {
        var files = new TreeMap<String, String>();
        for (var environment : environments) {
            var dir = "environments/" + environment + "/apps/" + app + "/";
            files.put(dir + "Chart.yaml", """
                    # %1$s in %2$s. CI pins the version by pull request (promote workflow of %1$s).
                    apiVersion: v2
                    name: %1$s-%2$s
                    version: 1.0.0
                    dependencies:
                      - name: %1$s
                        repository: oci://%3$s/charts
                        version: "0.0.0"
                    """.formatted(app, environment, registry));
            files.put(dir + "values.yaml", """
                    %1$s:
                      image:
                        repository: %2$s/%1$s
                        tag: "0.0.0"
                        digest: ""
                      replicaCount: %3$d
                    """.formatted(app, registry, environment.equals("production") ? 3 : 1));
        }
        return files;
    }

    public static TreeSet<String> environmentPaths(String app, List<String> environments) {
        return new TreeSet<>(environmentFiles(app, "registry", environments).keySet());
    }

    public Output<String> imageRepositoryUrl() {
        return imageRepositoryUrl;
    }

    public Output<String> ciRoleArn() {
        return ciRoleArn;
    }

    /** The application's GitHub repository, where the platform's teams get their permissions. */
    public Output<String> repositoryName() {
        return repositoryName;
    }
}
