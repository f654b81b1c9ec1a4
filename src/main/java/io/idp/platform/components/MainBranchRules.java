package io.idp.platform.components;

import com.pulumi.core.Output;
import com.pulumi.github.RepositoryRuleset;
import com.pulumi.github.RepositoryRulesetArgs;
import com.pulumi.github.inputs.RepositoryRulesetBypassActorArgs;
import com.pulumi.github.inputs.RepositoryRulesetConditionsArgs;
import com.pulumi.github.inputs.RepositoryRulesetConditionsRefNameArgs;
import com.pulumi.github.inputs.RepositoryRulesetRulesArgs;
import com.pulumi.github.inputs.RepositoryRulesetRulesPullRequestArgs;
import com.pulumi.github.inputs.RepositoryRulesetRulesRequiredStatusChecksArgs;
import com.pulumi.github.inputs.RepositoryRulesetRulesRequiredStatusChecksRequiredCheckArgs;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;

/**
 * The rules of a platform repository's main branch, as a ruleset: unlike classic branch protection,
 * a ruleset binds admins too, and its bypass list names exactly who may skip it. Only the git bot's
 * team bypasses it (the program commits rendered files and CODEOWNERS); people, admins included, go
 * through a pull request with the named checks green and a code owner's approval.
 */
public final class MainBranchRules {
    /** The bypass mode that lets the bot push directly as well as merge. */
    static final String ALWAYS = "always";

    private MainBranchRules() {
    }

    /**
     * @param approvals approving reviews besides the code owner's requirement
     * @param checks    the status checks (job names) every change needs
     * @param botTeamId the git bot's team, the only bypass actor
     */
    public static RepositoryRuleset protect(String name, Output<String> repository, int approvals, List<String> checks,
                                            Output<String> botTeamId, CustomResourceOptions options) {
        return new RepositoryRuleset(name, RepositoryRulesetArgs.builder()
                .name("main")
                .repository(repository)
                .target("branch")
                .enforcement("active")
                .conditions(RepositoryRulesetConditionsArgs.builder()
                        .refName(RepositoryRulesetConditionsRefNameArgs.builder()
                                .includes("~DEFAULT_BRANCH").excludes(List.of()).build()).build())
                .bypassActors(botTeamId.applyValue(id -> List.of(RepositoryRulesetBypassActorArgs.builder()
                        .actorType("Team").actorId(Integer.parseInt(id)).bypassMode(ALWAYS).build())))
                .rules(RepositoryRulesetRulesArgs.builder()
                        .deletion(true)
                        .nonFastForward(true)
                        .requiredLinearHistory(true)
                        // GitHub signs the squash commits it makes when a pull request merges; only
                        // the bot (bypassing) pushes unsigned commits.
                        .requiredSignatures(true)
                        .pullRequest(RepositoryRulesetRulesPullRequestArgs.builder()
                                .requiredApprovingReviewCount(approvals)
                                .requireCodeOwnerReview(true)
                                .dismissStaleReviewsOnPush(true)
                                .requireLastPushApproval(true)
                                .requiredReviewThreadResolution(true)
                                .allowedMergeMethods(List.of("squash"))
                                .build())
                        .requiredStatusChecks(RepositoryRulesetRulesRequiredStatusChecksArgs.builder()
                                .strictRequiredStatusChecksPolicy(true)
                                .requiredChecks(checks.stream().map(check -> RepositoryRulesetRulesRequiredStatusChecksRequiredCheckArgs
                                        .builder().context(check).build()).toList())
                                .build())
                        .build())
                .build(), options);
    }
}
