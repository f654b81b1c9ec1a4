package io.idp.platform.policy;

import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import static io.idp.platform.policy.PlanFacts.*;

/**
 * Trust boundaries around the repositories and CI: who can assume the CI roles, who can change a
 * protected branch, where credentials live, and from where DNS tokens work (GitHub's OIDC and
 * Actions hardening guides, Cloudflare's API token guidance).
 */
final class TrustRules {
    static final String ROLE = IamRules.ROLE;
    static final String ATTACHMENT = IamRules.ATTACHMENT;
    static final String REPOSITORY = GithubRules.REPOSITORY;
    static final String PROTECTION = GithubRules.PROTECTION;
    static final String SECRET = GithubRules.SECRET;
    static final String RULESET = "github:index/repositoryRuleset:RepositoryRuleset";
    static final String ENVIRONMENT = "github:index/repositoryEnvironment:RepositoryEnvironment";
    static final String ENVIRONMENT_SECRET = "github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret";
    static final String TOKEN = CloudflareRules.TOKEN;
    static final String ADMINISTRATOR = "arn:aws:iam::aws:policy/AdministratorAccess";
    /** The subject of a job that names a GitHub environment: no branch, no pull request, no wildcard. */
    static final Pattern ENVIRONMENT_SUBJECT = Pattern.compile("repo:[^:*/]+/[^:*/]+:environment:[^:*]+");
    /** The repository-role id GitHub gives the admin role in a ruleset's bypass list. */
    static final long ADMIN_ROLE = 5;
    static final List<String> DEFAULT_BRANCH = List.of("~DEFAULT_BRANCH", "~ALL", "refs/heads/main");

    private TrustRules() {
    }

    /** The sub values of a role's GitHub Actions trust (empty when GitHub cannot assume it). */
    static List<String> githubSubjects(PlannedResource role) {
        return IamRules.statements(input(role, "assumeRolePolicy")).stream()
                .filter(s -> s.get("Principal") != null && s.get("Principal").toString().contains(IamRules.GITHUB))
                .filter(s -> s.has("Condition") && s.get("Condition").isJsonObject())
                .flatMap(s -> s.getAsJsonObject("Condition").entrySet().stream())
                .filter(operator -> operator.getValue().isJsonObject())
                .flatMap(operator -> IamRules.values(operator.getValue().getAsJsonObject(), IamRules.GITHUB + ":sub").stream())
                .toList();
    }

    static boolean holdsAdministrator(PlannedResource role, Plan plan) {
        var name = input(role, "name");
        return plan.ofType(ATTACHMENT).stream().anyMatch(a -> ADMINISTRATOR.equals(input(a, "policyArn"))
                && name != null && name.equals(input(a, "role")));
    }

    /** An active ruleset or a branch protection of the repository's default branch. */
    static boolean protectsDefaultBranch(PlannedResource repository, Plan plan) {
        var name = input(repository, "name");
        var rulesets = plan.ofType(RULESET).stream().filter(r -> name != null && name.equals(input(r, "repository")))
                .filter(r -> "active".equals(input(r, "enforcement")))
                .filter(r -> input(r, "conditions.refName.includes") instanceof List<?> includes
                        && includes.stream().anyMatch(DEFAULT_BRANCH::contains));
        var protections = plan.ofType(PROTECTION).stream().filter(p -> "main".equals(input(p, "pattern"))
                && (Objects.equals(input(p, "repositoryId"), repository.outputs().get("nodeId")) || (name != null && name.equals(input(p, "repositoryId")))));
        return rulesets.findAny().isPresent() || protections.findAny().isPresent();
    }

    static boolean adminBypass(Object actor) {
        if (!(actor instanceof Map<?, ?> m)) {
            return false;
        }
        return "OrganizationAdmin".equals(m.get("actorType"))
                || ("RepositoryRole".equals(m.get("actorType")) && m.get("actorId") instanceof Number n && n.longValue() == ADMIN_ROLE);
    }

    static boolean namedChecks(Object checks) {
        return checks instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(c -> c instanceof Map<?, ?> m
                && m.get("context") instanceof String context && !context.isBlank());
    }

