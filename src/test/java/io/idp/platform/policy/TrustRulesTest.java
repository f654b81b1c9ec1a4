package io.idp.platform.policy;

import io.idp.platform.local.Plan;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.idp.platform.policy.PlanFacts.plan;
import static io.idp.platform.policy.PlanFacts.resource;
import static io.idp.platform.policy.TrustRules.*;
import static org.junit.jupiter.api.Assertions.*;

/** Each condition of the trust-boundary rules, one plan each way: a rule that stops checking one fails here. */
class TrustRulesTest {
    static List<String> violations(String id, Plan plan) {
        var rule = PolicyRules.find(id).orElseThrow();
        return PolicyEngine.evaluate(plan, List.of(rule), Map.of()).stream().map(f -> f.resourceName() + ": " + f.detail()).toList();
    }

    static void passes(String id, Plan plan) {
        assertEquals(List.of(), violations(id, plan), id);
    }

    static void fails(String id, Plan plan, String detail) {
        var found = violations(id, plan);
        assertEquals(1, found.size(), id + " " + found);
        assertTrue(found.get(0).contains(detail), found.get(0));
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        var copy = new HashMap<String, Object>(base);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }

    // ---- PLAT_IAM_2 / PLAT_IAM_3 ------------------------------------------------------------

    static Plan adminRole(String subject) {
        return plan(resource(ROLE, "deploy", role("deploy", subject)), resource(ATTACHMENT, "deploy-admin", adminAttachment("deploy")));
    }

    @Test
    void anAdministratorRoleMustTrustEnvironmentSubjectsOnly() {
        passes("PLAT_IAM_2", adminRole("repo:acme/platform:environment:platform"));
        fails("PLAT_IAM_2", adminRole("repo:acme/platform:ref:refs/heads/main"), "ref:refs/heads/main");
        fails("PLAT_IAM_2", adminRole("repo:acme/platform:pull_request"), "pull_request");
        fails("PLAT_IAM_2", adminRole("repo:acme/platform:environment:*"), "environment:*");
        fails("PLAT_IAM_2", adminRole("repo:acme/*:environment:platform"), "acme/*");
        fails("PLAT_IAM_2", adminRole("repo:*/platform:environment:platform"), "*/platform");
    }

    @Test
    void onlyAdministratorRolesOfThatRoleAreHeldToEnvironments() {
        passes("PLAT_IAM_2", plan(resource(ROLE, "ci", role("ci", "repo:acme/app:ref:refs/heads/main"))));
        passes("PLAT_IAM_2", plan(resource(ROLE, "ci", role("ci", "repo:acme/app:ref:refs/heads/main")),
                resource(ATTACHMENT, "other-admin", adminAttachment("other"))));
        passes("PLAT_IAM_2", plan(resource(ROLE, "ci", role("ci", "repo:acme/app:ref:refs/heads/main")),
                resource(ATTACHMENT, "ci-read", Map.of("role", "ci", "policyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"))));
        passes("PLAT_IAM_2", plan(resource(ROLE, "irsa", Map.of("name", "irsa", "assumeRolePolicy", IamRules.trust(
                        "arn:aws:iam::1:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/X", Map.of("StringEquals",
                                Map.of("oidc.eks.us-east-1.amazonaws.com/id/X:sub", List.of("system:serviceaccount:a:b")))))),
                resource(ATTACHMENT, "irsa-admin", adminAttachment("irsa"))));
    }

    @Test
    void subjectsAreReadFromEveryConditionOperator() {
        var like = Map.<String, Object>of("name", "deploy", "assumeRolePolicy", IamRules.trust(
                "arn:aws:iam::111122223333:oidc-provider/" + IamRules.GITHUB, Map.of(
                        "StringEquals", Map.of(IamRules.GITHUB + ":aud", "sts.amazonaws.com"),
                        "StringLike", Map.of(IamRules.GITHUB + ":sub", "repo:acme/platform:*"))));
        fails("PLAT_IAM_2", plan(resource(ROLE, "deploy", like), resource(ATTACHMENT, "a", adminAttachment("deploy"))), "repo:acme/platform:*");
        fails("PLAT_IAM_3", plan(resource(ROLE, "p", Map.of("name", "p", "assumeRolePolicy", IamRules.trust(
                "arn:aws:iam::111122223333:oidc-provider/" + IamRules.GITHUB, Map.of("StringLike",
                        Map.of(IamRules.GITHUB + ":sub", List.of("repo:acme/platform:environment:drift", "repo:acme/platform:pull_request"))))))),
                "pull request");
    }

