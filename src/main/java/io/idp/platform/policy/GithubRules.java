package io.idp.platform.policy;

import java.util.List;
import java.util.Map;

import static io.idp.platform.policy.PlanFacts.*;

/** GitHub repositories the platform creates: checkov's CKV_GIT checks. */
final class GithubRules {
    static final String REPOSITORY = "github:index/repository:Repository";
    static final String PROTECTION = "github:index/branchProtection:BranchProtection";
    static final String SECRET = "github:index/actionsSecret:ActionsSecret";
    static final String WEBHOOK = "github:index/repositoryWebhook:RepositoryWebhook";

    private GithubRules() {
    }

    static List<Rule> rules() {
        var review = Map.of("requiredApprovingReviewCount", 2L, "dismissStaleReviews", true);
        return List.of(
                new Rule("CKV_GIT_1", "checkov CKV_GIT_1", Severity.MANDATORY, REPOSITORY, "repositories are private",
                        "set visibility private", (r, p) -> fail(!"private".equals(input(r, "visibility")) && !isTrue(r, "private"),
                        "the repository is " + input(r, "visibility")),
                        examples(REPOSITORY, Map.of("visibility", "private"), Map.of("visibility", "public"))),
                new Rule("CKV_GIT_3", "checkov CKV_GIT_3", Severity.MANDATORY, REPOSITORY, "vulnerability alerts are on",
                        "set vulnerabilityAlerts true", (r, p) -> fail(!isTrue(r, "vulnerabilityAlerts"), "vulnerability alerts are off"),
                        examples(REPOSITORY, Map.of("vulnerabilityAlerts", true), Map.of("vulnerabilityAlerts", false))),
                new Rule("PLAT_GIT_1", "GitHub secret scanning and push protection", Severity.ADVISORY, REPOSITORY,
                        "secret scanning and push protection are on", "set securityAndAnalysis.secretScanning(PushProtection).status enabled",
                        (r, p) -> fail(!"enabled".equals(input(r, "securityAndAnalysis.secretScanning.status"))
                                || !"enabled".equals(input(r, "securityAndAnalysis.secretScanningPushProtection.status")), "secret scanning is off"),
                        examples(REPOSITORY, Map.of("securityAndAnalysis", Map.of("secretScanning", Map.of("status", "enabled"),
                                "secretScanningPushProtection", Map.of("status", "enabled"))), Map.of("visibility", "private"))),
                new Rule("CKV_GIT_4", "checkov CKV_GIT_4", Severity.MANDATORY, SECRET, "Actions secrets are given encrypted, never in plain text",
                        "pass encryptedValue, or a secret output that stays secret",
                        (r, p) -> fail(input(r, "plaintextValue") != null && !"[secret]".equals(input(r, "plaintextValue")),
                                "the secret value is in plain text in the program"),
                        examples(SECRET, Map.of("secretName", "X", "plaintextValue", "[secret]"), Map.of("secretName", "X", "plaintextValue", "hunter2"))),
                new Rule("CKV_GIT_5", "checkov CKV_GIT_5", Severity.MANDATORY, PROTECTION, "pull requests need at least two approvals",
                        "set requiredPullRequestReviews.requiredApprovingReviewCount 2",
                        (r, p) -> fail(!(input(r, "requiredPullRequestReviews.0.requiredApprovingReviewCount") instanceof Number n && n.longValue() >= 2),
                                "merges need fewer than two approvals"),
                        examples(PROTECTION, Map.of("pattern", "main", "requiredPullRequestReviews", List.of(review)),
                                Map.of("pattern", "main", "requiredPullRequestReviews", List.of(Map.of("requiredApprovingReviewCount", 1L))))),
                new Rule("CKV_GIT_6", "checkov CKV_GIT_6", Severity.ADVISORY, PROTECTION, "commits to the protected branch are signed",
                        "set requireSignedCommits true (the git bot then needs a signing key) or waive",
                        (r, p) -> fail(!isTrue(r, "requireSignedCommits"), "unsigned commits are accepted"),
                        examples(PROTECTION, Map.of("requireSignedCommits", true), Map.of("requireSignedCommits", false))),
                new Rule("PLAT_GIT_2", "GitHub branch protection best practice", Severity.MANDATORY, PROTECTION,
                        "the protected branch cannot be force-pushed or deleted", "set allowsForcePushes and allowsDeletions false",
                        (r, p) -> fail(isTrue(r, "allowsForcePushes") || isTrue(r, "allowsDeletions"), "history can be rewritten or the branch deleted"),
                        examples(PROTECTION, Map.of("allowsForcePushes", false, "allowsDeletions", false), Map.of("allowsForcePushes", true))),
                new Rule("CKV_GIT_2", "checkov CKV_GIT_2", Severity.MANDATORY, WEBHOOK, "webhooks verify TLS",
                        "set configuration.insecureSsl false", (r, p) -> fail(isTrue(r, "configuration.insecureSsl"), "the webhook skips TLS verification"),
                        examples(WEBHOOK, Map.of("configuration", Map.of("insecureSsl", false)), Map.of("configuration", Map.of("insecureSsl", true)))));
    }
}
