package io.idp.platform.stacks;

import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.PlanDiff;
import io.idp.platform.local.PlanDiff.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Onboarding and offboarding are one change of people.yaml: planned before and after on the offline
 * engine, the diff holds exactly that person's memberships (or that team's access), and nothing else.
 */
class OffboardingTest {
    static final String MEMBERSHIP = "github:index/teamMembership:TeamMembership";

    /** Each changed resource (reads, such as the stack reference, change nothing) by type and name, with its operation. */
    static Map<String, String> changes(PlanDiff diff) {
        var out = new TreeMap<String, String>();
        diff.changes().stream().filter(c -> c.op() != Op.SAME && c.op() != Op.READ)
                .forEach(c -> out.put(c.resource().type() + " " + c.resource().name(), c.op().name()));
        return out;
    }

    @Test
    void removingAPersonDeletesExactlyTheirMembershipsAndNothingElse(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir);
        var engine = new OfflineEngine(dir);
        var mgmtBefore = engine.plan("mgmt").plan();
        engine.plans().write(mgmtBefore);
        var eastBefore = engine.plan("production-east").plan();
        var stagingBefore = engine.plan("staging").plan();
        var memberships = mgmtBefore.ofType(MEMBERSHIP).stream().filter(r -> "grace-platform".equals(r.inputs().get("username"))).toList();
        assertEquals(2, memberships.size(), "grace is in admins and developers before");

        project.replace("people.yaml", """
                  - login: grace-platform
                    email: grace@example.com
                    teams: {admins: member, developers: maintainer}
                """, "");
        var mgmtAfter = engine.plan("mgmt").plan();
        var eastAfter = engine.plan("production-east").plan();
        var stagingAfter = engine.plan("staging").plan();

        assertEquals(Map.of(
                MEMBERSHIP + " teams-admins-grace-platform", "DELETE",
                MEMBERSHIP + " teams-developers-grace-platform", "DELETE"), changes(PlanDiff.between(mgmtBefore, mgmtAfter)));
        assertEquals(Map.of(), changes(PlanDiff.between(eastBefore, eastAfter)), "a person is not part of a cluster's plan");
        // The virtual cluster's RBAC names teams, never people: its plan and its gitops files stay as they were.
        assertEquals(Map.of(), changes(PlanDiff.between(stagingBefore, stagingAfter)), "nor of a virtual cluster's");
        var access = peopleAccess(stagingAfter);
        assertEquals(peopleAccess(stagingBefore), access);
        assertFalse(access.contains("grace"), access);
        assertTrue(access.contains("kind: Group") && !access.contains("kind: User"), access);
    }

    /** The virtual cluster's RBAC file, as its plan commits it to the gitops repository. */
    static String peopleAccess(io.idp.platform.local.Plan plan) {
        return plan.ofType("github:index/repositoryFile:RepositoryFile").stream()
                .filter(f -> String.valueOf(f.inputs().get("file")).endsWith("/" + io.idp.platform.gitops.VirtualClusterAccess.FILE))
                .map(f -> String.valueOf(f.inputs().get("content"))).findFirst().orElseThrow();
    }

    @Test
    void onboardingAPersonCreatesExactlyTheirMembership(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir);
        var engine = new OfflineEngine(dir);
        var before = engine.plan("mgmt").plan();
        project.replace("people.yaml", "people:\n", "people:\n  - login: new-hire\n    email: new.hire@example.com\n    teams: {contractors: member}\n");
        var after = engine.plan("mgmt").plan();

        assertEquals(Map.of(MEMBERSHIP + " teams-contractors-new-hire", "CREATE"), changes(PlanDiff.between(before, after)));
        var created = after.ofType(MEMBERSHIP).stream().filter(r -> r.name().equals("teams-contractors-new-hire")).findFirst().orElseThrow();
        assertEquals("new-hire", created.inputs().get("username"));
        assertEquals("member", created.inputs().get("role"));
    }

    @Test
    void removingATeamsRoleDeletesItsAccessEntryAndAssociationsOnEveryCluster(@TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir);
        var engine = new OfflineEngine(dir);
        var mgmtBefore = engine.plan("mgmt").plan();
        engine.plans().write(mgmtBefore);
        var eastBefore = engine.plan("production-east").plan();
        project.replace("people.yaml", """
                    awsRoleArns:
                      - arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Developers_1b2c3d4e5f6a7b8c
                """, "");
        var mgmtAfter = engine.plan("mgmt").plan();
        var eastAfter = engine.plan("production-east").plan();

        var label = "developers-111122223333-AWSReservedSSO_Developers_1b2c3d4e5f6a7b8c";
        assertEquals(Map.of(
                "aws:eks/accessEntry:AccessEntry mgmt-access-" + label, "DELETE",
                "aws:eks/accessPolicyAssociation:AccessPolicyAssociation mgmt-access-" + label + "-view", "DELETE"),
                changes(PlanDiff.between(mgmtBefore, mgmtAfter)));
        assertEquals(Map.of(
                "aws:eks/accessEntry:AccessEntry production-east-access-" + label, "DELETE",
                "aws:eks/accessPolicyAssociation:AccessPolicyAssociation production-east-access-" + label + "-view", "DELETE",
                "aws:eks/accessPolicyAssociation:AccessPolicyAssociation production-east-access-" + label + "-edit", "DELETE"),
                changes(PlanDiff.between(eastBefore, eastAfter)));
    }
}