    @Test
    void noRoleTrustsPullRequests() {
        passes("PLAT_IAM_3", plan(resource(ROLE, "p", role("p", "repo:acme/platform:environment:preview"))));
        passes("PLAT_IAM_3", plan(resource(ROLE, "p", role("p", "repo:acme/platform:ref:refs/heads/main"))));
        fails("PLAT_IAM_3", plan(resource(ROLE, "p", role("p", "repo:acme/platform:pull_request"))), "pull request");
    }

    // ---- PLAT_GIT_3 ---------------------------------------------------------------------------

    static Plan repositoryWith(Map<String, Object> ruleset) {
        return plan(resource(REPOSITORY, "app", Map.of("name", "app")), resource(RULESET, "app-main", ruleset));
    }

    static final Map<String, Object> RULESET_OF_APP = rulesetInputs("app", "active", BOT_BYPASS, strictRules());

    @Test
    void everyRepositorysDefaultBranchIsProtected() {
        passes("PLAT_GIT_3", repositoryWith(RULESET_OF_APP));
        for (var branch : List.of("~ALL", "refs/heads/main")) {
            passes("PLAT_GIT_3", repositoryWith(with(RULESET_OF_APP, "conditions", Map.of("refName", Map.of("includes", List.of(branch))))));
        }
        fails("PLAT_GIT_3", plan(resource(REPOSITORY, "app", Map.of("name", "app"))), "app's main");
        fails("PLAT_GIT_3", repositoryWith(with(RULESET_OF_APP, "repository", "other")), "app's main");
        fails("PLAT_GIT_3", repositoryWith(with(RULESET_OF_APP, "enforcement", "evaluate")), "app's main");
        fails("PLAT_GIT_3", repositoryWith(with(RULESET_OF_APP, "conditions", Map.of("refName", Map.of("includes", List.of("refs/heads/dev"))))), "app's main");
        fails("PLAT_GIT_3", repositoryWith(with(RULESET_OF_APP, "conditions", Map.of())), "app's main");
    }

    @Test
    void aClassicProtectionOfMainAlsoProtectsTheRepository() {
        var repository = resource(REPOSITORY, "app", Map.of("name", "app"));
        var withNode = new io.idp.platform.local.PlannedResource(repository.urn(), repository.type(), repository.name(), "", true, false, "",
                repository.inputs(), Map.of("id", "app", "nodeId", "R_1"), List.of(), Map.of(), false, false, List.of(), List.of(), false, "");
        passes("PLAT_GIT_3", plan(withNode, resource(PROTECTION, "p", Map.of("pattern", "main", "repositoryId", "R_1"))));
        passes("PLAT_GIT_3", plan(withNode, resource(PROTECTION, "p", Map.of("pattern", "main", "repositoryId", "app"))));
        fails("PLAT_GIT_3", plan(withNode, resource(PROTECTION, "p", Map.of("pattern", "dev", "repositoryId", "R_1"))), "main");
        fails("PLAT_GIT_3", plan(withNode, resource(PROTECTION, "p", Map.of("pattern", "main", "repositoryId", "R_2"))), "main");
    }

    // ---- PLAT_GIT_4 / 5 / 6 -------------------------------------------------------------------

    static Plan ruleset(Map<String, Object> inputs) {
        return plan(resource(RULESET, "main", inputs));
    }

