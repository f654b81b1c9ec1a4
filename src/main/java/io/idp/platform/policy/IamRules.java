package io.idp.platform.policy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.idp.platform.policy.PlanFacts.*;

/** IAM roles and policies: checkov's IAM checks and the rules for OIDC trust (GitHub Actions, IRSA). */
final class IamRules {
    static final String ROLE = "aws:iam/role:Role";
    static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    static final String ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    static final String GITHUB = "token.actions.githubusercontent.com";

    private IamRules() {
    }

    static List<JsonObject> statements(Object document) {
        var statements = new ArrayList<JsonObject>();
        json(document).filter(JsonElement::isJsonObject).map(d -> d.getAsJsonObject().get("Statement")).ifPresent(s -> {
            if (s.isJsonArray()) {
                s.getAsJsonArray().forEach(e -> statements.add(e.getAsJsonObject()));
            } else if (s.isJsonObject()) {
                statements.add(s.getAsJsonObject());
            }
        });
        return statements;
    }

    static List<String> values(JsonObject statement, String key) {
        var element = statement.get(key);
        var values = new ArrayList<String>();
        if (element == null) {
            return values;
        }
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> values.add(e.isJsonPrimitive() ? e.getAsString() : e.toString()));
        } else {
            values.add(element.isJsonPrimitive() ? element.getAsString() : element.toString());
        }
        return values;
    }

    static String trust(String principal, Map<String, Object> condition) {
        var statement = new java.util.LinkedHashMap<String, Object>();
        statement.put("Effect", "Allow");
        statement.put("Principal", principal.equals("*") ? "*" : Map.of("Federated", principal));
        statement.put("Action", "sts:AssumeRoleWithWebIdentity");
        if (condition != null) {
            statement.put("Condition", condition);
        }
        return io.idp.platform.support.Json.render(Map.of("Version", "2012-10-17", "Statement", List.of(statement)));
    }

    static String githubTrust(String subject) {
        return trust("arn:aws:iam::111122223333:oidc-provider/" + GITHUB, Map.of("StringEquals",
                Map.of(GITHUB + ":aud", "sts.amazonaws.com", GITHUB + ":sub", List.of(subject))));
    }

    static String permissions(String action, String resource) {
        return io.idp.platform.support.Json.render(Map.of("Version", "2012-10-17",
                "Statement", List.of(Map.of("Effect", "Allow", "Action", List.of(action), "Resource", List.of(resource)))));
    }

    /** A resource that matches every bucket or every object: {@code *}, {@code arn:aws:s3:::*}, {@code arn:aws:s3:::*}{@code /*}. */
    static boolean everyBucket(String resource) {
        return resource.equals("*") || resource.startsWith("arn:aws:s3:::*");
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("CKV_AWS_60", "checkov CKV_AWS_60", Severity.MANDATORY, ROLE, "no role trusts every principal",
                        "name the service, account or identity provider in the trust policy's Principal",
                        (r, p) -> fail(statements(input(r, "assumeRolePolicy")).stream()
                                        .anyMatch(s -> "Allow".equals(s.get("Effect").getAsString()) && s.get("Principal") != null
                                                && (s.get("Principal").toString().equals("\"*\"") || s.get("Principal").toString().contains("\"AWS\":\"*\""))),
                                "the trust policy allows any principal"),
                        examples(ROLE, Map.of("assumeRolePolicy", githubTrust("repo:acme/platform:pull_request")),
                                Map.of("assumeRolePolicy", trust("*", null)))),
                new Rule("CKV_AWS_61", "checkov CKV_AWS_61", Severity.MANDATORY, ROLE, "trust policies grant only the assume-role actions",
                        "allow sts:AssumeRole or sts:AssumeRoleWithWebIdentity, not sts:* or *",
                        (r, p) -> fail(statements(input(r, "assumeRolePolicy")).stream()
                                        .anyMatch(s -> values(s, "Action").stream().anyMatch(a -> a.equals("*") || a.equals("sts:*"))),
                                "the trust policy grants wildcard actions"),
                        examples(ROLE, Map.of("assumeRolePolicy", githubTrust("repo:acme/platform:pull_request")),
                                Map.of("assumeRolePolicy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:*\"}]}"))),
                new Rule("CKV_AWS_358", "checkov CKV_AWS_358", Severity.MANDATORY, ROLE,
                        "GitHub Actions roles trust named repository subjects and the STS audience only",
                        "condition the trust on token.actions.githubusercontent.com:aud = sts.amazonaws.com and :sub = repo:<owner>/<repo>:...",
                        (r, p) -> {
                            var github = statements(input(r, "assumeRolePolicy")).stream()
                                    .filter(s -> s.get("Principal") != null && s.get("Principal").toString().contains(GITHUB)).toList();
                            var loose = github.stream().anyMatch(s -> {
                                var text = s.has("Condition") ? s.get("Condition").toString() : "";
                                return !text.contains(GITHUB + ":aud") || !text.contains("sts.amazonaws.com")
                                        || !text.contains(GITHUB + ":sub") || text.matches(".*\"repo:\\*.*") || text.contains(":sub\":\"*\"");
                            });
                            return fail(loose, "any repository (or audience) can assume the role");
                        },
                        examples(ROLE, Map.of("assumeRolePolicy", githubTrust("repo:acme/platform:ref:refs/heads/main")),
                                Map.of("assumeRolePolicy", trust("arn:aws:iam::111122223333:oidc-provider/" + GITHUB,
                                        Map.of("StringLike", Map.of(GITHUB + ":sub", "repo:*")))))),
                new Rule("PLAT_IAM_1", "EKS IRSA: scope a role's trust to service accounts", Severity.MANDATORY, ROLE,
                        "roles assumed by Kubernetes service accounts name the exact service accounts",
                        "condition the trust on <issuer>:sub = system:serviceaccount:<namespace>:<name>",
                        (r, p) -> fail(statements(input(r, "assumeRolePolicy")).stream()
                                        .filter(s -> s.get("Principal") != null && s.get("Principal").toString().contains("oidc.eks."))
                                        .anyMatch(s -> !s.has("Condition") || !s.get("Condition").toString().contains("system:serviceaccount:")
                                                || s.get("Condition").toString().contains("system:serviceaccount:*")),
                                "any service account of the cluster can assume the role"),
                        examples(ROLE, Map.of("assumeRolePolicy", trust("arn:aws:iam::1:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/X",
                                        Map.of("StringEquals", Map.of("oidc.eks.us-east-1.amazonaws.com/id/X:sub", List.of("system:serviceaccount:kube-system:aws-node"))))),
                                Map.of("assumeRolePolicy", trust("arn:aws:iam::1:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/X", null)))),
                new Rule("CKV_AWS_62", "checkov CKV_AWS_62", Severity.MANDATORY, ROLE_POLICY,
                        "no inline policy grants every action on every resource", "name the actions and resources the role needs",
                        (r, p) -> fail(statements(input(r, "policy")).stream().anyMatch(s -> "Allow".equals(s.get("Effect").getAsString())
                                        && values(s, "Action").contains("*") && values(s, "Resource").contains("*")),
                                "the policy grants *:* "),
                        examples(ROLE_POLICY, Map.of("policy", permissions("logs:PutLogEvents", "arn:aws:logs:x")),
                                Map.of("policy", permissions("*", "*")))),
                // The stores' and Velero's roles write data buckets: each may reach its own bucket only.
                new Rule("PLAT_IAM_4", "AWS S3 security best practices: least privilege on bucket ARNs", Severity.MANDATORY, ROLE_POLICY,
                        "an inline policy that allows S3 actions names its buckets, never every bucket",
                        "list the bucket ARNs (arn:aws:s3:::<bucket> and arn:aws:s3:::<bucket>/*) the role needs",
                        (r, p) -> fail(statements(input(r, "policy")).stream().anyMatch(s -> "Allow".equals(s.get("Effect").getAsString())
                                        && values(s, "Action").stream().anyMatch(a -> a.startsWith("s3:") || a.equals("*"))
                                        && values(s, "Resource").stream().anyMatch(IamRules::everyBucket)),
                                "the policy allows S3 actions on every bucket"),
                        examples(ROLE_POLICY, Map.of("policy", permissions("s3:PutObject", "arn:aws:s3:::mgmt-logs-us-east-1/*")),
                                Map.of("policy", permissions("s3:PutObject", "arn:aws:s3:::*")))),
                new Rule("CKV_AWS_274", "checkov CKV_AWS_274", Severity.ADVISORY, ATTACHMENT,
                        "no role holds AdministratorAccess", "grant the actions the role needs, or waive with the reason",
                        (r, p) -> fail("arn:aws:iam::aws:policy/AdministratorAccess".equals(input(r, "policyArn")),
                                "role " + input(r, "role") + " holds AdministratorAccess"),
                        examples(ATTACHMENT, Map.of("role", "r", "policyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"),
                                Map.of("role", "r", "policyArn", "arn:aws:iam::aws:policy/AdministratorAccess"))));
    }
}