    static boolean nonEmptyList(Object value) {
        return value instanceof List<?> list && !list.isEmpty();
    }

    // ---- examples ---------------------------------------------------------------------------

    static Map<String, Object> rulesetInputs(String repository, String enforcement, List<Object> bypass, Map<String, Object> rules) {
        return Map.of("repository", repository, "enforcement", enforcement, "target", "branch",
                "conditions", Map.of("refName", Map.of("includes", List.of("~DEFAULT_BRANCH"))),
                "bypassActors", bypass, "rules", rules);
    }

    static Map<String, Object> strictRules() {
        return Map.of("deletion", true, "nonFastForward", true,
                "pullRequest", Map.of("requiredApprovingReviewCount", 1L, "requireCodeOwnerReview", true),
                "requiredStatusChecks", Map.of("requiredChecks", List.of(Map.of("context", "validate"))));
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        var copy = new java.util.HashMap<String, Object>(base);
        copy.put(key, value);
        return copy;
    }

    static final List<Object> BOT_BYPASS = List.of(Map.of("actorType", "Team", "actorId", 42L, "bypassMode", "always"));

    static Map<String, Object> role(String name, String subject) {
        return Map.of("name", name, "assumeRolePolicy", IamRules.githubTrust(subject));
    }

    static Map<String, Object> adminAttachment(String role) {
        return Map.of("role", role, "policyArn", ADMINISTRATOR);
    }

    static Map<String, Object> token(Map<String, Object> extra) {
        var inputs = new java.util.TreeMap<String, Object>(Map.of("policies", List.of(Map.of("effect", "allow",
                "resources", "{\"com.cloudflare.api.account.zone.0123456789abcdef0123456789abcdef\":\"*\"}",
                "permissionGroups", List.of(Map.of("id", "4755a26eedb94da69e1066d98aa820be"))))));
        inputs.putAll(extra);
        return inputs;
    }

    static final Map<String, Object> ADDRESSES = Map.of("condition", Map.of("requestIp", Map.of("ins", List.of("198.51.100.7/32"))));