    @Test
    void rulesetsAreActiveAndAdminsDoNotBypassThem() {
        passes("PLAT_GIT_4", ruleset(RULESET_OF_APP));
        passes("PLAT_GIT_4", ruleset(with(RULESET_OF_APP, "bypassActors", List.of(Map.of("actorType", "RepositoryRole", "actorId", 4L)))));
        passes("PLAT_GIT_4", ruleset(with(RULESET_OF_APP, "bypassActors", null)));
        fails("PLAT_GIT_4", ruleset(with(RULESET_OF_APP, "enforcement", "disabled")), "disabled");
        fails("PLAT_GIT_4", ruleset(with(RULESET_OF_APP, "bypassActors", List.of(Map.of("actorType", "OrganizationAdmin", "actorId", 1L)))), "admins");
        fails("PLAT_GIT_4", ruleset(with(RULESET_OF_APP, "bypassActors", List.of(Map.of("actorType", "RepositoryRole", "actorId", 5L)))), "admins");
    }

    static Map<String, Object> rules(String key, Object value) {
        return with(RULESET_OF_APP, "rules", with(strictRules(), key, value));
    }

    @Test
    void rulesetsRequireACodeOwnerAndNamedChecks() {
        passes("PLAT_GIT_5", ruleset(RULESET_OF_APP));
        fails("PLAT_GIT_5", ruleset(rules("pullRequest", Map.of("requiredApprovingReviewCount", 1L))), "code owner");
        fails("PLAT_GIT_5", ruleset(rules("pullRequest", Map.of("requiredApprovingReviewCount", 1L, "requireCodeOwnerReview", false))), "code owner");
        fails("PLAT_GIT_5", ruleset(rules("pullRequest", Map.of("requiredApprovingReviewCount", 0L, "requireCodeOwnerReview", true))), "code owner");
        fails("PLAT_GIT_5", ruleset(rules("pullRequest", Map.of("requireCodeOwnerReview", true))), "code owner");
        fails("PLAT_GIT_5", ruleset(rules("requiredStatusChecks", null)), "named check");
        fails("PLAT_GIT_5", ruleset(rules("requiredStatusChecks", Map.of("requiredChecks", List.of()))), "named check");
        fails("PLAT_GIT_5", ruleset(rules("requiredStatusChecks", Map.of("requiredChecks", List.of(Map.of("context", " "))))), "named check");
        fails("PLAT_GIT_5", ruleset(rules("requiredStatusChecks", Map.of("requiredChecks", List.of(Map.of("context", "a"), Map.of("integrationId", 1L))))), "named check");
        fails("PLAT_GIT_5", ruleset(rules("requiredStatusChecks", Map.of("requiredChecks", List.of("validate")))), "named check");
    }

    @Test
    void rulesetsBlockForcePushesAndDeletion() {
        passes("PLAT_GIT_6", ruleset(RULESET_OF_APP));
        fails("PLAT_GIT_6", ruleset(rules("nonFastForward", false)), "rewritten");
        fails("PLAT_GIT_6", ruleset(rules("deletion", null)), "deleted");
    }

    @Test
    void rulesetsRequireSignedCommits() {
        passes("PLAT_GIT_10", ruleset(rules("requiredSignatures", true)));
        fails("PLAT_GIT_10", ruleset(rules("requiredSignatures", false)), "unsigned");
        fails("PLAT_GIT_10", ruleset(rules("requiredSignatures", null)), "unsigned");
    }

    // ---- PLAT_GIT_7 ---------------------------------------------------------------------------

    static final Map<String, Object> PROTECTED = Map.of("pattern", "main", "enforceAdmins", true,
            "requiredStatusChecks", List.of(Map.of("contexts", List.of("test"))),
            "requiredPullRequestReviews", List.of(Map.of("requireCodeOwnerReviews", true)));

    @Test
    void classicProtectionBindsAdminsNamesChecksAndRequiresCodeOwners() {
        passes("PLAT_GIT_7", plan(resource(PROTECTION, "p", PROTECTED)));
        fails("PLAT_GIT_7", plan(resource(PROTECTION, "p", with(PROTECTED, "enforceAdmins", null))), "admins");
        fails("PLAT_GIT_7", plan(resource(PROTECTION, "p", with(PROTECTED, "requiredStatusChecks", List.of(Map.of("strict", true))))), "no check");
        fails("PLAT_GIT_7", plan(resource(PROTECTION, "p", with(PROTECTED, "requiredStatusChecks", List.of(Map.of("contexts", List.of()))))), "no check");
        fails("PLAT_GIT_7", plan(resource(PROTECTION, "p", with(PROTECTED, "requiredPullRequestReviews",
                List.of(Map.of("requiredApprovingReviewCount", 2L))))), "code owners");
    }

