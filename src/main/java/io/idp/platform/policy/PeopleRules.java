package io.idp.platform.policy;

import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.idp.platform.policy.PlanFacts.*;

/**
 * People's access as people.yaml grants it: only the admins' roles are cluster-admin, a developer
 * team's edit rights stop at namespaces, nobody's team may administer a repository, and every
 * membership belongs to a team the platform manages (a stray one would survive offboarding).
 */
final class PeopleRules {
    static final String ASSOCIATION = "aws:eks/accessPolicyAssociation:AccessPolicyAssociation";
    static final String ENTRY = "aws:eks/accessEntry:AccessEntry";
    static final String TEAM_REPOSITORY = "github:index/teamRepository:TeamRepository";
    static final String MEMBERSHIP = "github:index/teamMembership:TeamMembership";
    static final String TEAM = "github:index/team:Team";
    static final String TEAM_TAG = "platform/team";
    static final String ADMIN_POLICY = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";
    static final String EDIT_POLICY = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy";
    static final String ROLE = "arn:aws:iam::111122223333:role/developers";

    private PeopleRules() {
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("PLAT_PEOPLE_1", "CIS Amazon EKS Benchmark 4.1.1 (cluster-admin only where required)", Severity.MANDATORY, ASSOCIATION,
                        "only the admins team's roles are cluster-admin; other teams edit only in namespaces",
                        "give the role to the admins team in people.yaml, or scope the association to namespaces",
                        PeopleRules::teamAccess,
                        examples(plan(entry("admins"), association(ADMIN_POLICY, "cluster")),
                                plan(entry("developers"), association(ADMIN_POLICY, "cluster")))),
                new Rule("PLAT_PEOPLE_2", "GitHub repository roles, least privilege", Severity.MANDATORY, TEAM_REPOSITORY,
                        "no team administers a repository: admins maintain, developers push",
                        "set permission maintain, push, triage or pull",
                        (r, p) -> fail("admin".equals(input(r, "permission")), "the team may delete the repository or change its protection"),
                        examples(TEAM_REPOSITORY, Map.of("teamId", "1", "repository", "gitops", "permission", "maintain"),
                                Map.of("teamId", "1", "repository", "gitops", "permission", "admin"))),
                new Rule("PLAT_PEOPLE_3", "people as code (every membership offboards with its team)", Severity.MANDATORY, MEMBERSHIP,
                        "every membership is of a team the platform manages",
                        "list the person under a team of people.yaml instead of naming a team id",
                        (r, p) -> fail(p.ofType(TEAM).stream().noneMatch(team -> team.outputs().get("id") != null
                                        && team.outputs().get("id").equals(input(r, "teamId"))),
                                "team " + input(r, "teamId") + " is not a team of this plan"),
                        examples(plan(resource(TEAM, "developers", Map.of("name", "developers")),
                                        resource(MEMBERSHIP, "member", Map.of("teamId", "developers-id", "username", "octocat"))),
                                plan(resource(MEMBERSHIP, "member", Map.of("teamId", "4242", "username", "octocat"))))));
    }

    /** An association of a role whose access entry is tagged with a team other than admins. */
    private static Optional<String> teamAccess(PlannedResource association, Plan plan) {
        var team = plan.ofType(ENTRY).stream()
                .filter(e -> e.inputs().get("principalArn") != null && e.inputs().get("principalArn").equals(association.inputs().get("principalArn"))
                        && java.util.Objects.equals(e.inputs().get("clusterName"), association.inputs().get("clusterName")))
                .map(e -> input(e, "tags." + TEAM_TAG)).filter(java.util.Objects::nonNull).map(String::valueOf).findFirst();
        if (team.isEmpty() || team.get().equals("admins")) {
            return Optional.empty();
        }
        var policy = input(association, "policyArn");
        var scope = input(association, "accessScope.type");
        if (ADMIN_POLICY.equals(policy)) {
            return Optional.of("team " + team.get() + " gets cluster-admin");
        }
        return fail(EDIT_POLICY.equals(policy) && !"namespace".equals(scope), "team " + team.get() + " may edit every namespace");
    }

    private static PlannedResource entry(String team) {
        return resource(ENTRY, "entry", Map.of("clusterName", "prod", "principalArn", ROLE, "tags", Map.of(TEAM_TAG, team)));
    }

    private static PlannedResource association(String policy, String scope) {
        return resource(ASSOCIATION, "association", Map.of("clusterName", "prod", "principalArn", ROLE, "policyArn", policy,
                "accessScope", Map.of("type", scope)));
    }
}