    static List<Rule> rules() {
        return List.of(
                new Rule("PLAT_IAM_2", "GitHub OIDC hardening: environment subjects for privileged roles", Severity.MANDATORY, ROLE,
                        "a GitHub Actions role with administrator rights trusts only GitHub environment subjects",
                        "trust repo:<owner>/<repo>:environment:<name> of a main-only environment, and run the deploying jobs in it",
                        (r, p) -> {
                            var subjects = githubSubjects(r);
                            var loose = subjects.stream().filter(s -> !ENVIRONMENT_SUBJECT.matcher(s).matches()).toList();
                            return fail(holdsAdministrator(r, p) && !loose.isEmpty(),
                                    "an administrator role trusts " + loose + ", not a GitHub environment");
                        },
                        examples(plan(resource(ROLE, "deploy", role("deploy", "repo:acme/platform:environment:platform")),
                                        resource(ATTACHMENT, "deploy-admin", adminAttachment("deploy"))),
                                plan(resource(ROLE, "deploy", role("deploy", "repo:acme/platform:ref:refs/heads/main")),
                                        resource(ATTACHMENT, "deploy-admin", adminAttachment("deploy"))))),
                new Rule("PLAT_IAM_3", "GitHub Actions hardening: pull requests run untrusted code", Severity.MANDATORY, ROLE,
                        "no GitHub Actions role trusts pull requests", "trust a GitHub environment with required reviewers instead",
                        (r, p) -> fail(githubSubjects(r).stream().anyMatch(s -> s.endsWith(":pull_request")),
                                "any pull request's code can assume the role"),
                        examples(ROLE, role("preview", "repo:acme/platform:environment:preview"),
                                role("preview", "repo:acme/platform:pull_request"))),
                new Rule("PLAT_GIT_3", "GitHub: protect the default branch (checkov CKV_GIT_5 family)", Severity.MANDATORY, REPOSITORY,
                        "every repository's default branch is protected by an active ruleset or branch protection",
                        "add a RepositoryRuleset (enforcement active, ~DEFAULT_BRANCH) or a BranchProtection of main",
                        (r, p) -> fail(!protectsDefaultBranch(r, p), "anyone who can push can change " + input(r, "name") + "'s main"),
                        examples(plan(resource(REPOSITORY, "app", Map.of("name", "app")),
                                        resource(RULESET, "app-main", rulesetInputs("app", "active", BOT_BYPASS, strictRules()))),
                                plan(resource(REPOSITORY, "app", Map.of("name", "app"))))),
                new Rule("PLAT_GIT_4", "GitHub rulesets: bypass list", Severity.MANDATORY, RULESET,
                        "rulesets are enforced and bind admins: only named bots bypass them",
                        "set enforcement active and bypass only a team, app or deploy key of the bot, never the admin role",
                        (r, p) -> {
                            var bypass = input(r, "bypassActors") instanceof List<?> list ? list : List.of();
                            return fail(!"active".equals(input(r, "enforcement")) || bypass.stream().anyMatch(TrustRules::adminBypass),
                                    "the ruleset is " + input(r, "enforcement") + " or admins bypass it");
                        },
                        examples(RULESET, rulesetInputs("gitops", "active", BOT_BYPASS, strictRules()),
                                rulesetInputs("gitops", "active", List.of(Map.of("actorType", "RepositoryRole", "actorId", 5L,
                                        "bypassMode", "always")), strictRules()))),
                new Rule("PLAT_GIT_5", "GitHub rulesets: reviews by code owners and named checks", Severity.MANDATORY, RULESET,
                        "rulesets require a code owner's approval and named status checks",
                        "set rules.pullRequest.requireCodeOwnerReview true with one approval or more, and rules.requiredStatusChecks.requiredChecks",
                        (r, p) -> fail(!isTrue(r, "rules.pullRequest.requireCodeOwnerReview")
                                        || !(input(r, "rules.pullRequest.requiredApprovingReviewCount") instanceof Number n && n.longValue() >= 1)
                                        || !namedChecks(input(r, "rules.requiredStatusChecks.requiredChecks")),
                                "a change can merge without a code owner's approval or a named check"),
                        examples(RULESET, rulesetInputs("gitops", "active", BOT_BYPASS, strictRules()),
                                rulesetInputs("gitops", "active", BOT_BYPASS, Map.of("deletion", true, "nonFastForward", true,
                                        "pullRequest", Map.of("requiredApprovingReviewCount", 2L))))),
                new Rule("PLAT_GIT_6", "GitHub rulesets: history", Severity.MANDATORY, RULESET,
                        "rulesets block force pushes and deletion", "set rules.nonFastForward and rules.deletion true",
                        (r, p) -> fail(!isTrue(r, "rules.nonFastForward") || !isTrue(r, "rules.deletion"),
                                "history can be rewritten or the branch deleted"),
                        examples(RULESET, rulesetInputs("gitops", "active", BOT_BYPASS, strictRules()),
                                rulesetInputs("gitops", "active", BOT_BYPASS, Map.of("deletion", true)))),
                new Rule("PLAT_GIT_10", "checkov CKV_GIT_6, for rulesets", Severity.ADVISORY, RULESET,
                        "commits to the protected branch are signed", "set rules.requiredSignatures true (merges made on GitHub are signed by it)",
                        (r, p) -> fail(!isTrue(r, "rules.requiredSignatures"), "unsigned commits are accepted"),
                        examples(RULESET, rulesetInputs("gitops", "active", BOT_BYPASS, with(strictRules(), "requiredSignatures", true)),
                                rulesetInputs("gitops", "active", BOT_BYPASS, strictRules()))),
                new Rule("PLAT_GIT_7", "GitHub branch protection: include administrators (checkov CKV_GIT_5 family)", Severity.MANDATORY, PROTECTION,
                        "branch protection applies to admins, names its status checks and requires code owners",
                        "set enforceAdmins true, requiredStatusChecks.contexts and requiredPullRequestReviews.requireCodeOwnerReviews true (or use a ruleset with a bot bypass)",
                        (r, p) -> fail(!isTrue(r, "enforceAdmins") || !nonEmptyList(input(r, "requiredStatusChecks.0.contexts"))
                                        || !isTrue(r, "requiredPullRequestReviews.0.requireCodeOwnerReviews"),
                                "admins skip it, or it names no check, or code owners are not required"),
                        examples(PROTECTION, Map.of("pattern", "main", "enforceAdmins", true,
                                        "requiredStatusChecks", List.of(Map.of("strict", true, "contexts", List.of("test"))),
                                        "requiredPullRequestReviews", List.of(Map.of("requireCodeOwnerReviews", true))),
                                Map.of("pattern", "main", "enforceAdmins", false,
                                        "requiredStatusChecks", List.of(Map.of("strict", true, "contexts", List.of("test"))),
                                        "requiredPullRequestReviews", List.of(Map.of("requireCodeOwnerReviews", true))))),
                new Rule("PLAT_GIT_8", "GitHub Actions hardening: environment secrets", Severity.MANDATORY, REPOSITORY,
                        "no credential is a repository-level Actions secret (every branch's workflows could read it)",
                        "make it a secret of an environment that only main deploys to (ActionsEnvironmentSecret)",
                        (r, p) -> {
                            var name = input(r, "name");
                            var shared = p.ofType(SECRET).stream().filter(s -> name != null && name.equals(input(s, "repository")))
                                    .map(s -> String.valueOf(input(s, "secretName"))).toList();
                            return fail(!shared.isEmpty(), "repository-level secrets " + shared);
                        },
                        examples(plan(resource(REPOSITORY, "app", Map.of("name", "app")),
                                        resource(ENVIRONMENT_SECRET, "token", Map.of("repository", "app", "environment", "staging", "secretName", "GITOPS_TOKEN"))),
                                plan(resource(REPOSITORY, "app", Map.of("name", "app")),
                                        resource(SECRET, "token", Map.of("repository", "app", "secretName", "GITOPS_TOKEN"))))),
                new Rule("PLAT_GIT_9", "GitHub environments: deployment protection", Severity.MANDATORY, ENVIRONMENT,
                        "every environment admits only protected branches or reviewed runs, and admins cannot skip it",
                        "set deploymentBranchPolicy (protected branches or custom policies) or reviewers, and canAdminsBypass false",
                        (r, p) -> fail(!(isTrue(r, "deploymentBranchPolicy.protectedBranches") || isTrue(r, "deploymentBranchPolicy.customBranchPolicies")
                                        || nonEmptyList(input(r, "reviewers.0.teams")) || nonEmptyList(input(r, "reviewers.0.users")))
                                        || !Boolean.FALSE.equals(input(r, "canAdminsBypass")),
                                "any branch's workflow can run in it, or admins can skip its rules"),
                        examples(ENVIRONMENT, Map.of("environment", "production", "canAdminsBypass", false,
                                        "deploymentBranchPolicy", Map.of("protectedBranches", true, "customBranchPolicies", false)),
                                Map.of("environment", "production", "canAdminsBypass", false))),
                new Rule("CF_3", "Cloudflare API token guidance: client IP address filtering", Severity.MANDATORY, TOKEN,
                        "tokens work only from named addresses", "set condition.requestIp.ins to the cluster's NAT addresses (the default) or platform:dnsTokenAllowedCidrs",
                        (r, p) -> fail(!(input(r, "condition.requestIp.ins") instanceof List<?> ins && !ins.isEmpty()
                                        && ins.stream().noneMatch(c -> String.valueOf(c).endsWith("/0"))),
                                "the token works from any address"),
                        examples(TOKEN, token(ADDRESSES), token(Map.of()))),
                new Rule("CF_4", "Cloudflare API token guidance: token expiry", Severity.MANDATORY, TOKEN,
                        "tokens expire", "set expiresOn (the default is 15 months after the current quarter began)",
                        (r, p) -> fail(!(input(r, "expiresOn") instanceof String date && !date.isBlank()), "the token never expires"),
                        examples(TOKEN, token(Map.of("expiresOn", "2028-01-01T00:00:00Z")), token(Map.of()))));
    }
}
