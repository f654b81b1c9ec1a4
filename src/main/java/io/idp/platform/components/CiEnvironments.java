package io.idp.platform.components;

import com.pulumi.core.Output;
import com.pulumi.github.RepositoryEnvironment;
import com.pulumi.github.RepositoryEnvironmentArgs;
import com.pulumi.github.Team;
import com.pulumi.github.TeamArgs;
import com.pulumi.github.inputs.RepositoryEnvironmentDeploymentBranchPolicyArgs;
import com.pulumi.github.inputs.RepositoryEnvironmentReviewerArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * The platform repository's GitHub environments, one per OIDC subject the CI roles trust:
 * {@code platform} (deploys) and {@code drift} (the scheduled check) accept only protected branches,
 * i.e. main; {@code preview} runs a pull request's code with the state, so a member of the
 * approvers team (not the author) approves each run. Admins cannot skip any of them. Each holds its
 * own copy of the Pulumi passphrase as an environment secret, set once by hand.
 */
public final class CiEnvironments extends ComponentResource {
    public static final String TYPE = "platform:components:CiEnvironments";

    public CiEnvironments(String name, String repository, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var approvers = new Team(name + "-preview-approvers", TeamArgs.builder()
                .name(repository + "-preview-approvers")
                .privacy("closed")
                .build(), child);
        for (var environment : List.of(BotAccounts.DEPLOY_ENVIRONMENT, BotAccounts.DRIFT_ENVIRONMENT)) {
            new RepositoryEnvironment(name + "-" + environment, RepositoryEnvironmentArgs.builder()
                    .repository(repository)
                    .environment(environment)
                    .canAdminsBypass(false)
                    .deploymentBranchPolicy(mainOnly())
                    .build(), child);
        }
        new RepositoryEnvironment(name + "-" + BotAccounts.PREVIEW_ENVIRONMENT, RepositoryEnvironmentArgs.builder()
                .repository(repository)
                .environment(BotAccounts.PREVIEW_ENVIRONMENT)
                .canAdminsBypass(false)
                .preventSelfReview(true)
                .reviewers(RepositoryEnvironmentReviewerArgs.builder()
                        .teams(approvers.id().applyValue(id -> List.of(Integer.parseInt(id)))).build())
                .build(), child);
        registerOutputs(Map.of("previewApproversTeam", approvers.slug()));
    }

    /**
     * Only protected branches deploy: the platform's repositories protect main alone, so this is
     * main. (A custom branch-name policy needs a resource the bindings' provider schema lacks.)
     */
    static RepositoryEnvironmentDeploymentBranchPolicyArgs mainOnly() {
        return RepositoryEnvironmentDeploymentBranchPolicyArgs.builder().protectedBranches(true).customBranchPolicies(false).build();
    }
}