    // ---- PLAT_GIT_8 / 9 -----------------------------------------------------------------------

    @Test
    void credentialsAreEnvironmentSecretsNotRepositorySecrets() {
        var repository = resource(REPOSITORY, "app", Map.of("name", "app"));
        passes("PLAT_GIT_8", plan(repository));
        passes("PLAT_GIT_8", plan(repository, resource(SECRET, "s", Map.of("repository", "other", "secretName", "GITOPS_TOKEN"))));
        fails("PLAT_GIT_8", plan(repository, resource(SECRET, "s", Map.of("repository", "app", "secretName", "GITOPS_TOKEN"))), "GITOPS_TOKEN");
        fails("PLAT_GIT_8", plan(repository, resource(SECRET, "s", Map.of("repository", "app", "secretName", "DEPLOY_KEY"))), "DEPLOY_KEY");
    }

    static final Map<String, Object> MAIN_ONLY = Map.of("environment", "production", "canAdminsBypass", false,
            "deploymentBranchPolicy", Map.of("protectedBranches", true, "customBranchPolicies", false));

    static Plan environment(Map<String, Object> inputs) {
        return plan(resource(ENVIRONMENT, "env", inputs));
    }

    @Test
    void environmentsAdmitOnlyProtectedBranchesOrReviewedRuns() {
        passes("PLAT_GIT_9", environment(MAIN_ONLY));
        passes("PLAT_GIT_9", environment(with(MAIN_ONLY, "deploymentBranchPolicy", Map.of("protectedBranches", false, "customBranchPolicies", true))));
        passes("PLAT_GIT_9", environment(with(with(MAIN_ONLY, "deploymentBranchPolicy", null), "reviewers", List.of(Map.of("teams", List.of(7L))))));
        passes("PLAT_GIT_9", environment(with(with(MAIN_ONLY, "deploymentBranchPolicy", null), "reviewers", List.of(Map.of("users", List.of(9L))))));
        fails("PLAT_GIT_9", environment(with(MAIN_ONLY, "deploymentBranchPolicy", null)), "any branch");
        fails("PLAT_GIT_9", environment(with(MAIN_ONLY, "deploymentBranchPolicy", Map.of("protectedBranches", false, "customBranchPolicies", false))), "any branch");
        fails("PLAT_GIT_9", environment(with(with(MAIN_ONLY, "deploymentBranchPolicy", null), "reviewers", List.of(Map.of("teams", List.of())))), "any branch");
        fails("PLAT_GIT_9", environment(with(MAIN_ONLY, "canAdminsBypass", null)), "admins");
        fails("PLAT_GIT_9", environment(with(MAIN_ONLY, "canAdminsBypass", true)), "admins");
    }

    // ---- CF_3 / CF_4 --------------------------------------------------------------------------

    @Test
    void dnsTokensWorkOnlyFromNamedAddresses() {
        passes("CF_3", plan(resource(TOKEN, "t", token(ADDRESSES))));
        fails("CF_3", plan(resource(TOKEN, "t", token(Map.of()))), "any address");
        fails("CF_3", plan(resource(TOKEN, "t", token(Map.of("condition", Map.of("requestIp", Map.of("ins", List.of())))))), "any address");
        fails("CF_3", plan(resource(TOKEN, "t", token(Map.of("condition", Map.of("requestIp", Map.of("ins", List.of("198.51.100.7/32", "0.0.0.0/0"))))))), "any address");
        fails("CF_3", plan(resource(TOKEN, "t", token(Map.of("condition", Map.of("requestIp", Map.of("notIns", List.of("198.51.100.7/32"))))))), "any address");
    }

    @Test
    void dnsTokensExpire() {
        passes("CF_4", plan(resource(TOKEN, "t", token(Map.of("expiresOn", "2028-01-01T00:00:00Z")))));
        fails("CF_4", plan(resource(TOKEN, "t", token(Map.of()))), "never expires");
        fails("CF_4", plan(resource(TOKEN, "t", token(Map.of("expiresOn", " ")))), "never expires");
    }
}
